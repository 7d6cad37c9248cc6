package dev.ltb.evaluator.metric;

import java.util.Arrays;

/** Dense ids for the distinct words of one computation: open addressing on String keys, no boxing. */
final class WordIds {

  private String[] keys;
  private int[] values;
  private int size;

  WordIds(int expectedSize) {
    int capacity = Integer.highestOneBit(Math.max(16, expectedSize * 2 - 1)) << 1;
    keys = new String[capacity];
    values = new int[capacity];
  }

  /** The word's id, giving it the next one when it is new. */
  int id(String word) {
    if ((size + 1) * 2 > keys.length) grow();
    int mask = keys.length - 1;
    int h = word.hashCode();
    for (int slot = (h ^ (h >>> 16)) & mask; ; slot = (slot + 1) & mask) {
      String key = keys[slot];
      if (key == null) {
        keys[slot] = word;
        values[slot] = size;
        return size++;
      }
      if (key.equals(word)) return values[slot];
    }
  }

  int size() {
    return size;
  }

  private void grow() {
    String[] oldKeys = keys;
    int[] oldValues = values;
    keys = new String[oldKeys.length * 2];
    values = new int[oldValues.length * 2];
    int mask = keys.length - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] == null) continue;
      int h = oldKeys[i].hashCode();
      int slot = (h ^ (h >>> 16)) & mask;
      while (keys[slot] != null) slot = (slot + 1) & mask;
      keys[slot] = oldKeys[i];
      values[slot] = oldValues[i];
    }
  }
}
