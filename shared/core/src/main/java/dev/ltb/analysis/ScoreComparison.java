package dev.ltb.analysis;

import dev.ltb.stats.SignedRankResult;

/**
 * Test scores of two models on the cases where both produced an output, compared with the Wilcoxon
 * signed-rank test.
 *
 * @param pairs cases with a score on both sides
 * @param zeroDifferences pairs with equal scores (dropped from the ranking, kept in the means)
 * @param meanA A's mean score on these pairs
 * @param meanB B's mean score on these pairs
 * @param meanDifference meanA - meanB
 * @param ciLow lower bound of the paired-bootstrap 95 % interval of the mean difference
 * @param ciHigh upper bound
 * @param rankBiserial matched-pairs rank-biserial correlation, -1..1, positive when A scores higher
 * @param cohensDz mean difference / standard deviation of the differences, null when undefined
 * @param test {@code wilcoxon-exact}, {@code wilcoxon-normal}, {@code wilcoxon-normal-tie-corrected} or
 *     {@code none} (all differences zero)
 * @param statistic min(W+, W-)
 * @param pValue raw two-sided p-value
 * @param adjustedPValue Holm-adjusted over every score comparison of the analysis
 * @param verdict A against B at alpha on the adjusted p-value; the direction is that of the ranks (W+ vs W-)
 */
public record ScoreComparison(
    long pairs,
    long zeroDifferences,
    double meanA,
    double meanB,
    double meanDifference,
    double ciLow,
    double ciHigh,
    double rankBiserial,
    Double cohensDz,
    String test,
    Double statistic,
    double pValue,
    double adjustedPValue,
    Verdict verdict) {

  static ScoreComparison of(PairedEvidence.Scores scores, double adjustedPValue, double alpha) {
    SignedRankResult ranks = scores.signedRank();
    boolean significant = ranks.test().performed() && adjustedPValue < alpha;
    return new ScoreComparison(scores.pairs(), ranks.zeroDifferences(), scores.firstMean(), scores.secondMean(),
        scores.meanDifference(), scores.interval().low(), scores.interval().high(), ranks.rankBiserial(),
        scores.cohensDz(), ranks.test().method(), ranks.test().statistic(), ranks.test().pValue(), adjustedPValue,
        Verdict.of(significant, ranks.direction()));
  }
}
