package dev.ltb.stats;

import dev.ltb.aggregate.LatencySummary;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Exact nearest-rank latency percentiles without keeping every value: latencies are whole milliseconds, so
 * counting how often each value occurs loses nothing. Memory grows with the largest latency seen (4 bytes
 * per millisecond up to {@value #DENSE_LIMIT_MS} ms, then one map entry per distinct slower value), never
 * with the number of items. Not thread-safe.
 */
public final class LatencyCounts {

  static final int DENSE_LIMIT_MS = 1 << 16;

  private int[] dense = new int[256];
  /** Values outside the dense range: slower ones, and negative ones (a provider's clock can go back). */
  private final TreeMap<Long, Long> outside = new TreeMap<>();
  private long count;
  private long sum;
  private long max;

  public void add(long latencyMs) {
    if (latencyMs >= 0 && latencyMs < DENSE_LIMIT_MS) {
      int index = (int) latencyMs;
      if (index >= dense.length)
        dense = Arrays.copyOf(dense, Math.min(DENSE_LIMIT_MS, Integer.highestOneBit(index) << 1));
      dense[index]++;
    } else {
      outside.merge(latencyMs, 1L, Long::sum);
    }
    count++;
    sum += latencyMs;
    max = count == 1 ? latencyMs : Math.max(max, latencyMs);
  }

  public long count() {
    return count;
  }

  /** Percentiles by nearest rank, as {@link Intervals#latency} gives for the same values; all 0 when empty. */
  public LatencySummary summary() {
    if (count == 0) return new LatencySummary(0, 0, 0, 0, 0, 0);
    return new LatencySummary(count, atRank(rank(50)), atRank(rank(95)), atRank(rank(99)), (double) sum / count, max);
  }

  private long rank(int percentile) {
    return Math.max(1, (long) Math.ceil(percentile / 100.0 * count));
  }

  /** The value at 1-based position {@code rank} in sorted order. */
  private long atRank(long rank) {
    long seen = 0;
    for (Map.Entry<Long, Long> entry : outside.headMap(0L).entrySet()) {
      seen += entry.getValue();
      if (seen >= rank) return entry.getKey();
    }
    for (int value = 0; value < dense.length; value++) {
      seen += dense[value];
      if (seen >= rank) return value;
    }
    for (Map.Entry<Long, Long> entry : outside.tailMap(0L).entrySet()) {
      seen += entry.getValue();
      if (seen >= rank) return entry.getKey();
    }
    throw new IllegalStateException("rank " + rank + " beyond " + count + " values");
  }
}
