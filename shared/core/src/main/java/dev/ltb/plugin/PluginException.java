package dev.ltb.plugin;

/**
 * A plugin could not be loaded or a call failed. The subtype says what went wrong; inside a run the failure
 * is recorded on the assertion (it fails with this message) and the run goes on. Messages name the plugin
 * and say what to change.
 */
public abstract sealed class PluginException extends RuntimeException
    permits PluginException.NotFound,
        PluginException.InvalidManifest,
        PluginException.InvalidModule,
        PluginException.MissingExport,
        PluginException.Trap,
        PluginException.PluginError,
        PluginException.Timeout,
        PluginException.MemoryLimit,
        PluginException.OutputTooLarge,
        PluginException.MalformedOutput {

  protected PluginException(String message, Throwable cause) {
    super(message, cause);
  }

  /** No plugin where the suite or command says: no such file, no plugin.json, no bundled plugin of that name. */
  public static final class NotFound extends PluginException {
    public NotFound(String message) {
      super(message, null);
    }
  }

  /** The manifest is unreadable, its hash does not match the module, or it asks for a capability not granted. */
  public static final class InvalidManifest extends PluginException {
    public InvalidManifest(String message) {
      super(message, null);
    }

    public InvalidManifest(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The bytes are not a valid WebAssembly module, or it imports what the sandbox does not provide. */
  public static final class InvalidModule extends PluginException {
    public InvalidModule(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The module lacks the export its kind is called through (or its memory). */
  public static final class MissingExport extends PluginException {
    public MissingExport(String message) {
      super(message, null);
    }
  }

  /** The module trapped (unreachable, out-of-bounds access, division by zero, stack exhaustion...). */
  public static final class Trap extends PluginException {
    public Trap(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The plugin ran to the end and reported a failure itself (a non-zero return, with its error message). */
  public static final class PluginError extends PluginException {
    public PluginError(String message) {
      super(message, null);
    }
  }

  /** The call ran past its wall-clock limit and was interrupted. */
  public static final class Timeout extends PluginException {
    public Timeout(String message) {
      super(message, null);
    }
  }

  /** The plugin tried to use more memory than its limit allows. */
  public static final class MemoryLimit extends PluginException {
    public MemoryLimit(String message) {
      super(message, null);
    }
  }

  /** The plugin's output is larger than its limit allows. */
  public static final class OutputTooLarge extends PluginException {
    public OutputTooLarge(String message) {
      super(message, null);
    }
  }

  /** The output is not the JSON the plugin's kind must return. */
  public static final class MalformedOutput extends PluginException {
    public MalformedOutput(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
