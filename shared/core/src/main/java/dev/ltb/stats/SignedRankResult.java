package dev.ltb.stats;

/**
 * A Wilcoxon signed-rank test on paired differences.
 *
 * @param pairs non-zero differences that were ranked
 * @param zeroDifferences pairs with a zero difference, dropped before ranking (Wilcoxon's method)
 * @param positiveRankSum W+, the sum of the ranks of positive differences
 * @param negativeRankSum W-, the sum of the ranks of negative differences
 * @param test the test; its statistic is min(W+, W-)
 */
public record SignedRankResult(
    int pairs, int zeroDifferences, double positiveRankSum, double negativeRankSum, HypothesisTest test) {

  /**
   * Matched-pairs rank-biserial correlation (Kerby 2014): (W+ - W-) / (W+ + W-), from -1 (every non-zero
   * difference negative) to +1 (every one positive); 0 when there is nothing ranked.
   */
  public double rankBiserial() {
    double total = positiveRankSum + negativeRankSum;
    return total == 0 ? 0 : (positiveRankSum - negativeRankSum) / total;
  }

  /** +1 when the differences lean positive, -1 negative, 0 balanced. */
  public int direction() {
    return Double.compare(positiveRankSum, negativeRankSum);
  }
}
