package dev.ltb.aws.dynamodb.internal;

import dev.ltb.aws.TenantIds;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Key layout of the tables, in one place (docs/aws-adapters.md draws it). Every partition key starts with
 * {@code TENANT#<tenantId>}; tenant ids cannot contain {@code #} or {@code /}, so no key of one tenant is a
 * prefix of another's.
 */
public final class Keys {

  public static final String PK = "pk";
  public static final String SK = "sk";
  /** Sort key of the runs-by-creation index: {@link #createdKey}. Only run items carry it (a sparse index). */
  public static final String CREATED_KEY = "createdKey";
  public static final String RUNS_BY_CREATED_AT = "runsByCreatedAt";

  private static final DateTimeFormatter SORTABLE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

  private Keys() {}

  /** Checks a tenant id ({@link TenantIds}). */
  public static String tenantId(String tenantId) {
    return TenantIds.check(tenantId);
  }

  /** Checks a new run id: not blank, at most 200 characters, no {@code #} or {@code /}. */
  public static String runId(String runId) {
    if (runId == null || runId.isBlank() || runId.length() > 200 || runId.contains("#") || runId.contains("/"))
      throw new IllegalArgumentException(
          "Run id '" + runId + "' is not valid: use 1 to 200 characters without '#' or '/'");
    return runId;
  }

  /** Partition of a tenant's run items. */
  public static String tenantPartition(String tenantId) {
    return "TENANT#" + tenantId;
  }

  public static String runSortKey(String runId) {
    return "RUN#" + runId;
  }

  /** Partition of a run's results, and of its events in the events table. */
  public static String runPartition(String tenantId, String runId) {
    return "TENANT#" + tenantId + "#RUN#" + runId;
  }

  public static String itemSortKey(String itemId) {
    return "ITEM#" + itemId;
  }

  public static String itemId(String itemSortKey) {
    return itemSortKey.substring("ITEM#".length());
  }

  /** Sorts like the instant (nanosecond precision, fixed width), then by run id. */
  public static String createdKey(Instant createdAt, String runId) {
    return sortable(createdAt) + "#" + runId;
  }

  /** ISO-8601 UTC with all nine fraction digits: sorts as text exactly as in time (years 0 to 9999). */
  public static String sortable(Instant instant) {
    return SORTABLE.format(instant);
  }

  /** Prefix of every S3 key of a run. */
  public static String runBlobPrefix(String tenantId, String runId) {
    return "tenants/" + tenantId + "/runs/" + runId + "/";
  }
}
