package dev.ltb.report;

import dev.ltb.aggregate.RunSummary;
import dev.ltb.analysis.RunComparison;
import dev.ltb.report.html.CaseDiffs;
import dev.ltb.report.html.ComparisonPage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The HTML view of {@code ltb compare}: verdict, per-provider deltas with intervals and tests, the significant
 * regressions and improvements, and the outputs of the cases that flipped, side by side. Reads each run's results
 * once (to find the flipped cases' outputs) and keeps at most {@code maxCases} cases per list and provider.
 *
 * <pre>{@code
 * RunComparison comparison = RunComparison.between(beforeSamples, afterSamples, AnalysisOptions.defaults());
 * Reports.writeAtomically(Path.of("compare.html"), out -> new ComparisonHtmlWriter().write(comparison,
 *     new ComparisonHtmlWriter.Run(baseline.summary(), action -> history.forEachResult(baseline.runId(), action)),
 *     new ComparisonHtmlWriter.Run(candidate.summary(), action -> history.forEachResult(candidate.runId(), action)),
 *     out));
 * }</pre>
 */
public final class ComparisonHtmlWriter {

  public static final int DEFAULT_MAX_CASES = 50;

  private final int maxCases;

  public ComparisonHtmlWriter() {
    this(DEFAULT_MAX_CASES);
  }

  public ComparisonHtmlWriter(int maxCases) {
    if (maxCases < 0) throw new IllegalArgumentException("maxCases must be >= 0, was " + maxCases);
    this.maxCases = maxCases;
  }

  /**
   * One side of the comparison.
   *
   * @param summary the run's summary, or null when the run has none (its description and totals are then not
   *     shown)
   * @param results its results, in the history's order (the order the comparison was computed from)
   */
  public record Run(RunSummary summary, ResultSource results) {
    public Run {
      Objects.requireNonNull(results, "results");
    }
  }

  /** Writes the page; never closes {@code out}. */
  public void write(RunComparison comparison, Run baseline, Run candidate, OutputStream out) throws IOException {
    Objects.requireNonNull(comparison, "comparison");
    CaseDiffs diffs = new CaseDiffs(comparison, maxCases);
    baseline.results().forEach(diffs.baseline());
    candidate.results().forEach(diffs.candidate());
    var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    ComparisonPage.write(comparison, baseline.summary(), candidate.summary(), diffs, maxCases, writer);
  }
}
