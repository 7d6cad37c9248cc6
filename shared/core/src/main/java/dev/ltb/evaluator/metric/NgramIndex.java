package dev.ltb.evaluator.metric;

import java.util.List;

/**
 * Gives every n-gram seen by one computation a dense integer id, so that counting and clipping work on
 * int arrays instead of maps keyed by joined strings. An n-gram's id is interned from the id of its
 * prefix and its last symbol, which identifies it exactly whatever its order.
 */
final class NgramIndex {

  private static final long NO_PREFIX = 0xFFFFFFFFL << 32;

  private final WordIds words;
  private final LongIntMap ngrams;
  private int[] orders;

  NgramIndex() {
    this(256);
  }

  /** @param expectedNgrams roughly how many distinct n-grams will be interned (avoids rehashing) */
  NgramIndex(int expectedNgrams) {
    ngrams = new LongIntMap(Math.max(16, expectedNgrams));
    words = new WordIds(Math.max(16, expectedNgrams / 4));
    orders = new int[Math.max(16, expectedNgrams)];
  }

  /** Maps words to symbols (dense ids of their own, independent of n-gram ids). */
  int[] symbols(List<String> tokens) {
    int[] symbols = new int[tokens.size()];
    for (int i = 0; i < symbols.length; i++) symbols[i] = words.id(tokens.get(i));
    return symbols;
  }

  /** Counts the n-grams of orders {@code minOrder..maxOrder} of a symbol sequence. */
  NgramCounts count(int[] symbols, int minOrder, int maxOrder) {
    NgramCounts counts = new NgramCounts(
            maxOrder,
            symbols.length * (maxOrder - minOrder + 1),
            Math.max(orders.length, ngrams.size() + symbols.length * maxOrder));
    for (int start = 0; start < symbols.length; start++) {
      int id = -1;
      for (int order = 1; order <= maxOrder && start + order <= symbols.length; order++) {
        id = intern(id, symbols[start + order - 1], order);
        if (order >= minOrder) counts.add(id, order);
      }
    }
    return counts;
  }

  /** The order (length) of the n-gram with this id. */
  int order(int id) {
    return orders[id];
  }

  private int intern(int prefixId, int symbol, int order) {
    long key = (prefixId < 0 ? NO_PREFIX : (long) prefixId << 32) | (symbol & 0xFFFFFFFFL);
    int next = ngrams.size();
    int id = ngrams.putIfAbsent(key, next);
    if (id == next) {
      if (id == orders.length) orders = java.util.Arrays.copyOf(orders, orders.length * 2);
      orders[id] = order;
    }
    return id;
  }
}
