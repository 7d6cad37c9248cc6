package dev.ltb.pipeline;

import dev.ltb.plugin.ModuleHash;
import dev.ltb.plugin.PluginException;
import dev.ltb.plugin.PluginManifest;
import dev.ltb.plugin.PluginPackage;
import dev.ltb.plugin.UploadedPlugins;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A tenant's uploaded plugins in the blob store, each version under its module's hash: {@code
 * tenants/<id>/plugins/<name>/<sha256>.json} (the manifest) and {@code <sha256>.wasm} (the module). A version
 * never changes once stored (its key is its content), so workers may cache what they read.
 */
public final class StoredPlugins implements UploadedPlugins {

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

  private final BlobStore blobs;
  private final String prefix;

  public StoredPlugins(BlobStore blobs, String tenantId) {
    this.blobs = Objects.requireNonNull(blobs, "blobs");
    this.prefix = RunRef.tenantPrefix(tenantId) + "plugins/";
  }

  /** Where the manifest of a version lives (the module is beside it, {@code .wasm} for {@code .json}). */
  public String manifestKey(String name, String sha256) {
    return prefix + name + "/" + sha256 + ".json";
  }

  public String moduleKey(String name, String sha256) {
    return prefix + name + "/" + sha256 + ".wasm";
  }

  /**
   * Stores a plugin; storing the same version again is harmless.
   *
   * @throws PluginException.InvalidManifest when the module is not the one its manifest names by hash
   * @return the module's hash, the pin a suite declares it with
   */
  public String put(PluginPackage plugin) {
    ModuleHash.check(plugin.manifest(), plugin.module());
    String name = plugin.manifest().name();
    String sha256 = plugin.manifest().sha256();
    blobs.put(moduleKey(name, sha256), plugin.module(), "application/wasm");
    blobs.put(manifestKey(name, sha256), plugin.manifest().toJson().getBytes(StandardCharsets.UTF_8), "application/json");
    return sha256;
  }

  @Override
  public Optional<PluginPackage> find(String name, String sha256) {
    String hash = sha256.toLowerCase(Locale.ROOT);
    if (!NAME.matcher(name).matches() || !SHA256.matcher(hash).matches()) return Optional.empty();
    Optional<byte[]> manifestBytes = blobs.get(manifestKey(name, hash));
    if (manifestBytes.isEmpty()) return Optional.empty();
    String source = "uploaded plugin " + name + "@" + hash.substring(0, 12);
    PluginManifest manifest = PluginManifest.parse(new String(manifestBytes.get(), StandardCharsets.UTF_8), source);
    if (!manifest.name().equals(name) || !manifest.sha256().equals(hash))
      throw new PluginException.InvalidManifest(source + ": the stored manifest names " + manifest.name() + "@"
          + manifest.sha256() + "; upload the plugin again");
    byte[] module =
        blobs.get(moduleKey(name, hash))
            .orElseThrow(() -> new PluginException.NotFound(source + ": its module was not uploaded; upload it again"));
    ModuleHash.check(manifest, module);
    return Optional.of(new PluginPackage(manifest, module, source));
  }
}
