package dev.ltb.report.html;

/** Counts of values in equal-width bins over [0, upper); values at or above upper land in an overflow count. */
public final class Histogram {

  private final double upper;
  private final long[] bins;
  private long overflow;
  private long total;

  public Histogram(double upper, int binCount) {
    if (!(upper > 0)) throw new IllegalArgumentException("histogram upper bound must be > 0, was " + upper);
    if (binCount < 1) throw new IllegalArgumentException("a histogram needs at least one bin");
    this.upper = upper;
    this.bins = new long[binCount];
  }

  public void add(double value) {
    total++;
    if (value >= upper) overflow++;
    else bins[Math.max(0, (int) (value / upper * bins.length))]++;
  }

  /** Puts the upper bound itself into the last bin (a score of exactly 1). */
  public void addClosed(double value) {
    add(value == upper ? Math.nextDown(upper) : value);
  }

  public double upper() {
    return upper;
  }

  public int binCount() {
    return bins.length;
  }

  public long count(int bin) {
    return bins[bin];
  }

  public long overflow() {
    return overflow;
  }

  public long total() {
    return total;
  }

  /** The fullest bin, overflow included: charts scale to it. */
  public long maxCount() {
    long max = overflow;
    for (long count : bins) max = Math.max(max, count);
    return max;
  }
}
