package dev.ltb.evaluator.metric;

import java.util.Arrays;

/**
 * Levenshtein distance with unit costs (insertions, deletions, substitutions) between two symbol
 * sequences, computed with Myers' bit-parallel algorithm (G. Myers, "A fast bit-vector algorithm for
 * approximate string matching based on dynamic programming", J. ACM 46(3), 1999) in the multi-word block
 * form of H. Hyyrö ("A bit-vector algorithm for computing Levenshtein and Damerau edit distances", Nordic
 * J. Computing 10, 2003): the shorter sequence is the pattern, cut into 64-row blocks, and each symbol of
 * the longer one advances every block by one column with a handful of word operations. Time O(n·⌈m/64⌉)
 * instead of the table's O(n·m); the result is the same number the table gives.
 */
public final class EditDistance {

  /**
   * Above this many pattern-match words (distinct pattern symbols × blocks, 8 bytes each), the table is
   * cheaper in memory; only texts with tens of thousands of distinct symbols get there.
   */
  private static final long MAX_MATCH_WORDS = 1L << 22;

  private EditDistance() {}

  /** The distance between two texts compared UTF-16 char by char (as commons-text's LevenshteinDistance). */
  public static int ofChars(CharSequence a, CharSequence b) {
    int[] x = new int[a.length()];
    for (int i = 0; i < x.length; i++) x[i] = a.charAt(i);
    int[] y = new int[b.length()];
    for (int i = 0; i < y.length; i++) y[i] = b.charAt(i);
    return of(x, y);
  }

  /** The distance between two sequences of symbols (code points, word ids, ...). */
  public static int of(int[] a, int[] b) {
    return of(a, b, MAX_MATCH_WORDS);
  }

  static int of(int[] a, int[] b, long maxMatchWords) {
    int start = 0;
    int endA = a.length;
    int endB = b.length;
    // A shared prefix or suffix never needs an edit, so it is left out of the computation.
    while (start < endA && start < endB && a[start] == b[start]) start++;
    while (endA > start && endB > start && a[endA - 1] == b[endB - 1]) {
      endA--;
      endB--;
    }
    int lengthA = endA - start;
    int lengthB = endB - start;
    if (lengthA == 0) return lengthB;
    if (lengthB == 0) return lengthA;
    return lengthA <= lengthB
        ? bitParallel(a, start, endA, b, start, endB, maxMatchWords)
        : bitParallel(b, start, endB, a, start, endA, maxMatchWords);
  }

  /** Pattern {@code p[pFrom, pTo)} (the shorter, non-empty) against text {@code t[tFrom, tTo)} (non-empty). */
  private static int bitParallel(
      int[] p, int pFrom, int pTo, int[] t, int tFrom, int tTo, long maxMatchWords) {
    int m = pTo - pFrom;
    int blocks = (m + 63) >>> 6;
    SymbolIds ids = new SymbolIds(m);
    int[] patternIds = new int[m];
    for (int i = 0; i < m; i++) patternIds[i] = ids.add(p[pFrom + i]);
    if ((long) ids.size() * blocks > maxMatchWords) return table(p, pFrom, pTo, t, tFrom, tTo);

    // match[id * blocks + b] has bit r set when row 64·b + r of the pattern is the symbol with that id;
    // the extra last id, all zeros, stands for every text symbol the pattern does not contain.
    long[] match = new long[(ids.size() + 1) * blocks];
    for (int i = 0; i < m; i++) match[patternIds[i] * blocks + (i >>> 6)] |= 1L << (i & 63);
    int absent = ids.size() * blocks;

    // Per block: the vertical deltas of the current column as bit sets (+1 in pv, -1 in mv).
    long[] pv = new long[blocks];
    long[] mv = new long[blocks];
    Arrays.fill(pv, -1L);
    int last = blocks - 1;
    int lastRow = (m - 1) & 63;
    int score = m;
    for (int j = tFrom; j < tTo; j++) {
      int id = ids.get(t[j]);
      int base = id < 0 ? absent : id * blocks;
      // The horizontal delta entering a block from above, as two bits: +1 (pIn) or -1 (mIn). Row 0 of
      // the table is 0, 1, 2, ..., so +1 enters the first block.
      long pIn = 1;
      long mIn = 0;
      for (int b = 0; b < last; b++) {
        long eq = match[base + b];
        long pvb = pv[b];
        long mvb = mv[b];
        long xv = eq | mvb;
        eq |= mIn;
        long xh = (((eq & pvb) + pvb) ^ pvb) | eq;
        long ph = mvb | ~(xh | pvb);
        long mh = pvb & xh;
        long pOut = ph >>> 63;
        long mOut = mh >>> 63;
        ph = (ph << 1) | pIn;
        mh = (mh << 1) | mIn;
        pv[b] = mh | ~(xv | ph);
        mv[b] = ph & xv;
        pIn = pOut;
        mIn = mOut;
      }
      // The last block: its row m (bit lastRow) carries the score.
      long eq = match[base + last];
      long pvb = pv[last];
      long mvb = mv[last];
      long xv = eq | mvb;
      eq |= mIn;
      long xh = (((eq & pvb) + pvb) ^ pvb) | eq;
      long ph = mvb | ~(xh | pvb);
      long mh = pvb & xh;
      score += (int) ((ph >>> lastRow) & 1) - (int) ((mh >>> lastRow) & 1);
      ph = (ph << 1) | pIn;
      mh = (mh << 1) | mIn;
      pv[last] = mh | ~(xv | ph);
      mv[last] = ph & xv;
    }
    return score;
  }

  /** The textbook table, two rows at a time: for patterns with too many distinct symbols. */
  private static int table(int[] p, int pFrom, int pTo, int[] t, int tFrom, int tTo) {
    int m = pTo - pFrom;
    int[] previous = new int[m + 1];
    int[] current = new int[m + 1];
    for (int i = 0; i <= m; i++) previous[i] = i;
    for (int j = tFrom; j < tTo; j++) {
      current[0] = j - tFrom + 1;
      int symbol = t[j];
      for (int i = 1; i <= m; i++) {
        int substitution = previous[i - 1] + (p[pFrom + i - 1] == symbol ? 0 : 1);
        current[i] = Math.min(substitution, Math.min(previous[i], current[i - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[m];
  }

  /** Dense ids for the pattern's symbols: an open-addressing int → int map with linear probing. */
  private static final class SymbolIds {
    private final int[] keys;
    private final int[] values;
    private final int mask;
    private int size;

    SymbolIds(int expected) {
      int capacity = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
      keys = new int[capacity];
      values = new int[capacity];
      Arrays.fill(values, -1);
      mask = capacity - 1;
    }

    int size() {
      return size;
    }

    int add(int key) {
      int slot = mix(key) & mask;
      while (values[slot] >= 0) {
        if (keys[slot] == key) return values[slot];
        slot = (slot + 1) & mask;
      }
      keys[slot] = key;
      values[slot] = size;
      return size++;
    }

    int get(int key) {
      int slot = mix(key) & mask;
      while (values[slot] >= 0) {
        if (keys[slot] == key) return values[slot];
        slot = (slot + 1) & mask;
      }
      return -1;
    }

    private static int mix(int key) {
      int h = key * 0x9E3779B9;
      return h ^ (h >>> 16);
    }
  }
}
