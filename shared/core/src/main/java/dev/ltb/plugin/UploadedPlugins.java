package dev.ltb.plugin;

import java.util.Optional;

/**
 * Plugins a tenant uploaded to the service, found by name and module hash. In the cloud a suite cannot read a
 * plugin from a path, so it names an uploaded one by its {@code sha256} pin instead.
 */
public interface UploadedPlugins {

  /** Nothing uploaded (the local CLI reads plugins from disk). */
  UploadedPlugins NONE = (name, sha256) -> Optional.empty();

  /**
   * The uploaded plugin {@code name} whose module has this hash, with its module checked against its manifest.
   *
   * @param sha256 the module's SHA-256, lowercase hex
   * @throws PluginException.InvalidManifest when the stored manifest is invalid or names another module
   */
  Optional<PluginPackage> find(String name, String sha256);
}
