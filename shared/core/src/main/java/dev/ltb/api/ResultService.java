package dev.ltb.api;

import dev.ltb.aggregate.RunSummary;
import dev.ltb.analysis.AnalysisOptions;
import dev.ltb.analysis.PairedSamples;
import dev.ltb.analysis.RunComparison;
import dev.ltb.engine.ItemResult;
import dev.ltb.pipeline.RunHistories;
import dev.ltb.report.HtmlReportWriter;
import dev.ltb.report.JsonReportWriter;
import dev.ltb.report.ResultSource;
import dev.ltb.run.RunHistory;
import dev.ltb.run.RunRecord;
import dev.ltb.security.Operation;
import dev.ltb.tenancy.Page;
import dev.ltb.tenancy.PageRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a run produced: its results a page at a time (streamed from the history, never the whole run in memory),
 * its summary, its report (JSON or HTML, written straight to the response) and a comparison of two runs.
 */
public final class ResultService {

  private final RunHistories histories;
  private final Guard guard;

  ResultService(RunHistories histories, Guard guard) {
    this.histories = Objects.requireNonNull(histories);
    this.guard = Objects.requireNonNull(guard);
  }

  /** Results in item-id order after the cursor, at most {@code page.limit()} of them. */
  public Page<ItemResult> results(Caller caller, String runId, ResultFilter filter, PageRequest page) {
    guard.require(caller, Operation.RESULTS_READ, "run", "runId", runId);
    RunHistory history = history(caller);
    RunService.require(history, runId);
    String after = page.cursor() == null ? null : Cursors.decode("results", page.cursor());
    List<ItemResult> items = new ArrayList<>(page.limit() + 1);
    try {
      history.forEachResult(runId, result -> {
        if (after != null && result.itemId().compareTo(after) <= 0) return;
        if (!filter.test(result)) return;
        items.add(result);
        if (items.size() > page.limit()) throw PageFull.INSTANCE;
      });
    } catch (PageFull full) {
      ItemResult last = items.get(page.limit() - 1);
      return new Page<>(items.subList(0, page.limit()), Optional.of(Cursors.encode("results", last.itemId())));
    }
    return Page.last(items);
  }

  /** The run's summary; 409 {@link ProblemType#SUMMARY_NOT_READY} until it has been aggregated. */
  public RunSummary summary(Caller caller, String runId) {
    guard.require(caller, Operation.RESULTS_READ, "run", "runId", runId);
    RunRecord run = RunService.require(history(caller), runId);
    if (run.summary() == null)
      throw new ApiException(ProblemType.SUMMARY_NOT_READY,
          "run " + runId + " is " + run.status() + " and has no summary yet; ask again when it has ended");
    return run.summary();
  }

  /** Writes the run's report, streaming its results into {@code out}. */
  public void report(Caller caller, String runId, ReportFormat format, OutputStream out) {
    RunSummary summary = summary(caller, runId);
    RunHistory history = history(caller);
    ResultSource results = action -> history.forEachResult(runId, action);
    try {
      switch (format) {
        case JSON -> new JsonReportWriter().write(summary, results, out);
        case HTML -> new HtmlReportWriter().write(summary, results, out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How {@code candidate} differs from {@code base}, per provider, with the same statistics as {@code ltb compare}. */
  public RunComparison compare(Caller caller, String baseRunId, String candidateRunId) {
    guard.require(caller, Operation.RESULTS_READ, "run", "base", baseRunId);
    guard.require(caller, Operation.RESULTS_READ, "run", "candidate", candidateRunId);
    RunHistory history = history(caller);
    RunService.require(history, baseRunId);
    RunService.require(history, candidateRunId);
    PairedSamples before = PairedSamples.acrossRuns(), after = PairedSamples.acrossRuns();
    history.forEachResult(baseRunId, before);
    history.forEachResult(candidateRunId, after);
    return RunComparison.between(before, after, AnalysisOptions.defaults());
  }

  private RunHistory history(Caller caller) {
    return histories.forTenant(caller.tenant().value());
  }

  /** Stops the history's stream once the page is full. */
  private static final class PageFull extends RuntimeException {
    static final PageFull INSTANCE = new PageFull();

    private PageFull() {
      super(null, null, false, false);
    }
  }
}
