package dev.ltb.api;

import dev.ltb.audit.AuditLog;
import dev.ltb.audit.AuditRecorder;
import dev.ltb.audit.ResourceRef;
import dev.ltb.pipeline.BlobStore;
import dev.ltb.pipeline.StoredPlugins;
import dev.ltb.plugin.PluginException;
import dev.ltb.plugin.PluginManifest;
import dev.ltb.plugin.PluginPackage;
import dev.ltb.plugin.PluginRuntime;
import dev.ltb.security.Operation;
import dev.ltb.tenancy.ResourceNotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A tenant's WASM plugins in the cloud ({@link StoredPlugins}): a version is registered with its manifest, its
 * module uploaded straight to storage through a presigned URL, checked against the sandbox, listed and deleted.
 * Suites use a version by name and hash ({@code plugins: {name: {sha256: ...}}}), in the pipeline exactly as
 * {@code ltb run} uses a plugin on disk.
 */
public final class PluginService {

  /** How long an upload URL works. */
  public static final Duration UPLOAD_VALIDITY = Duration.ofMinutes(15);
  /** A manifest is small; a larger body is not one. */
  public static final int MAX_MANIFEST_BYTES = 64 * 1024;
  public static final int MAX_LISTED = 200;

  private static final String PLUGIN = "plugin";
  private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

  private final BlobStore blobs;
  private final UploadUrls uploads;
  private final PluginRuntime runtime;
  private final Guard guard;
  private final Clock clock;

  /**
   * @param runtime loads modules under the sandbox's rules (validation)
   * @param audit where each change and each denial is recorded
   */
  public static PluginService wire(
      BlobStore blobs, UploadUrls uploads, PluginRuntime runtime, AuditLog audit, Clock clock) {
    return new PluginService(blobs, uploads, runtime, new Guard(new AuditRecorder(audit, clock)), clock);
  }

  PluginService(BlobStore blobs, UploadUrls uploads, PluginRuntime runtime, Guard guard, Clock clock) {
    this.blobs = Objects.requireNonNull(blobs);
    this.uploads = Objects.requireNonNull(uploads);
    this.runtime = Objects.requireNonNull(runtime);
    this.guard = Objects.requireNonNull(guard);
    this.clock = Objects.requireNonNull(clock);
  }

  /**
   * A registered version and where to upload its module.
   *
   * @param declaration what a suite writes to use this version
   */
  public record PluginUpload(
      PluginVersion plugin, UploadUrls.Upload upload, Instant expiresAt, String declaration) {}

  /** A stored version: its manifest's fields and whether its module has arrived. */
  public record PluginVersion(
      String name, String version, String kind, String description, String sha256, boolean moduleUploaded) {

    static PluginVersion of(PluginManifest manifest, boolean moduleUploaded) {
      return new PluginVersion(
          manifest.name(), manifest.version(), manifest.kind().id(), manifest.description(), manifest.sha256(),
          moduleUploaded);
    }
  }

  /**
   * The sandbox's verdict on an uploaded version.
   *
   * @param problem why the module cannot run, null when it can
   */
  public record PluginCheck(PluginVersion plugin, boolean valid, String problem) {}

  /** Registers a version from its {@code plugin.json} (with {@code sha256}) and answers where to put its module. */
  public PluginUpload register(Caller caller, String manifestJson) {
    guard.require(caller, Operation.PLUGINS_MANAGE, ResourceRef.collection(PLUGIN));
    if (manifestJson == null || manifestJson.isBlank()) throw ApiException.invalidField("manifest", "is required: the plugin's plugin.json");
    if (manifestJson.length() > MAX_MANIFEST_BYTES)
      throw ApiException.invalidField("manifest", "must be at most " + MAX_MANIFEST_BYTES + " bytes");
    PluginManifest manifest;
    try {
      manifest = PluginManifest.parse(manifestJson, "plugin.json");
    } catch (PluginException e) {
      throw ApiException.invalidField("manifest", e.getMessage());
    }
    List<String> refused =
        manifest.capabilities().stream().filter(c -> !PluginManifest.GRANTABLE_CAPABILITIES.contains(c)).toList();
    if (!refused.isEmpty())
      throw ApiException.invalidField(
          "manifest.capabilities", "the sandbox grants only " + PluginManifest.GRANTABLE_CAPABILITIES + "; not " + refused);
    StoredPlugins store = store(caller);
    store.putManifest(manifest);
    UploadUrls.Upload upload =
        uploads.forPut(store.moduleKey(manifest.name(), manifest.sha256()), "application/wasm", UPLOAD_VALIDITY);
    guard.succeeded(caller, Operation.PLUGINS_MANAGE, ResourceRef.of(PLUGIN, manifest.name()));
    return new PluginUpload(
        PluginVersion.of(manifest, false), upload, clock.instant().plus(UPLOAD_VALIDITY),
        "plugins: {" + manifest.name() + ": {sha256: " + manifest.sha256() + "}}");
  }

  public List<PluginVersion> list(Caller caller) {
    guard.require(caller, Operation.PLUGINS_READ, ResourceRef.collection(PLUGIN));
    return store(caller).list(MAX_LISTED).stream()
        .map(version -> PluginVersion.of(version.manifest(), version.moduleUploaded()))
        .toList();
  }

  /** Loads the uploaded module as a run would: the hash, its imports and exports, under the sandbox's rules. */
  public PluginCheck validate(Caller caller, String name, String sha256) {
    ResourceRef resource = requireVersion(caller, Operation.PLUGINS_MANAGE, name, sha256);
    Optional<PluginPackage> found;
    try {
      found = store(caller).find(name, sha256);
    } catch (PluginException e) {
      return new PluginCheck(listed(caller, name, sha256), false, e.getMessage());
    }
    if (found.isEmpty()) throw new ResourceNotFoundException(PLUGIN, name);
    PluginVersion version = PluginVersion.of(found.get().manifest(), true);
    try {
      runtime.load(found.get().manifest(), found.get().module());
    } catch (PluginException e) {
      return new PluginCheck(version, false, e.getMessage());
    }
    guard.succeeded(caller, Operation.PLUGINS_MANAGE, resource);
    return new PluginCheck(version, true, null);
  }

  public void delete(Caller caller, String name, String sha256) {
    ResourceRef resource = requireVersion(caller, Operation.PLUGINS_MANAGE, name, sha256);
    if (!store(caller).delete(name, sha256)) throw new ResourceNotFoundException(PLUGIN, name);
    guard.succeeded(caller, Operation.PLUGINS_MANAGE, resource);
  }

  /** The listed version of a module that is missing or not the one its manifest names. */
  private PluginVersion listed(Caller caller, String name, String sha256) {
    return store(caller).list(MAX_LISTED).stream()
        .filter(v -> v.manifest().name().equals(name) && v.manifest().sha256().equalsIgnoreCase(sha256))
        .findFirst()
        .map(v -> PluginVersion.of(v.manifest(), v.moduleUploaded()))
        .orElseThrow(() -> new ResourceNotFoundException(PLUGIN, name));
  }

  private ResourceRef requireVersion(Caller caller, Operation operation, String name, String sha256) {
    ResourceRef resource = guard.require(caller, operation, PLUGIN, "name", name);
    if (!NAME.matcher(name).matches()) throw ApiException.invalidField("name", "must be kebab-case, e.g. my-check");
    if (sha256 == null || !SHA256.matcher(sha256).matches())
      throw ApiException.invalidField("sha256", "must be the module's SHA-256 as 64 hex digits");
    return resource;
  }

  private StoredPlugins store(Caller caller) {
    return new StoredPlugins(blobs, caller.tenant().value());
  }
}
