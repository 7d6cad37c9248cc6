package dev.ltb.pipeline;

import dev.ltb.aggregate.RunSummary;
import dev.ltb.run.RunEngine;
import dev.ltb.run.RunHistory;
import dev.ltb.run.RunRecord;
import dev.ltb.run.RunStatus;
import java.util.Objects;

/**
 * Cancels a run: stops its execution (no further shard is sent), summarises what was stored until then, marks
 * it CANCELLED (workers check the status before each item and drop the rest of their shard) and announces
 * it. A terminal status is final, so cancelling a run that has already ended changes nothing.
 */
public final class CancelStep {

  private final RunHistories histories;
  private final BlobStore blobs;
  private final RunEngines engines;
  private final RunExecutions executions;
  private final NotifyStep notify;

  public CancelStep(
      RunHistories histories, BlobStore blobs, RunEngine engine, RunExecutions executions, NotifyStep notify) {
    this(histories, blobs, RunEngines.shared(engine), executions, notify);
  }

  /** @param engines the engine of each run, whose inventory names the plugins its suite uses */
  public CancelStep(
      RunHistories histories, BlobStore blobs, RunEngines engines, RunExecutions executions, NotifyStep notify) {
    this.histories = Objects.requireNonNull(histories);
    this.blobs = Objects.requireNonNull(blobs);
    this.engines = Objects.requireNonNull(engines);
    this.executions = Objects.requireNonNull(executions);
    this.notify = Objects.requireNonNull(notify);
  }

  /** The run's record after the cancellation (or as it was, when it had already ended). */
  public RunRecord cancel(RunRef run) {
    RunHistory history = histories.forTenant(run.tenantId());
    RunRecord record = Runs.require(history, run);
    if (record.status().terminal()) return record;
    executions.stop(run, "cancelled by request");
    RunSummary summary =
        Runs.resolvedSuite(blobs, run)
            .map(suite -> engines.forRun(run, suite).summarize(history, run.runId(), suite, record.createdAt()))
            .orElse(null);
    long stored = summary == null ? 0 : summary.totals().items();
    history.finish(
        run.runId(), RunStatus.CANCELLED, summary,
        "cancelled by request after " + stored + " of " + record.totalItems() + " items");
    notify.notify(run);
    return Runs.require(history, run);
  }
}
