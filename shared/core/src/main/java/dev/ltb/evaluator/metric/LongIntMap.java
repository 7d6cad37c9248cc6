package dev.ltb.evaluator.metric;

import java.util.Arrays;

/** An open-addressing map from {@code long} to non-negative {@code int}, so n-gram keys are not boxed. */
final class LongIntMap {

  private static final int ABSENT = -1;

  private long[] keys;
  private int[] values;
  private int size;

  LongIntMap(int expectedSize) {
    int capacity = Integer.highestOneBit(Math.max(16, expectedSize * 2 - 1)) << 1;
    keys = new long[capacity];
    values = new int[capacity];
    Arrays.fill(values, ABSENT);
  }

  /** The value stored for the key, or -1. */
  int get(long key) {
    int mask = keys.length - 1;
    for (int slot = slot(key, mask); ; slot = (slot + 1) & mask) {
      if (values[slot] == ABSENT) return ABSENT;
      if (keys[slot] == key) return values[slot];
    }
  }

  /** Stores the value unless the key is present; returns the value now stored for the key. */
  int putIfAbsent(long key, int value) {
    if ((size + 1) * 2 > keys.length) grow();
    int mask = keys.length - 1;
    for (int slot = slot(key, mask); ; slot = (slot + 1) & mask) {
      if (values[slot] == ABSENT) {
        keys[slot] = key;
        values[slot] = value;
        size++;
        return value;
      }
      if (keys[slot] == key) return values[slot];
    }
  }

  int size() {
    return size;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new int[oldValues.length * 2];
    Arrays.fill(values, ABSENT);
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) if (oldValues[i] != ABSENT) putIfAbsent(oldKeys[i], oldValues[i]);
  }

  private static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }
}
