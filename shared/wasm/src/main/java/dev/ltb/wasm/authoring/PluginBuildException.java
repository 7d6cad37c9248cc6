package dev.ltb.wasm.authoring;

/** A plugin project could not be built: its build failed, or it has nothing to build from. */
public final class PluginBuildException extends RuntimeException {

  public PluginBuildException(String message) {
    super(message);
  }

  public PluginBuildException(String message, Throwable cause) {
    super(message, cause);
  }
}
