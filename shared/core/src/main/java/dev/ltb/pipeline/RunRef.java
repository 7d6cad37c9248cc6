package dev.ltb.pipeline;

import java.util.regex.Pattern;

/**
 * A run of a tenant, and where its files live in the blob store: everything under {@code
 * tenants/<tenantId>/runs/<runId>/}. Ids are checked so that none can reach outside its tenant's prefix.
 *
 * @param tenantId owner of the run
 * @param runId the run; also the name of its Step Functions execution, so unique across tenants
 */
public record RunRef(String tenantId, String runId) {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,79}");

  public RunRef {
    check("tenantId", tenantId);
    check("runId", runId);
  }

  /** Prefix of every blob of the tenant. */
  public String tenantPrefix() {
    return tenantPrefix(tenantId);
  }

  /** Prefix of every blob of a tenant, its id checked as a run's is. */
  public static String tenantPrefix(String tenantId) {
    check("tenantId", tenantId);
    return "tenants/" + tenantId + "/";
  }

  /** The resolved suite (JSON, {@link dev.ltb.suite.SuiteCodec}) that plan stores and workers read. */
  public String resolvedSuiteKey() {
    return runPrefix() + "suite.json";
  }

  /** The run's summary as JSON. */
  public String summaryKey() {
    return runPrefix() + "summary.json";
  }

  /** The run's self-contained HTML report. */
  public String reportKey() {
    return runPrefix() + "report.html";
  }

  /** Prefix of every blob of the run (its suite, resolved suite, shards, results, summary, report). */
  public String runPrefix() {
    return tenantPrefix() + "runs/" + runId + "/";
  }

  private static void check(String name, String value) {
    if (value == null || !ID.matcher(value).matches())
      throw new IllegalArgumentException(
          name + " must be 1-80 letters, digits, '.', '_' or '-', starting with a letter or digit; was "
              + (value == null ? "missing" : "\"" + value + "\""));
  }
}
