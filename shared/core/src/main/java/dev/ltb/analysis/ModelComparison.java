package dev.ltb.analysis;

import java.util.Objects;

/**
 * Model A against model B on the cases both ran (same test, prompt and repetition).
 *
 * @param modelA the first model (earlier in the suite)
 * @param modelB the second model
 * @param pairs cases both ran
 * @param passRate pass/fail comparison, null without common cases
 * @param score score comparison, null when no common case has an output on both sides
 * @param decidedBy the quality measure the verdict follows
 * @param verdict A against B on that measure: better, worse or no significant difference
 * @param summary one line a person can read
 */
public record ModelComparison(
    String modelA,
    String modelB,
    long pairs,
    PassRateComparison passRate,
    ScoreComparison score,
    QualityMeasure decidedBy,
    Verdict verdict,
    String summary) {

  public ModelComparison {
    Objects.requireNonNull(verdict, "verdict");
  }

  public boolean involves(String model) {
    return modelA.equals(model) || modelB.equals(model);
  }

  /** The verdict from {@code model}'s side ("model is better/worse than the other"). */
  public Verdict verdictFor(String model) {
    if (modelA.equals(model)) return verdict;
    if (modelB.equals(model)) return verdict.reversed();
    throw new IllegalArgumentException(model + " is not part of the comparison " + modelA + " vs " + modelB);
  }
}
