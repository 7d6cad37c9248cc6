package dev.ltb.stats;

import dev.ltb.aggregate.Proportion;
import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.distribution.discrete.HypergeometricDistribution;
import org.hipparchus.stat.StatUtils;
import org.hipparchus.stat.inference.ChiSquareTest;
import org.hipparchus.stat.inference.TTest;

/** Comparisons of two samples that share no cases (e.g. two runs whose tests changed). */
public final class IndependentSamples {

  public static final String FISHER_EXACT = "fisher-exact";
  public static final String CHI_SQUARE = "chi-square";
  public static final String WELCH_T = "welch-t";

  /** Cochran's rule: the chi-square approximation needs every expected cell count to be at least 5. */
  static final double MIN_EXPECTED_FOR_CHI_SQUARE = 5;

  /** R's fisher.test tolerance: tables as likely as the observed one, up to rounding, count as "as extreme". */
  private static final double FISHER_RELATIVE_TOLERANCE = 1 + 1e-7;

  private IndependentSamples() {}

  /**
   * Difference of two pass rates k1/n1 - k2/n2. Interval: Newcombe's hybrid score interval (Newcombe 1998,
   * method 10), built from the two Wilson intervals. Test: Fisher's exact test when any expected count of the
   * 2×2 table is below 5, otherwise Pearson's chi-square without continuity correction (Hipparchus).
   */
  public static IndependentComparison proportions(long k1, long n1, long k2, long n2) {
    if (k1 < 0 || k2 < 0 || k1 > n1 || k2 > n2) throw new IllegalArgumentException("need 0 <= k <= n");
    if (n1 == 0 || n2 == 0) return new IndependentComparison(0, null, HypothesisTest.none());
    Proportion first = Intervals.wilson(k1, n1);
    Proportion second = Intervals.wilson(k2, n2);
    double difference = first.rate() - second.rate();
    double low =
        difference - Math.hypot(first.rate() - first.ciLow(), second.ciHigh() - second.rate());
    double high =
        difference + Math.hypot(first.ciHigh() - first.rate(), second.rate() - second.ciLow());
    Interval interval = new Interval(Math.max(-1, low), Math.min(1, high));
    return new IndependentComparison(difference, interval, proportionTest(k1, n1, k2, n2));
  }

  private static HypothesisTest proportionTest(long k1, long n1, long k2, long n2) {
    long total = n1 + n2;
    long passes = k1 + k2;
    double minRow = Math.min(n1, n2);
    double minColumn = Math.min(passes, total - passes);
    if (minRow * minColumn / total < MIN_EXPECTED_FOR_CHI_SQUARE) return fisherExact(k1, n1, k2, n2);
    long[][] table = {{k1, n1 - k1}, {k2, n2 - k2}};
    ChiSquareTest chiSquare = new ChiSquareTest();
    return new HypothesisTest(CHI_SQUARE, chiSquare.chiSquare(table), chiSquare.chiSquareTest(table));
  }

  /** Two-sided: the probability of every table with the same margins that is no more likely than the observed. */
  static HypothesisTest fisherExact(long k1, long n1, long k2, long n2) {
    var distribution =
        new HypergeometricDistribution(Math.toIntExact(n1 + n2), Math.toIntExact(k1 + k2), Math.toIntExact(n1));
    double observed = distribution.probability((int) k1) * FISHER_RELATIVE_TOLERANCE;
    double p = 0;
    for (int x = distribution.getSupportLowerBound(); x <= distribution.getSupportUpperBound(); x++) {
      double probability = distribution.probability(x);
      if (probability <= observed) p += probability;
    }
    return new HypothesisTest(FISHER_EXACT, null, Math.min(1, p));
  }

  /**
   * Difference of two means, mean(first) - mean(second), by Welch's unequal-variance t test (Hipparchus) with the
   * Welch–Satterthwaite interval. Needs two values on each side; two constant samples give a zero-width interval
   * and p = 1 when they are equal, p = 0 when they differ.
   */
  public static IndependentComparison means(double[] first, double[] second) {
    if (first.length == 0 || second.length == 0) return new IndependentComparison(0, null, HypothesisTest.none());
    double difference = StatUtils.mean(first) - StatUtils.mean(second);
    if (first.length < 2 || second.length < 2)
      return new IndependentComparison(difference, null, HypothesisTest.none());
    double v1 = StatUtils.variance(first) / first.length;
    double v2 = StatUtils.variance(second) / second.length;
    double standardError = Math.sqrt(v1 + v2);
    if (standardError == 0)
      return new IndependentComparison(difference, Interval.point(difference),
          new HypothesisTest(WELCH_T, null, difference == 0 ? 1 : 0));
    double degreesOfFreedom =
        (v1 + v2) * (v1 + v2) / (v1 * v1 / (first.length - 1) + v2 * v2 / (second.length - 1));
    double halfWidth = new TDistribution(degreesOfFreedom).inverseCumulativeProbability(0.975) * standardError;
    TTest tTest = new TTest();
    return new IndependentComparison(difference, new Interval(difference - halfWidth, difference + halfWidth),
        new HypothesisTest(WELCH_T, tTest.t(first, second), Math.min(1, tTest.tTest(first, second))));
  }
}
