package dev.ltb.evaluator.metric;

import java.util.Arrays;

/**
 * A BLEU score with its sufficient statistics.
 *
 * @param score BLEU in [0, 1] (sacreBLEU reports {@code 100 * score})
 * @param precisions the (smoothed) n-gram precisions in [0, 1], order 1 first
 * @param brevityPenalty exp(1 - r/c) when the hypothesis is shorter than the reference, else 1
 * @param hypothesisLength tokens in the hypothesis (summed over a corpus)
 * @param referenceLength tokens in the closest references (summed over a corpus)
 * @param matches clipped n-gram matches per order
 * @param totals hypothesis n-grams per order
 */
public record BleuScore(
    double score,
    double[] precisions,
    double brevityPenalty,
    long hypothesisLength,
    long referenceLength,
    long[] matches,
    long[] totals) {

  @Override
  public boolean equals(Object other) {
    return other instanceof BleuScore that
        && Double.compare(score, that.score) == 0
        && Arrays.equals(precisions, that.precisions)
        && Double.compare(brevityPenalty, that.brevityPenalty) == 0
        && hypothesisLength == that.hypothesisLength
        && referenceLength == that.referenceLength
        && Arrays.equals(matches, that.matches)
        && Arrays.equals(totals, that.totals);
  }

  @Override
  public int hashCode() {
    return Double.hashCode(score) * 31 + Arrays.hashCode(matches);
  }

  @Override
  public String toString() {
    return "BleuScore[score=%s, precisions=%s, bp=%s, hyp=%d, ref=%d, matches=%s, totals=%s]"
        .formatted(
            score, Arrays.toString(precisions), brevityPenalty, hypothesisLength, referenceLength,
            Arrays.toString(matches), Arrays.toString(totals));
  }
}
