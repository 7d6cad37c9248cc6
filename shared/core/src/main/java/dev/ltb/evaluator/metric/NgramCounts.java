package dev.ltb.evaluator.metric;

import java.util.Arrays;

/** Occurrence counts of n-grams by id (from one {@link NgramIndex}), with totals per order. */
final class NgramCounts {

  private int[] counts;
  private int[] distinct;
  private int distinctSize;
  private final int[] totals;

  /** @param idCapacity how many n-gram ids the index is expected to hand out (counts are indexed by id) */
  NgramCounts(int maxOrder, int expectedDistinct, int idCapacity) {
    counts = new int[Math.max(64, idCapacity)];
    totals = new int[maxOrder + 1];
    distinct = new int[Math.max(16, expectedDistinct)];
  }

  void add(int id, int order) {
    add(id, order, 1);
  }

  private void add(int id, int order, int times) {
    if (id >= counts.length) counts = Arrays.copyOf(counts, Math.max(id + 1, counts.length * 2));
    if (counts[id] == 0) {
      if (distinctSize == distinct.length) distinct = Arrays.copyOf(distinct, distinctSize * 2);
      distinct[distinctSize++] = id;
    }
    counts[id] += times;
    totals[order] += times;
  }

  /** Raises each count to at least the other's (sacreBLEU's merge of several references). */
  void maxWith(NgramCounts other, NgramIndex index) {
    for (int i = 0; i < other.distinctSize; i++) {
      int id = other.distinct[i];
      int missing = other.count(id) - count(id);
      if (missing > 0) add(id, index.order(id), missing);
    }
  }

  int count(int id) {
    return id < counts.length ? counts[id] : 0;
  }

  /** How many n-grams of this order were counted (with repetitions). */
  int total(int order) {
    return order < totals.length ? totals[order] : 0;
  }

  int distinctSize() {
    return distinctSize;
  }

  /** The i-th distinct n-gram id, in order of first occurrence. */
  int distinctId(int i) {
    return distinct[i];
  }

  /** Per order, the sum over n-grams of min(this count, other count) (Python's {@code Counter &}). */
  int[] clippedMatches(NgramCounts other, NgramIndex index) {
    int[] matches = new int[totals.length];
    for (int i = 0; i < distinctSize; i++) {
      int id = distinct[i];
      matches[index.order(id)] += Math.min(counts[id], other.count(id));
    }
    return matches;
  }
}
