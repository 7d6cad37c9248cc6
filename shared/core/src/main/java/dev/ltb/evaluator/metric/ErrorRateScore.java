package dev.ltb.evaluator.metric;

/**
 * An error rate with its counts.
 *
 * @param edits substitutions + deletions + insertions (the edit distance)
 * @param referenceLength words (WER) or characters (CER) in the reference
 * @param hypothesisLength words or characters in the hypothesis
 */
public record ErrorRateScore(int edits, int referenceLength, int hypothesisLength) {

  /** edits / reference length (edits alone for an empty reference); may exceed 1. */
  public double rate() {
    return (double) edits / Math.max(referenceLength, 1);
  }
}
