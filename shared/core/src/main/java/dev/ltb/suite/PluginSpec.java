package dev.ltb.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ltb.plugin.PluginLimits;
import java.util.Objects;

/**
 * A WebAssembly plugin the suite uses, as resolved when the suite was loaded: declared under {@code plugins:},
 * or a bundled plugin named by a {@code plugin:<name>} use without a declaration.
 *
 * @param name the plugin's name (its manifest's {@code name}); uses write {@code plugin:<name>}
 * @param path the plugin's folder, {@code plugin.json} or {@code .wasm}, absolute; null for a bundled plugin
 * @param sha256 the content hash of the module the loader checked; the module is refused at run time when its
 *     bytes no longer match, so a stored run always names exactly what judged it
 * @param config configuration for every use, under the use's own {@code config} (whose keys win); an object
 * @param limits the suite's own limits, replacing the manifest's for the keys it sets; null for none
 */
public record PluginSpec(String name, String path, String sha256, JsonNode config, Limits limits) {

  public PluginSpec {
    Objects.requireNonNull(name, "name");
    config = config == null || config.isNull() ? JsonNodeFactory.instance.objectNode() : config;
  }

  /** A bundled plugin, identified by its name and hash. */
  public static PluginSpec bundled(String name, String sha256) {
    return new PluginSpec(name, null, sha256, null, null);
  }

  public boolean isBundled() {
    return path == null;
  }

  /** The same declaration pinned to the hash the loader found. */
  public PluginSpec withSha256(String checked) {
    return new PluginSpec(name, path, checked, config, limits);
  }

  /**
   * Limits a suite sets for a plugin; each null keeps the manifest's value. The host's ceilings
   * ({@link PluginLimits#MAX_MEMORY_PAGES} ...) still apply.
   */
  public record Limits(Integer memoryPages, Long timeoutMs, Integer maxOutputBytes) {

    /** The manifest's limits with these applied. */
    public PluginLimits applyTo(PluginLimits manifest) {
      return new PluginLimits(
          memoryPages == null ? manifest.memoryPages() : memoryPages,
          timeoutMs == null ? manifest.timeoutMs() : timeoutMs,
          maxOutputBytes == null ? manifest.maxOutputBytes() : maxOutputBytes);
    }
  }
}
