package dev.ltb.api;

import dev.ltb.tenancy.Ids;
import dev.ltb.tenancy.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * One version of a tenant's suite, as the user wrote it.
 *
 * @param suiteId stable id over all versions
 * @param version 1, 2, ...
 * @param name a short label (defaults to the suite's description)
 * @param format {@code yaml} or {@code json}
 * @param text the suite text, validated when it was stored
 * @param createdBy principal id of the author
 */
public record StoredSuite(
    TenantId tenant, String suiteId, int version, String name, String format, String text, Instant createdAt,
    String createdBy) {

  public StoredSuite {
    Objects.requireNonNull(tenant, "tenant");
    Ids.requireResourceId("suiteId", suiteId);
    if (version < 1) throw new IllegalArgumentException("version must be >= 1, was " + version);
    if (!"yaml".equals(format) && !"json".equals(format))
      throw new IllegalArgumentException("format must be yaml or json, was " + format);
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** The file name the loader reports problems against. */
  public String fileName() {
    return suiteId + "." + format;
  }

  /** The same suite without its text (for lists). */
  public SuiteInfo info() {
    return new SuiteInfo(suiteId, version, name, format, createdAt, createdBy);
  }

  /** What a list of suites shows: the latest version of each. */
  public record SuiteInfo(
      String suiteId, int version, String name, String format, Instant createdAt, String createdBy) {}
}
