package dev.ltb.analysis;

import java.util.List;

/**
 * What changed between two runs of (roughly) the same suite, for {@code ltb compare}. Cases match by the hash of
 * the test's description and vars, the prompt label and the provider label.
 *
 * @param runBefore the earlier run
 * @param runAfter the later run
 * @param options the settings used
 * @param models per provider label present in both runs
 * @param onlyBefore provider labels only the earlier run has
 * @param onlyAfter provider labels only the later run has
 * @param regression some provider's pass rate or score got significantly worse
 * @param summary one line a person can read
 */
public record RunComparison(
    String runBefore,
    String runAfter,
    AnalysisOptions options,
    List<ProviderDelta> models,
    List<String> onlyBefore,
    List<String> onlyAfter,
    boolean regression,
    String summary) {

  public RunComparison {
    models = List.copyOf(models);
    onlyBefore = List.copyOf(onlyBefore);
    onlyAfter = List.copyOf(onlyAfter);
  }

  /**
   * Compares two runs, each collected with {@link PairedSamples#acrossRuns()}.
   *
   * <pre>{@code
   * PairedSamples before = PairedSamples.acrossRuns(), after = PairedSamples.acrossRuns();
   * history.forEachResult(runA, before);
   * history.forEachResult(runB, after);
   * RunComparison comparison = RunComparison.between(before, after, AnalysisOptions.defaults());
   * }</pre>
   */
  public static RunComparison between(PairedSamples before, PairedSamples after, AnalysisOptions options) {
    return RunComparator.compare(before, after, options);
  }
}
