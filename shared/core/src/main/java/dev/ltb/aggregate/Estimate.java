package dev.ltb.aggregate;

/**
 * A sample mean with its 95 % confidence interval (Student's t). With fewer than two values the interval
 * collapses to the mean.
 */
public record Estimate(long n, double mean, double stdDev, double ciLow, double ciHigh) {}
