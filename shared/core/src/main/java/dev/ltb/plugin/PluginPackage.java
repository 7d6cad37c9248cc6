package dev.ltb.plugin;

import java.util.Objects;

/**
 * A plugin as found on disk or among the bundled ones, before the runtime loads it.
 *
 * @param manifest its manifest
 * @param module the module's bytes
 * @param source where it came from, for messages: a file path, or {@code bundled}
 */
public record PluginPackage(PluginManifest manifest, byte[] module, String source) {

  public PluginPackage {
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(source, "source");
  }

  /** The SHA-256 of the module's bytes (lowercase hex). */
  public String moduleSha256() {
    return ModuleHash.sha256(module);
  }

  /** The same package with the suite's limits in place of the manifest's. */
  public PluginPackage withLimits(PluginLimits limits) {
    return new PluginPackage(manifest.withLimits(limits), module, source);
  }
}
