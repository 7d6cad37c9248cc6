package dev.ltb.pipeline;

import dev.ltb.engine.ShardReport;
import dev.ltb.run.RunRecord;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run events the steps publish: {@code run.started}, {@code run.progress} (one per finished shard) and
 * one terminal event named after the final status ({@code run.completed}, {@code run.partial}, {@code
 * run.failed}, {@code run.cancelled}).
 */
final class Events {

  static final String STARTED = "run.started";
  static final String PROGRESS = "run.progress";

  private static final Logger LOG = LoggerFactory.getLogger(Events.class);

  private Events() {}

  static RunEvent started(RunRef run, PlannedRun plan, Instant at) {
    return new RunEvent(
        run.tenantId(), run.runId(), STARTED, at,
        Map.of("totalItems", plan.totalItems(), "shardCount", plan.shardCount()));
  }

  static RunEvent progress(RunRef run, int shardIndex, ShardReport report, Instant at) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("shardIndex", shardIndex);
    data.put("executed", report.executed());
    data.put("skipped", report.skipped());
    data.put("passed", report.passed());
    data.put("failed", report.failed());
    data.put("errors", report.errors());
    data.put("costUsd", report.costUsd());
    return new RunEvent(run.tenantId(), run.runId(), PROGRESS, at, data);
  }

  /** The terminal event of a run in its final state. */
  static RunEvent terminal(RunRef run, RunRecord record, Instant at) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("status", record.status().name());
    if (record.statusReason() != null) data.put("reason", record.statusReason());
    data.put("totalItems", record.totalItems());
    if (record.summary() != null) {
      var totals = record.summary().totals();
      data.put("items", totals.items());
      data.put("passed", totals.passed());
      data.put("failed", totals.failed());
      data.put("errors", totals.errors());
      data.put("passRate", totals.passRate());
      data.put("costUsd", totals.costUsd());
      data.put("summaryKey", run.summaryKey());
      data.put("reportKey", run.reportKey());
    }
    return new RunEvent(
        run.tenantId(), run.runId(), "run." + record.status().name().toLowerCase(Locale.ROOT), at, data);
  }

  /** Progress is best effort: a lost progress event must not fail the work it reports on. */
  static void publishQuietly(RunEvents events, RunEvent event) {
    try {
      events.publish(event);
    } catch (RuntimeException e) {
      LOG.warn("could not publish {} of run {}: {}", event.type(), event.runId(), e.toString());
    }
  }
}
