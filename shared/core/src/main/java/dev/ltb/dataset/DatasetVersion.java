package dev.ltb.dataset;

import java.time.Instant;
import java.util.Objects;

/**
 * One immutable, content-addressed version of a tenant's dataset, as stored beside its file.
 *
 * @param sizeBytes the file's size, declared at registration and checked at validation
 * @param rows the number of test cases it holds, once ready
 * @param problem why it is invalid (the first problem, with its line), else null
 * @param readyAt when it became ready; the newest ready version is the one {@code dataset://<name>} uses
 */
public record DatasetVersion(
    String name,
    String sha256,
    DatasetFormat format,
    long sizeBytes,
    DatasetStatus status,
    Integer rows,
    String problem,
    Instant createdAt,
    Instant readyAt) {

  public DatasetVersion {
    DatasetRef.requireName(name);
    sha256 = DatasetRef.requireSha256(sha256);
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  public static DatasetVersion registered(String name, String sha256, DatasetFormat format, long sizeBytes, Instant at) {
    return new DatasetVersion(name, sha256, format, sizeBytes, DatasetStatus.PENDING, null, null, at, null);
  }

  public DatasetVersion ready(int rows, Instant at) {
    return new DatasetVersion(name, sha256, format, sizeBytes, DatasetStatus.READY, rows, null, createdAt, at);
  }

  public DatasetVersion invalid(String problem) {
    return new DatasetVersion(name, sha256, format, sizeBytes, DatasetStatus.INVALID, null, problem, createdAt, null);
  }

  /** The reference that names exactly this version in a suite. */
  public String reference() {
    return new DatasetRef(name, sha256).toString();
  }
}
