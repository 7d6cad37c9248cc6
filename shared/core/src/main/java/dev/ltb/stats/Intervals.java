package dev.ltb.stats;

import dev.ltb.aggregate.Estimate;
import dev.ltb.aggregate.LatencySummary;
import dev.ltb.aggregate.Proportion;
import java.util.Arrays;
import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.stat.descriptive.StreamingStatistics;

/** Confidence intervals and percentiles used in every summary, at the 95 % level. */
public final class Intervals {

  /** Two-sided 95 % normal quantile. */
  static final double Z_95 = 1.959963984540054;

  private Intervals() {}

  /** Mean with a Student-t interval; with n < 2 the interval is the mean itself. */
  public static Estimate mean(double[] values, int count) {
    StreamingStatistics stats = new StreamingStatistics();
    for (int i = 0; i < count; i++) stats.addValue(values[i]);
    return mean(stats);
  }

  /** Mean with a Student-t interval of the values accumulated in {@code stats} (one pass, constant memory). */
  public static Estimate mean(StreamingStatistics stats) {
    long count = stats.getN();
    if (count == 0) return new Estimate(0, 0, 0, 0, 0);
    double mean = stats.getMean();
    if (count < 2) return new Estimate(count, mean, 0, mean, mean);
    double sd = stats.getStandardDeviation();
    double halfWidth = new TDistribution(count - 1).inverseCumulativeProbability(0.975) * sd / Math.sqrt(count);
    return new Estimate(count, mean, sd, mean - halfWidth, mean + halfWidth);
  }

  /**
   * Mean of values known to lie in [lower, upper] (scores in [0, 1]): the t interval clipped to those
   * bounds, since a wider interval would claim values no item can take.
   */
  public static Estimate boundedMean(double[] values, int count, double lower, double upper) {
    return bounded(mean(values, count), lower, upper);
  }

  /** {@link #boundedMean(double[], int, double, double)} of the values accumulated in {@code stats}. */
  public static Estimate boundedMean(StreamingStatistics stats, double lower, double upper) {
    return bounded(mean(stats), lower, upper);
  }

  private static Estimate bounded(Estimate estimate, double lower, double upper) {
    return new Estimate(estimate.n(), estimate.mean(), estimate.stdDev(), Math.max(lower, estimate.ciLow()),
        Math.min(upper, estimate.ciHigh()));
  }

  /** Wilson score interval for k successes in n trials. */
  public static Proportion wilson(long successes, long trials) {
    if (trials == 0) return new Proportion(0, 0, 0, 0, 0);
    double p = (double) successes / trials;
    double z2 = Z_95 * Z_95;
    double denominator = 1 + z2 / trials;
    double centre = (p + z2 / (2.0 * trials)) / denominator;
    double halfWidth = Z_95 * Math.sqrt(p * (1 - p) / trials + z2 / (4.0 * trials * trials)) / denominator;
    return new Proportion(successes, trials, p, Math.max(0, centre - halfWidth), Math.min(1, centre + halfWidth));
  }

  /** Nearest-rank percentiles; sorts {@code values[0..count)} in place. */
  public static LatencySummary latency(long[] values, int count) {
    if (count == 0) return new LatencySummary(0, 0, 0, 0, 0, 0);
    Arrays.sort(values, 0, count);
    double sum = 0;
    for (int i = 0; i < count; i++) sum += values[i];
    return new LatencySummary(
        count,
        nearestRank(values, count, 50),
        nearestRank(values, count, 95),
        nearestRank(values, count, 99),
        sum / count,
        values[count - 1]);
  }

  private static long nearestRank(long[] sorted, int count, int percentile) {
    int rank = (int) Math.ceil(percentile / 100.0 * count);
    return sorted[Math.max(0, rank - 1)];
  }
}
