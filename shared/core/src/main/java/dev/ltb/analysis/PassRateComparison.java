package dev.ltb.analysis;

/**
 * Pass/fail of two models on the cases both ran, compared with McNemar's test.
 *
 * @param pairs cases both models ran
 * @param bothPassed pairs where both passed
 * @param onlyAPassed pairs where only A passed (McNemar's b)
 * @param onlyBPassed pairs where only B passed (McNemar's c)
 * @param bothFailed pairs where both failed
 * @param rateA A's pass rate on these pairs
 * @param rateB B's pass rate on these pairs
 * @param difference rateA - rateB
 * @param ciLow lower bound of the paired-bootstrap 95 % interval of the difference
 * @param ciHigh upper bound
 * @param discordantOddsRatio b / c (Haldane–Anscombe corrected when one is 0), null without discordant pairs
 * @param test {@code mcnemar-exact} when b + c < 25, {@code mcnemar-chi-square-corrected} otherwise, {@code none}
 *     without discordant pairs
 * @param statistic the chi-square statistic (null for the exact test)
 * @param pValue raw two-sided p-value
 * @param adjustedPValue Holm-adjusted over every pass-rate comparison of the analysis
 * @param verdict A against B at alpha on the adjusted p-value
 */
public record PassRateComparison(
    long pairs,
    long bothPassed,
    long onlyAPassed,
    long onlyBPassed,
    long bothFailed,
    double rateA,
    double rateB,
    double difference,
    double ciLow,
    double ciHigh,
    Double discordantOddsRatio,
    String test,
    Double statistic,
    double pValue,
    double adjustedPValue,
    Verdict verdict) {

  static PassRateComparison of(PairedEvidence.Pass pass, double adjustedPValue, double alpha) {
    boolean significant = pass.test().performed() && adjustedPValue < alpha;
    return new PassRateComparison(pass.pairs(), pass.bothPassed(), pass.firstOnly(), pass.secondOnly(),
        pass.bothFailed(), pass.firstRate(), pass.secondRate(), pass.difference(), pass.interval().low(),
        pass.interval().high(), pass.discordantOddsRatio(), pass.test().method(), pass.test().statistic(),
        pass.test().pValue(), adjustedPValue, Verdict.of(significant, pass.direction()));
  }
}
