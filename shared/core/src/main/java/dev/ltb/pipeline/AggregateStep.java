package dev.ltb.pipeline;

import dev.ltb.aggregate.RunSummary;
import dev.ltb.json.Json;
import dev.ltb.report.HtmlReportWriter;
import dev.ltb.run.RunEngine;
import dev.ltb.run.RunHistory;
import dev.ltb.run.RunRecord;
import dev.ltb.run.RunVerdict;
import dev.ltb.suite.Suite;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Last working step of a distributed run: streams the stored results through the same aggregator as {@code
 * ltb run} (never the whole run in memory), writes the summary JSON and the HTML report to the blob store
 * under {@code tenants/<t>/runs/<id>/}, and finishes the run COMPLETED, or PARTIAL (FAILED past the
 * tolerated share of failed shards) with the failed shards and missing items as the reason.
 *
 * <p>A run that already ended (cancelled while its shards ran) keeps its status.
 */
public final class AggregateStep {

  private static final int MAX_CAUSE_LENGTH = 300;

  private final RunHistories histories;
  private final BlobStore blobs;
  private final RunEngines engines;

  public AggregateStep(RunHistories histories, BlobStore blobs, RunEngine engine) {
    this(histories, blobs, RunEngines.shared(engine));
  }

  /** @param engines the engine of each run, whose inventory names the plugins its suite uses */
  public AggregateStep(RunHistories histories, BlobStore blobs, RunEngines engines) {
    this.histories = Objects.requireNonNull(histories);
    this.blobs = Objects.requireNonNull(blobs);
    this.engines = Objects.requireNonNull(engines);
  }

  public RunConclusion aggregate(AggregateRequest request) {
    RunRef run = request.ref();
    RunHistory history = histories.forTenant(run.tenantId());
    RunRecord record = Runs.require(history, run);
    if (record.status().terminal()) return RunConclusion.of(run, record, false);
    Suite suite =
        Runs.resolvedSuite(blobs, run)
            .orElseThrow(() -> new RunNotFoundException("run " + run.runId() + " has no planned suite"));

    RunSummary summary = engines.forRun(run, suite).summarize(history, run.runId(), suite, record.createdAt());
    List<String> failures =
        request.shardOutcomes().stream().filter(ShardOutcome::failed).map(AggregateStep::describe).toList();
    RunVerdict verdict =
        RunVerdict.ofShards(
            suite.itemCount(), summary, request.shardOutcomes().size(), failures,
            request.toleratedFailurePercentage(), suite.options().maxCostUsd());

    blobs.put(run.summaryKey(), Json.write(summary).getBytes(StandardCharsets.UTF_8), "application/json");
    blobs.put(run.reportKey(), htmlReport(history, run, summary), "text/html; charset=utf-8");
    history.finish(run.runId(), verdict.status(), summary, verdict.reason());
    return RunConclusion.of(run, Runs.require(history, run), true);
  }

  private static byte[] htmlReport(RunHistory history, RunRef run, RunSummary summary) {
    ByteArrayOutputStream html = new ByteArrayOutputStream(1 << 16);
    try {
      new HtmlReportWriter().write(summary, action -> history.forEachResult(run.runId(), action), html);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return html.toByteArray();
  }

  private static String describe(ShardOutcome outcome) {
    String cause = outcome.cause() == null ? "" : outcome.cause().strip();
    if (cause.length() > MAX_CAUSE_LENGTH) cause = cause.substring(0, MAX_CAUSE_LENGTH) + "…";
    return "shard " + outcome.shardIndex() + ": " + outcome.error() + (cause.isEmpty() ? "" : ": " + cause);
  }
}
