package dev.ltb.rest;

import java.util.Arrays;

/** The warm times of one call, in nanoseconds, with nearest-rank percentiles. */
final class LatencySamples {

  private final long[] nanos;
  private int count;

  LatencySamples(int capacity) {
    nanos = new long[capacity];
  }

  void add(long elapsedNanos) {
    nanos[count++] = elapsedNanos;
  }

  int count() {
    return count;
  }

  /** Nearest rank: the smallest sample that at least {@code p} of the samples do not exceed, in milliseconds. */
  double percentileMillis(double p) {
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p * count);
    return sorted[Math.max(0, Math.min(count - 1, rank - 1))] / 1e6;
  }
}
