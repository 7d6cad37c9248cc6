package dev.ltb.run;

import dev.ltb.aggregate.RunSummary;
import java.time.Instant;
import java.util.Objects;

/**
 * A run as the history keeps it.
 *
 * @param runId unique id
 * @param description the suite's description
 * @param suiteSource where the suite came from (a path, or "inline")
 * @param suiteJson the resolved suite as JSON (see {@link dev.ltb.suite.SuiteCodec}), or null when the history
 *     keeps the suite apart from the record (a run created with {@link RunHistory#create(RunRecord,
 *     dev.ltb.suite.Suite)}): read it with {@link RunHistory#suite}
 * @param status life-cycle state
 * @param createdAt when the run was created
 * @param finishedAt when it reached a terminal state, or null
 * @param totalItems items the plan contains
 * @param summary the summary once aggregated, or null
 * @param statusReason why the run is FAILED or PARTIAL, or null
 */
public record RunRecord(
    String runId,
    String description,
    String suiteSource,
    String suiteJson,
    RunStatus status,
    Instant createdAt,
    Instant finishedAt,
    long totalItems,
    RunSummary summary,
    String statusReason) {

  public RunRecord {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
