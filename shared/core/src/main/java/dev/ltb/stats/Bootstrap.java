package dev.ltb.stats;

import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;
import org.hipparchus.stat.descriptive.rank.Percentile;
import org.hipparchus.stat.descriptive.rank.Percentile.EstimationType;

/**
 * Percentile bootstrap of a mean: resample the values with replacement {@code resamples} times, take the 2.5th
 * and 97.5th percentiles (R-7 / numpy "linear" estimator) of the resampled means. Every call starts a fresh
 * Well19937c generator from the same seed, so a result depends only on the values, their order, the seed and
 * the number of resamples, never on what was computed before it. Paired callers pass the per-pair differences.
 */
public final class Bootstrap {

  public static final int DEFAULT_RESAMPLES = 2000;
  public static final long DEFAULT_SEED = 20_240_601L;
  static final int MIN_RESAMPLES = 100;

  private final int resamples;
  private final long seed;

  public Bootstrap(int resamples, long seed) {
    if (resamples < MIN_RESAMPLES)
      throw new IllegalArgumentException(
          "bootstrap resamples must be at least " + MIN_RESAMPLES + " for a 95 % interval, got " + resamples);
    this.resamples = resamples;
    this.seed = seed;
  }

  public static Bootstrap defaults() {
    return new Bootstrap(DEFAULT_RESAMPLES, DEFAULT_SEED);
  }

  /** The 95 % percentile interval of the mean of {@code values}; a single or constant value is its own interval. */
  public Interval meanInterval(double[] values) {
    int n = values.length;
    if (n == 0) throw new IllegalArgumentException("cannot bootstrap the mean of no values");
    if (isConstant(values)) return Interval.point(values[0]);
    RandomGenerator random = new Well19937c(seed);
    double[] means = new double[resamples];
    for (int b = 0; b < resamples; b++) {
      double sum = 0;
      for (int i = 0; i < n; i++) sum += values[random.nextInt(n)];
      means[b] = sum / n;
    }
    Percentile percentile = new Percentile().withEstimationType(EstimationType.R_7);
    percentile.setData(means);
    return new Interval(percentile.evaluate(2.5), percentile.evaluate(97.5));
  }

  private static boolean isConstant(double[] values) {
    for (double value : values) if (value != values[0]) return false;
    return true;
  }
}
