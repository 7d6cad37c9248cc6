package dev.ltb.webhook;

import dev.ltb.analysis.AnalysisOptions;
import dev.ltb.analysis.PairedSamples;
import dev.ltb.analysis.RunComparison;
import dev.ltb.run.RunHistory;
import dev.ltb.run.RunRecord;
import dev.ltb.run.RunStatus;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides {@code run.regressed} with the analysis that {@code ltb compare} uses ({@link RunComparison}): cases
 * matched by content, paired tests where they cover the runs, Holm-corrected; a run regressed when some provider's
 * pass rate or score got significantly worse than in the baseline.
 */
public final class RegressionCheck {

  /** Earlier runs searched for an automatic baseline. */
  static final int BASELINE_SEARCH = 100;

  private final AnalysisOptions options;

  public RegressionCheck(AnalysisOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * The baseline for {@code run}: {@code fixedBaselineId} when set (and completed), else the latest earlier
   * COMPLETED run of the same suite (same suite source, or same description when the source is unknown).
   */
  public Optional<RunRecord> baseline(RunHistory history, RunRecord run, String fixedBaselineId) {
    if (fixedBaselineId != null)
      return history.find(fixedBaselineId)
          .filter(found -> found.runId().equals(fixedBaselineId) && found.status() == RunStatus.COMPLETED
              && !found.runId().equals(run.runId()));
    return history.list(BASELINE_SEARCH).stream()
        .filter(candidate -> !candidate.runId().equals(run.runId()))
        .filter(candidate -> candidate.status() == RunStatus.COMPLETED)
        .filter(candidate -> candidate.createdAt().isBefore(run.createdAt()))
        .filter(candidate -> sameSuite(candidate, run))
        .findFirst();
  }

  /** Compares {@code run} with {@code baseline}, streaming both runs' results from the history. */
  public RunComparison compare(RunHistory history, RunRecord baseline, RunRecord run) {
    PairedSamples before = PairedSamples.acrossRuns(), after = PairedSamples.acrossRuns();
    history.forEachResult(baseline.runId(), before);
    history.forEachResult(run.runId(), after);
    return RunComparison.between(before, after, options);
  }

  private static boolean sameSuite(RunRecord a, RunRecord b) {
    if (a.suiteSource() != null && b.suiteSource() != null) return a.suiteSource().equals(b.suiteSource());
    return Objects.equals(a.description(), b.description());
  }
}
