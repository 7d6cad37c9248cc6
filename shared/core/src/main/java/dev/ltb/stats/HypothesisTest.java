package dev.ltb.stats;

import java.util.Objects;

/**
 * The outcome of one significance test, before any multiple-testing correction.
 *
 * @param method which test ran, e.g. {@code mcnemar-exact}, {@code wilcoxon-normal-tie-corrected}, {@code none}
 *     when there was nothing to test (the p-value is then 1: no evidence of a difference)
 * @param statistic the test statistic (chi-square, W, t), null for exact tests without one
 * @param pValue the two-sided p-value
 */
public record HypothesisTest(String method, Double statistic, double pValue) {

  public static final String NONE = "none";

  public HypothesisTest {
    Objects.requireNonNull(method, "method");
    if (!(pValue >= 0 && pValue <= 1)) throw new IllegalArgumentException("p-value must be in [0, 1], got " + pValue);
  }

  /** Nothing to test (no pairs, no discordant pairs, all differences zero). */
  public static HypothesisTest none() {
    return new HypothesisTest(NONE, null, 1);
  }

  public boolean performed() {
    return !NONE.equals(method);
  }
}
