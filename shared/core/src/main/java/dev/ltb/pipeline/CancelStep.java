package dev.ltb.pipeline;

import dev.ltb.aggregate.RunSummary;
import dev.ltb.run.RunEngine;
import dev.ltb.run.RunHistory;
import dev.ltb.run.RunRecord;
import dev.ltb.run.RunStatus;
import java.util.Objects;

/**
 * Cancels a run: marks it CANCELLED first (workers check the status before each item and drop the rest of
 * their shard), summarises what was stored until then, stops the run's execution and announces it.
 * Cancelling a run that has already ended changes nothing.
 */
public final class CancelStep {

  private final RunHistories histories;
  private final BlobStore blobs;
  private final RunEngine engine;
  private final RunExecutions executions;
  private final NotifyStep notify;

  public CancelStep(
      RunHistories histories, BlobStore blobs, RunEngine engine, RunExecutions executions, NotifyStep notify) {
    this.histories = Objects.requireNonNull(histories);
    this.blobs = Objects.requireNonNull(blobs);
    this.engine = Objects.requireNonNull(engine);
    this.executions = Objects.requireNonNull(executions);
    this.notify = Objects.requireNonNull(notify);
  }

  /** The run's record after the cancellation (or as it was, when it had already ended). */
  public RunRecord cancel(RunRef run) {
    RunHistory history = histories.forTenant(run.tenantId());
    RunRecord record = Runs.require(history, run);
    if (record.status().terminal()) return record;
    history.updateStatus(run.runId(), RunStatus.CANCELLED, "cancelled by request");
    executions.stop(run, "cancelled by request");
    RunSummary summary =
        Runs.resolvedSuite(blobs, run)
            .map(suite -> engine.summarize(history, run.runId(), suite, record.createdAt()))
            .orElse(null);
    long stored = summary == null ? 0 : summary.totals().items();
    history.finish(
        run.runId(), RunStatus.CANCELLED, summary,
        "cancelled by request after " + stored + " of " + record.totalItems() + " items");
    notify.notify(run);
    return Runs.require(history, run);
  }
}
