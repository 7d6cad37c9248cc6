package dev.ltb.pipeline;

import dev.ltb.dataset.Dataset;
import dev.ltb.dataset.DatasetException;
import dev.ltb.dataset.DatasetRef;
import dev.ltb.dataset.DatasetStatus;
import dev.ltb.dataset.DatasetVersion;
import dev.ltb.dataset.TenantDatasets;
import dev.ltb.json.Json;
import dev.ltb.plugin.ModuleHash;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A tenant's uploaded datasets in the blob store, each version under its file's hash: {@code
 * tenants/<id>/datasets/<name>/<sha256>.<csv|jsonl|json|yaml>} (the file, uploaded straight to storage) and {@code
 * <sha256>.version.json} (its {@link DatasetVersion}: format, size, status, rows). A version's file never changes
 * once ready; its hash is checked again whenever it is read.
 */
public final class StoredDatasets implements TenantDatasets {

  /** Most version keys one tenant's listing reads; a tenant with more sees the first ones by name. */
  public static final int MAX_KEYS = 10_000;

  private static final String VERSION_SUFFIX = ".version.json";

  private final BlobStore blobs;
  private final String prefix;

  public StoredDatasets(BlobStore blobs, String tenantId) {
    this.blobs = Objects.requireNonNull(blobs, "blobs");
    this.prefix = RunRef.tenantPrefix(tenantId) + "datasets/";
  }

  /** Where a version's file is uploaded to. */
  public String fileKey(DatasetVersion version) {
    return prefix + version.name() + "/" + version.sha256() + "." + version.format().extension();
  }

  private String versionKey(String name, String sha256) {
    return prefix + name + "/" + sha256 + VERSION_SUFFIX;
  }

  /** Stores (or replaces) a version's record. */
  public void save(DatasetVersion version) {
    blobs.put(
        versionKey(version.name(), version.sha256()), Json.write(version).getBytes(StandardCharsets.UTF_8),
        "application/json");
  }

  public Optional<DatasetVersion> version(String name, String sha256) {
    return blobs.get(versionKey(name, sha256)).flatMap(StoredDatasets::parse);
  }

  /** The uploaded file's bytes, whatever they are (validation checks them). */
  public Optional<byte[]> file(DatasetVersion version) {
    return blobs.get(fileKey(version));
  }

  /** A dataset's versions, newest first (by registration). */
  public List<DatasetVersion> versions(String name) {
    return read(blobs.keys(prefix + name + "/", MAX_KEYS)).stream()
        .filter(version -> version.name().equals(name))
        .sorted(Comparator.comparing(DatasetVersion::createdAt).reversed())
        .toList();
  }

  /** The names of the tenant's datasets, in order, after {@code after} (null for the first), at most {@code limit}. */
  public List<String> names(String after, int limit) {
    List<String> names = new ArrayList<>();
    for (String key : blobs.keys(prefix, MAX_KEYS)) {
      int slash = key.indexOf('/', prefix.length());
      if (!key.endsWith(VERSION_SUFFIX) || slash < 0) continue;
      String name = key.substring(prefix.length(), slash);
      if ((after != null && name.compareTo(after) <= 0) || names.contains(name)) continue;
      if (names.size() == limit) break;
      names.add(name);
    }
    return names;
  }

  /** Removes a version's file, keeping its record (an invalid upload, so storage holds nothing unusable). */
  public void deleteFile(DatasetVersion version) {
    blobs.delete(fileKey(version));
  }

  /** Removes a version: its file, then its record. */
  public void delete(DatasetVersion version) {
    blobs.delete(fileKey(version));
    blobs.delete(versionKey(version.name(), version.sha256()));
  }

  @Override
  public Optional<Dataset> find(DatasetRef ref) {
    Optional<DatasetVersion> version =
        ref.pinned()
            ? version(ref.name(), ref.sha256()).filter(v -> v.status() == DatasetStatus.READY)
            : versions(ref.name()).stream()
                .filter(v -> v.status() == DatasetStatus.READY)
                .max(Comparator.comparing(DatasetVersion::readyAt));
    if (version.isEmpty()) return Optional.empty();
    byte[] bytes =
        file(version.get())
            .orElseThrow(() -> new DatasetException(
                version.get().reference() + ": its file is gone from storage; upload it again and validate it"));
    String actual = ModuleHash.sha256(bytes);
    if (!actual.equals(version.get().sha256()))
      throw new DatasetException(version.get().reference() + ": the stored file's SHA-256 is " + actual
          + ", not the version's; it was overwritten after validation: upload the original again and validate it");
    try {
      String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
      return Optional.of(new Dataset(version.get(), text));
    } catch (CharacterCodingException e) {
      throw new DatasetException(version.get().reference() + ": the file is not UTF-8 text");
    }
  }

  private List<DatasetVersion> read(List<String> keys) {
    List<DatasetVersion> versions = new ArrayList<>();
    for (String key : keys)
      if (key.endsWith(VERSION_SUFFIX)) blobs.get(key).flatMap(StoredDatasets::parse).ifPresent(versions::add);
    return versions;
  }

  private static Optional<DatasetVersion> parse(byte[] json) {
    try {
      return Optional.of(Json.mapper().readValue(json, DatasetVersion.class));
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty(); // only this class writes records, after building them; an unreadable one is skipped
    }
  }
}
