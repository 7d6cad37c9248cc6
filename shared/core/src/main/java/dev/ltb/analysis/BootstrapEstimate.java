package dev.ltb.analysis;

import dev.ltb.stats.Bootstrap;
import dev.ltb.stats.Interval;
import org.hipparchus.stat.descriptive.StreamingStatistics;

/**
 * A mean with its sample standard deviation and 95 % percentile-bootstrap interval.
 *
 * @param n values
 * @param mean their mean
 * @param stdDev sample standard deviation (n - 1), 0 for a single value
 * @param ciLow lower bound of the bootstrap interval of the mean
 * @param ciHigh upper bound
 */
public record BootstrapEstimate(long n, double mean, double stdDev, double ciLow, double ciHigh) {

  /** The estimate of the values, or null when there are none. */
  static BootstrapEstimate of(double[] values, Bootstrap bootstrap) {
    if (values.length == 0) return null;
    StreamingStatistics statistics = new StreamingStatistics();
    for (double value : values) statistics.addValue(value);
    double stdDev = values.length < 2 ? 0 : statistics.getStandardDeviation();
    Interval interval = bootstrap.meanInterval(values);
    return new BootstrapEstimate(values.length, statistics.getMean(), stdDev, interval.low(), interval.high());
  }
}
