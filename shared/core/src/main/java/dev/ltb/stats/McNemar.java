package dev.ltb.stats;

import org.hipparchus.special.Erf;
import org.hipparchus.stat.inference.AlternativeHypothesis;
import org.hipparchus.stat.inference.BinomialTest;

/**
 * McNemar's test for paired pass/fail outcomes. Only the discordant pairs carry information: {@code b} pairs
 * where the first passed and the second failed, {@code c} the reverse. Under "no difference" each discordant
 * pair is a fair coin flip.
 *
 * <p>Rule: with fewer than {@value #EXACT_BELOW} discordant pairs the exact two-sided binomial test
 * (b successes of b + c at p = 0.5) is used, since the chi-square approximation is poor there; from
 * {@value #EXACT_BELOW} on, the chi-square statistic with Edwards' continuity correction,
 * (|b - c| - 1)² / (b + c) with one degree of freedom (R's {@code mcnemar.test}).
 */
public final class McNemar {

  public static final int EXACT_BELOW = 25;
  public static final String EXACT = "mcnemar-exact";
  public static final String CHI_SQUARE = "mcnemar-chi-square-corrected";

  private McNemar() {}

  public static HypothesisTest test(long firstOnly, long secondOnly) {
    if (firstOnly < 0 || secondOnly < 0) throw new IllegalArgumentException("discordant counts must be >= 0");
    long discordant = firstOnly + secondOnly;
    if (discordant == 0) return HypothesisTest.none();
    if (discordant < EXACT_BELOW) {
      double p = new BinomialTest()
          .binomialTest((int) discordant, (int) firstOnly, 0.5, AlternativeHypothesis.TWO_SIDED);
      return new HypothesisTest(EXACT, null, Math.min(1, p));
    }
    double corrected = Math.abs(firstOnly - secondOnly) - 1.0;
    double chiSquare = corrected * corrected / discordant;
    // Upper tail of chi-square(1) = P(|Z| > sqrt(x)) = erfc(sqrt(x / 2)); exact in the far tail, unlike 1 - cdf.
    return new HypothesisTest(CHI_SQUARE, chiSquare, Math.min(1, Erf.erfc(Math.sqrt(chiSquare / 2))));
  }
}
