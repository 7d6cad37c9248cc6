package dev.ltb.pipeline;

import dev.ltb.run.RunRecord;

/**
 * How a run ended, the output of the aggregate step and the input of notify.
 *
 * @param status the run's final status
 * @param reason why it is not COMPLETED, or null
 * @param summaryKey the summary JSON in the blob store, or null when none was written
 * @param reportKey the HTML report in the blob store, or null when none was written
 */
public record RunConclusion(
    String tenantId, String runId, String status, String reason, long totalItems, long items, long passed,
    long failed, long errors, double costUsd, String summaryKey, String reportKey) {

  public RunRef ref() {
    return new RunRef(tenantId, runId);
  }

  static RunConclusion of(RunRef run, RunRecord record, boolean reportsWritten) {
    var totals = record.summary() == null ? null : record.summary().totals();
    return new RunConclusion(
        run.tenantId(), run.runId(), record.status().name(), record.statusReason(), record.totalItems(),
        totals == null ? 0 : totals.items(), totals == null ? 0 : totals.passed(),
        totals == null ? 0 : totals.failed(), totals == null ? 0 : totals.errors(),
        totals == null ? 0 : totals.costUsd(), reportsWritten ? run.summaryKey() : null,
        reportsWritten ? run.reportKey() : null);
  }
}
