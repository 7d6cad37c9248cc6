package dev.ltb.stats;

import java.util.Arrays;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.stat.inference.WilcoxonSignedRankTest;
import org.hipparchus.stat.ranking.NaNStrategy;
import org.hipparchus.stat.ranking.NaturalRanking;
import org.hipparchus.stat.ranking.TiesStrategy;

/**
 * Two-sided Wilcoxon signed-rank test of "the paired differences are symmetric around zero".
 *
 * <p>Zero differences are dropped before ranking (Wilcoxon's original method, scipy's {@code zero_method="wilcox"},
 * and what Hipparchus does); tied absolute differences get their average rank. The p-value then comes from:
 *
 * <ul>
 *   <li>no ties and at most {@value #EXACT_MAX} pairs: Hipparchus' exact distribution (it enumerates all 2^n
 *       sign patterns, so larger n would be slow);
 *   <li>no ties and more pairs: Hipparchus' normal approximation, with a 0.5 continuity correction;
 *   <li>ties: the normal approximation with the variance reduced by Σ(t³ - t) / 48 over groups of t tied
 *       ranks (Lehmann 1975) and the same continuity correction, as R's {@code wilcox.test} does, because
 *       neither the exact enumeration (integer ranks) nor Hipparchus' approximation account for ties, and
 *       scores of LLM tests (0, 0.5, 1) tie a lot.
 * </ul>
 */
public final class SignedRank {

  public static final int EXACT_MAX = 20;
  public static final String EXACT = "wilcoxon-exact";
  public static final String NORMAL = "wilcoxon-normal";
  public static final String NORMAL_TIE_CORRECTED = "wilcoxon-normal-tie-corrected";

  private static final NaturalRanking RANKING = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE);

  private SignedRank() {}

  public static SignedRankResult test(double[] differences) {
    double[] nonZero = Arrays.stream(differences).filter(d -> d != 0).toArray();
    for (double d : nonZero) if (!Double.isFinite(d)) throw new IllegalArgumentException("differences must be finite");
    int n = nonZero.length;
    int zeros = differences.length - n;
    if (n == 0) return new SignedRankResult(0, zeros, 0, 0, HypothesisTest.none());

    double[] magnitudes = Arrays.stream(nonZero).map(Math::abs).toArray();
    double[] ranks = RANKING.rank(magnitudes);
    double positive = 0;
    for (int i = 0; i < n; i++) if (nonZero[i] > 0) positive += ranks[i];
    double negative = n * (n + 1) / 2.0 - positive;
    double statistic = Math.min(positive, negative);

    double tieCorrection = tieCorrection(magnitudes);
    HypothesisTest test;
    if (tieCorrection == 0) {
      boolean exact = n <= EXACT_MAX;
      double p = new WilcoxonSignedRankTest().wilcoxonSignedRankTest(new double[n], nonZero, exact);
      test = new HypothesisTest(exact ? EXACT : NORMAL, statistic, Math.min(1, p));
    } else {
      double mean = n * (n + 1) / 4.0;
      double variance = n * (n + 1) * (2.0 * n + 1) / 24.0 - tieCorrection / 48.0;
      double z = variance <= 0 ? 0 : Math.max(0, Math.abs(positive - mean) - 0.5) / Math.sqrt(variance);
      double p = 2 * new NormalDistribution(0, 1).cumulativeProbability(-z);
      test = new HypothesisTest(NORMAL_TIE_CORRECTED, statistic, Math.min(1, p));
    }
    return new SignedRankResult(n, zeros, positive, negative, test);
  }

  /** Σ(t³ - t) over groups of t equal magnitudes; 0 without ties. */
  private static double tieCorrection(double[] magnitudes) {
    double[] sorted = magnitudes.clone();
    Arrays.sort(sorted);
    double sum = 0;
    int start = 0;
    for (int i = 1; i <= sorted.length; i++) {
      if (i == sorted.length || sorted[i] != sorted[start]) {
        long t = i - start;
        sum += t * t * t - t;
        start = i;
      }
    }
    return sum;
  }
}
