package dev.ltb.api;

import dev.ltb.audit.AuditLog;
import dev.ltb.audit.AuditRecorder;
import dev.ltb.audit.ResourceRef;
import dev.ltb.dataset.DatasetFormat;
import dev.ltb.dataset.DatasetRef;
import dev.ltb.dataset.DatasetStatus;
import dev.ltb.dataset.DatasetVersion;
import dev.ltb.pipeline.BlobStore;
import dev.ltb.pipeline.StoredDatasets;
import dev.ltb.plugin.ModuleHash;
import dev.ltb.security.Operation;
import dev.ltb.suite.load.SuiteLoader;
import dev.ltb.suite.load.SuiteProblem;
import dev.ltb.suite.load.SuiteValidationException;
import dev.ltb.tenancy.Page;
import dev.ltb.tenancy.PageRequest;
import dev.ltb.tenancy.ResourceNotFoundException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A tenant's datasets of test cases in the cloud ({@link StoredDatasets}): a version is registered with its name,
 * format, hash and size, its file uploaded straight to storage through a presigned URL, then validated (hash, size,
 * and every row read by the same readers as {@code tests: file://...}) before suites may use it as {@code tests:
 * dataset://<name>} or {@code dataset://<name>@sha256:<hex>}. Versions are immutable and content-addressed.
 */
public final class DatasetService {

  /** How long an upload URL works. */
  public static final Duration UPLOAD_VALIDITY = Duration.ofMinutes(15);
  /**
   * Largest dataset file accepted. Validation, {@code POST /runs} and the plan each read it whole in one Lambda call
   * behind API Gateway's 29 s limit; a 13.8 MiB CSV of 100,000 rows took 19-35 s and ~400 MiB of heap on a loaded
   * 2-core machine, so the limit is about 60,000 such rows.
   */
  public static final long MAX_BYTES = 8L * 1024 * 1024;

  private static final String DATASET = "dataset";

  private final BlobStore blobs;
  private final UploadUrls uploads;
  private final SuiteLoader loader;
  private final Guard guard;
  private final Clock clock;

  /**
   * @param loader reads a dataset's rows exactly as the plan step will (its vocabulary checks assertion types)
   * @param audit where each change and each denial is recorded
   */
  public static DatasetService wire(
      BlobStore blobs, UploadUrls uploads, SuiteLoader loader, AuditLog audit, Clock clock) {
    return new DatasetService(blobs, uploads, loader, new Guard(new AuditRecorder(audit, clock)), clock);
  }

  DatasetService(BlobStore blobs, UploadUrls uploads, SuiteLoader loader, Guard guard, Clock clock) {
    this.blobs = Objects.requireNonNull(blobs);
    this.uploads = Objects.requireNonNull(uploads);
    this.loader = Objects.requireNonNull(loader);
    this.guard = Objects.requireNonNull(guard);
    this.clock = Objects.requireNonNull(clock);
  }

  /** What a client registers: the file it is about to upload. */
  public record NewDataset(String name, String format, String sha256, Long sizeBytes) {}

  /**
   * A registered version and where to upload its file; {@code upload} is null when the version is already ready
   * (registering it again changes nothing).
   *
   * @param reference what a suite writes to use exactly this version
   */
  public record DatasetUpload(DatasetVersion dataset, UploadUrls.Upload upload, Instant expiresAt, String reference) {

    public boolean created() {
      return upload != null;
    }
  }

  /** A dataset in a list: how many versions it has and its newest ready one (null while none is). */
  public record DatasetSummary(String name, int versions, DatasetVersion latest) {}

  /** A dataset's versions, newest first. */
  public record DatasetDetails(String name, DatasetVersion latest, List<DatasetVersion> versions) {}

  public DatasetUpload register(Caller caller, NewDataset request) {
    guard.require(caller, Operation.SUITES_MANAGE, ResourceRef.collection(DATASET));
    if (request == null) throw ApiException.invalidField("name", "is required");
    String name = name(request.name());
    DatasetFormat format =
        DatasetFormat.of(request.format())
            .orElseThrow(() -> ApiException.invalidField("format", "must be csv, jsonl, json or yaml"));
    String sha256 = sha256(request.sha256());
    if (request.sizeBytes() == null || request.sizeBytes() < 1)
      throw ApiException.invalidField("sizeBytes", "is required: the file's size in bytes (at least 1)");
    if (request.sizeBytes() > MAX_BYTES)
      throw new ApiException(ProblemType.PAYLOAD_TOO_LARGE, "a dataset may have at most " + MAX_BYTES + " bytes ("
          + MAX_BYTES / (1024 * 1024) + " MiB); this one has " + request.sizeBytes() + ": split it into several"
          + " datasets and run them separately",
          List.of(Problem.FieldError.of("sizeBytes", "must be at most " + MAX_BYTES)));
    StoredDatasets store = store(caller);
    Optional<DatasetVersion> existing = store.version(name, sha256);
    if (existing.isPresent() && existing.get().format() != format)
      throw new ApiException(ProblemType.CONFLICT, "dataset " + name + "@sha256:" + sha256 + " is registered as "
          + existing.get().format().extension() + "; a version's format never changes");
    if (existing.isPresent() && existing.get().status() == DatasetStatus.READY)
      return new DatasetUpload(existing.get(), null, null, existing.get().reference());
    DatasetVersion version = DatasetVersion.registered(name, sha256, format, request.sizeBytes(), clock.instant());
    store.save(version);
    UploadUrls.Upload upload = uploads.forPut(store.fileKey(version), format.contentType(), UPLOAD_VALIDITY);
    guard.succeeded(caller, Operation.SUITES_MANAGE, ResourceRef.of(DATASET, name));
    return new DatasetUpload(version, upload, clock.instant().plus(UPLOAD_VALIDITY), version.reference());
  }

  /**
   * Checks the uploaded file (size, hash, UTF-8, every row) and marks the version ready, or invalid with the first
   * problem and its line. A ready version stays as it is.
   */
  public DatasetVersion validate(Caller caller, String name, String sha256) {
    ResourceRef resource = guard.require(caller, Operation.SUITES_MANAGE, DATASET, "name", name);
    DatasetVersion version = find(caller, name, sha256);
    if (version.status() == DatasetStatus.READY) return version;
    StoredDatasets store = store(caller);
    Optional<byte[]> file = store.file(version);
    if (file.isEmpty())
      return version.invalid("no file was uploaded yet: PUT it to the upload URL (register again for a new one),"
          + " then validate");
    DatasetVersion checked = check(version, file.get());
    if (checked.status() == DatasetStatus.INVALID) store.deleteFile(checked);
    store.save(checked);
    guard.succeeded(caller, Operation.SUITES_MANAGE, resource);
    return checked;
  }

  public Page<DatasetSummary> list(Caller caller, PageRequest page) {
    guard.require(caller, Operation.SUITES_READ, ResourceRef.collection(DATASET));
    String after = page.cursor() == null ? null : Cursors.decode(DATASET, page.cursor());
    StoredDatasets store = store(caller);
    List<String> names = store.names(after, page.limit() + 1);
    boolean more = names.size() > page.limit();
    List<DatasetSummary> items =
        names.stream().limit(page.limit()).map(name -> summary(name, store.versions(name))).toList();
    return new Page<>(items,
        more ? Optional.of(Cursors.encode(DATASET, items.get(items.size() - 1).name())) : Optional.empty());
  }

  public DatasetDetails get(Caller caller, String name) {
    guard.require(caller, Operation.SUITES_READ, DATASET, "name", name);
    List<DatasetVersion> versions = store(caller).versions(name(name));
    if (versions.isEmpty()) throw new ResourceNotFoundException(DATASET, name);
    return new DatasetDetails(name, latestReady(versions), versions);
  }

  public DatasetVersion version(Caller caller, String name, String sha256) {
    guard.require(caller, Operation.SUITES_READ, DATASET, "name", name);
    return find(caller, name, sha256);
  }

  /** Deletes every version of a dataset; suites naming it fail at plan from then on. */
  public void delete(Caller caller, String name) {
    ResourceRef resource = guard.require(caller, Operation.SUITES_MANAGE, DATASET, "name", name);
    StoredDatasets store = store(caller);
    List<DatasetVersion> versions = store.versions(name(name));
    if (versions.isEmpty()) throw new ResourceNotFoundException(DATASET, name);
    versions.forEach(store::delete);
    guard.succeeded(caller, Operation.SUITES_MANAGE, resource);
  }

  public void deleteVersion(Caller caller, String name, String sha256) {
    ResourceRef resource = guard.require(caller, Operation.SUITES_MANAGE, DATASET, "name", name);
    store(caller).delete(find(caller, name, sha256));
    guard.succeeded(caller, Operation.SUITES_MANAGE, resource);
  }

  private DatasetVersion check(DatasetVersion version, byte[] bytes) {
    if (bytes.length > MAX_BYTES)
      return version.invalid("the file has " + bytes.length + " bytes; a dataset may have at most " + MAX_BYTES);
    if (bytes.length != version.sizeBytes())
      return version.invalid("the file has " + bytes.length + " bytes but " + version.sizeBytes()
          + " were registered: upload the file you registered");
    String actual = ModuleHash.sha256(bytes);
    if (!actual.equals(version.sha256()))
      return version.invalid("the file's SHA-256 is " + actual + " but " + version.sha256() + " was registered:"
          + " upload the file you registered, or register this one");
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return version.invalid("the file is not UTF-8 text");
    }
    String fileName = version.name() + "." + version.format().extension();
    try {
      return version.ready(loader.countTests(fileName, version.format(), text), clock.instant());
    } catch (SuiteValidationException e) {
      List<SuiteProblem> problems = e.problems();
      String more = problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "";
      return version.invalid(problems.get(0).format() + more);
    }
  }

  private DatasetVersion find(Caller caller, String name, String sha256) {
    return store(caller).version(name(name), sha256(sha256))
        .orElseThrow(() -> new ResourceNotFoundException(DATASET, name));
  }

  private static DatasetSummary summary(String name, List<DatasetVersion> versions) {
    return new DatasetSummary(name, versions.size(), latestReady(versions));
  }

  private static DatasetVersion latestReady(List<DatasetVersion> versions) {
    return versions.stream()
        .filter(v -> v.status() == DatasetStatus.READY)
        .max(Comparator.comparing(DatasetVersion::readyAt))
        .orElse(null);
  }

  private static String name(String name) {
    try {
      return DatasetRef.requireName(name);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidField("name", "must be kebab-case, at most 64 characters (e.g. capital-cities)");
    }
  }

  private static String sha256(String sha256) {
    try {
      return DatasetRef.requireSha256(sha256);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidField("sha256", "must be the file's SHA-256 as 64 hex digits");
    }
  }

  private StoredDatasets store(Caller caller) {
    return new StoredDatasets(blobs, caller.tenant().value());
  }
}
