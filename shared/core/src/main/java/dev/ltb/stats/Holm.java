package dev.ltb.stats;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Holm–Bonferroni step-down adjustment (Holm 1979): the k-th smallest of m p-values is multiplied by
 * (m - k + 1), made non-decreasing and capped at 1. Rejecting where the adjusted p-value is below alpha
 * controls the family-wise error rate at alpha, with more power than plain Bonferroni.
 */
public final class Holm {

  private Holm() {}

  /** Adjusted p-values, in the order of the input. */
  public static double[] adjust(double[] pValues) {
    int m = pValues.length;
    Integer[] order = new Integer[m];
    for (int i = 0; i < m; i++) {
      if (!(pValues[i] >= 0 && pValues[i] <= 1))
        throw new IllegalArgumentException("p-values must be in [0, 1], got " + pValues[i]);
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> pValues[i]).thenComparingInt(i -> i));
    double[] adjusted = new double[m];
    double running = 0;
    for (int k = 0; k < m; k++) {
      running = Math.max(running, Math.min(1, (m - k) * pValues[order[k]]));
      adjusted[order[k]] = running;
    }
    return adjusted;
  }
}
