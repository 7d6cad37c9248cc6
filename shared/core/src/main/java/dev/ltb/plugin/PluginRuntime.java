package dev.ltb.plugin;

/**
 * The plugin host port: turns a manifest and module bytes into a callable {@link Plugin}. The Chicory
 * implementation lives in {@code shared/wasm}; the core knows only this interface.
 */
public interface PluginRuntime {

  /**
   * Checks the module against the manifest's hash, validates its imports and exports, and compiles it
   * (once per content hash and process).
   *
   * @throws PluginException.InvalidManifest when the hash differs or a capability is not grantable
   * @throws PluginException.InvalidModule when the bytes are not valid WebAssembly or import what the sandbox
   *     does not provide
   * @throws PluginException.MissingExport when the export of the manifest's kind or the memory is missing
   */
  Plugin load(PluginManifest manifest, byte[] module);
}
