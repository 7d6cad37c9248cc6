package dev.ltb.stats;

/** A two-sided 95 % confidence interval. */
public record Interval(double low, double high) {

  public Interval {
    if (Double.isNaN(low) || Double.isNaN(high) || low > high)
      throw new IllegalArgumentException("an interval needs low <= high, got [" + low + ", " + high + "]");
  }

  public static Interval point(double value) {
    return new Interval(value, value);
  }

  public boolean contains(double value) {
    return value >= low && value <= high;
  }
}
