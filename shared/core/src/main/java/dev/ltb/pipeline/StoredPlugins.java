package dev.ltb.pipeline;

import dev.ltb.plugin.ModuleHash;
import dev.ltb.plugin.PluginException;
import dev.ltb.plugin.PluginManifest;
import dev.ltb.plugin.PluginPackage;
import dev.ltb.plugin.UploadedPlugins;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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

  /**
   * Stores a version's manifest alone, before its module arrives (by a presigned upload to {@link #moduleKey}).
   * Until then the version is listed without its module, and a suite pinning it is refused.
   */
  public void putManifest(PluginManifest manifest) {
    blobs.put(
        manifestKey(manifest.name(), manifest.sha256()), manifest.toJson().getBytes(StandardCharsets.UTF_8),
        "application/json");
  }

  /** A stored version as listed: its manifest, and whether its module has been uploaded. */
  public record Version(PluginManifest manifest, boolean moduleUploaded) {}

  /** The tenant's versions, by name then hash; at most {@code limit}. */
  public List<Version> list(int limit) {
    List<String> keys = blobs.keys(prefix, 2 * limit + 1);
    Set<String> modules = new HashSet<>();
    for (String key : keys) if (key.endsWith(".wasm")) modules.add(key.substring(0, key.length() - ".wasm".length()));
    List<Version> versions = new ArrayList<>();
    for (String key : keys) {
      if (!key.endsWith(".json") || versions.size() == limit) continue;
      String stem = key.substring(0, key.length() - ".json".length());
      blobs.get(key).ifPresent(bytes -> {
        try {
          versions.add(new Version(PluginManifest.parse(new String(bytes, StandardCharsets.UTF_8), key), modules.contains(stem)));
        } catch (PluginException e) {
          // only this class writes manifests, after parsing them; an unreadable one is skipped, not fatal
        }
      });
    }
    return versions;
  }

  /** Removes a version (its manifest and module); true when there was one. */
  public boolean delete(String name, String sha256) {
    String hash = sha256.toLowerCase(Locale.ROOT);
    if (!NAME.matcher(name).matches() || !SHA256.matcher(hash).matches()) return false;
    boolean existed = blobs.get(manifestKey(name, hash)).isPresent();
    blobs.delete(moduleKey(name, hash));
    blobs.delete(manifestKey(name, hash));
    return existed;
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
