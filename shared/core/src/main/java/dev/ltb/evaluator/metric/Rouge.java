package dev.ltb.evaluator.metric;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ROUGE-N, ROUGE-L and ROUGE-Lsum as Google's {@code rouge_score} package computes them
 * (google-research/google-research, rouge/rouge_scorer.py and rouge/tokenize.py), which replicates
 * ROUGE-1.5.5: text is lowercased, every run of characters other than {@code [a-z0-9]} becomes a token
 * boundary (so non-Latin text yields no tokens), tokens longer than 3 characters are optionally Porter
 * stemmed; precision, recall and their harmonic mean follow. With several references, the one with the
 * highest F-measure is used ({@code RougeScorer.score_multi}).
 */
public final class Rouge {

  /** Above this many match words (distinct tokens × 64-token blocks), LCS falls back to the table. */
  private static final long MAX_MATCH_WORDS = 1L << 22;

  private final PorterStemmer stemmer;

  /** @param useStemmer stem tokens longer than 3 characters, as {@code use_stemmer=True} */
  public Rouge(boolean useStemmer) {
    this.stemmer = useStemmer ? new PorterStemmer() : null;
  }

  /** ROUGE-N: n-gram overlap. */
  public RougeScore rougeN(int n, String prediction, List<String> references) {
    if (n < 1) throw new IllegalArgumentException("ROUGE-N needs n >= 1, was " + n);
    Map<String, String> stems = new HashMap<>();
    List<String> predictionTokens = tokenize(prediction, stems);
    return best(references, reference -> ngramScore(tokenize(reference, stems), predictionTokens, n));
  }

  /** ROUGE-L: longest common subsequence of the whole texts. */
  public RougeScore rougeL(String prediction, List<String> references) {
    Map<String, String> stems = new HashMap<>();
    List<String> predictionTokens = tokenize(prediction, stems);
    return best(references, reference -> lcsScore(tokenize(reference, stems), predictionTokens));
  }

  /** ROUGE-Lsum: summary-level LCS over sentences separated by newlines (union LCS, no double counting). */
  public RougeScore rougeLsum(String prediction, List<String> references) {
    Map<String, String> stems = new HashMap<>();
    List<List<String>> predictionSentences = sentences(prediction, stems);
    return best(references, reference -> summaryLevelLcs(sentences(reference, stems), predictionSentences));
  }

  /** rouge_score's default tokenizer. */
  public List<String> tokenize(String text) {
    return tokenize(text, new HashMap<>());
  }

  private List<String> tokenize(String text, Map<String, String> stems) {
    String lower = PythonText.lower(text);
    List<String> tokens = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= lower.length(); i++) {
      boolean alphanumeric = i < lower.length() && isTokenChar(lower.charAt(i));
      if (alphanumeric && start < 0) start = i;
      if (!alphanumeric && start >= 0) {
        String token = lower.substring(start, i);
        tokens.add(stemmer != null && token.length() > 3 ? stems.computeIfAbsent(token, stemmer::stem) : token);
        start = -1;
      }
    }
    return tokens;
  }

  private static boolean isTokenChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  private interface Scorer {
    RougeScore score(String reference);
  }

  private static RougeScore best(List<String> references, Scorer scorer) {
    if (references.isEmpty()) throw new IllegalArgumentException("ROUGE needs at least one reference");
    RougeScore best = null;
    for (String reference : references) {
      RougeScore score = scorer.score(reference);
      if (best == null || score.fmeasure() > best.fmeasure()) best = score;
    }
    return best;
  }

  private static RougeScore ngramScore(List<String> target, List<String> prediction, int n) {
    NgramIndex index = new NgramIndex();
    NgramCounts targetCounts = index.count(index.symbols(target), n, n);
    NgramCounts predictionCounts = index.count(index.symbols(prediction), n, n);
    int overlap = targetCounts.clippedMatches(predictionCounts, index)[n];
    double precision = (double) overlap / Math.max(predictionCounts.total(n), 1);
    double recall = (double) overlap / Math.max(targetCounts.total(n), 1);
    return RougeScore.of(precision, recall);
  }

  private static RougeScore lcsScore(List<String> target, List<String> prediction) {
    if (target.isEmpty() || prediction.isEmpty()) return RougeScore.ZERO;
    Map<String, Integer> ids = new HashMap<>();
    int[] t = symbols(target, ids);
    int[] p = symbols(prediction, ids);
    int lcs = lcsLength(t, p, ids.size());
    return RougeScore.of((double) lcs / prediction.size(), (double) lcs / target.size());
  }

  /**
   * Length of a longest common subsequence of two symbol sequences (dense ids below {@code alphabet}),
   * bit-parallel (Allison and Dix 1986, in the form of Hyyrö 2004): one bit per position of {@code a}, a
   * zero marking a position matched so far; each symbol of {@code b} updates all of them with an addition
   * and a few word operations, O(|b|·⌈|a|/64⌉) instead of the table's O(|a|·|b|).
   */
  static int lcsLength(int[] a, int[] b, int alphabet) {
    if (a.length > b.length) return lcsLength(b, a, alphabet);
    int words = (a.length + 63) >>> 6;
    if ((long) alphabet * words > MAX_MATCH_WORDS) return lcsTable(a, b);
    long[] match = new long[alphabet * words];
    for (int i = 0; i < a.length; i++) match[a[i] * words + (i >>> 6)] |= 1L << (i & 63);
    long[] v = new long[words];
    java.util.Arrays.fill(v, -1L);
    for (int symbol : b) {
      int base = symbol * words;
      long carry = 0;
      for (int w = 0; w < words; w++) {
        long vw = v[w];
        long u = vw & match[base + w];
        long sum = vw + u + carry;
        carry = Long.compareUnsigned(sum, vw) < 0 || (carry != 0 && sum == vw) ? 1 : 0;
        v[w] = sum | (vw - u);
      }
    }
    int zeros = 0;
    for (int w = 0; w < words; w++) {
      int bits = Math.min(64, a.length - (w << 6));
      long mask = bits == 64 ? -1L : (1L << bits) - 1;
      zeros += Long.bitCount(~v[w] & mask);
    }
    return zeros;
  }

  /** The textbook table, two rows at a time: for texts with tens of thousands of distinct tokens. */
  static int lcsTable(int[] a, int[] b) {
    int[] previous = new int[b.length + 1];
    int[] current = new int[b.length + 1];
    for (int i = 1; i <= a.length; i++) {
      for (int j = 1; j <= b.length; j++)
        current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length];
  }

  private static int[] symbols(List<String> tokens, Map<String, Integer> ids) {
    int[] symbols = new int[tokens.size()];
    for (int i = 0; i < symbols.length; i++) {
      Integer id = ids.putIfAbsent(tokens.get(i), ids.size());
      symbols[i] = id == null ? ids.size() - 1 : id;
    }
    return symbols;
  }

  private List<List<String>> sentences(String text, Map<String, String> stems) {
    List<List<String>> sentences = new ArrayList<>();
    for (String sentence : text.split("\n", -1)) if (!sentence.isEmpty()) sentences.add(tokenize(sentence, stems));
    return sentences;
  }

  private static RougeScore summaryLevelLcs(List<List<String>> reference, List<List<String>> candidate) {
    if (reference.isEmpty() || candidate.isEmpty()) return RougeScore.ZERO;
    int m = reference.stream().mapToInt(List::size).sum();
    int n = candidate.stream().mapToInt(List::size).sum();
    if (m == 0 || n == 0) return RougeScore.ZERO;

    Map<String, Integer> referenceCounts = new HashMap<>();
    Map<String, Integer> candidateCounts = new HashMap<>();
    reference.forEach(sentence -> sentence.forEach(token -> referenceCounts.merge(token, 1, Integer::sum)));
    candidate.forEach(sentence -> sentence.forEach(token -> candidateCounts.merge(token, 1, Integer::sum)));

    int hits = 0;
    for (List<String> sentence : reference) {
      // Union of the LCS positions in this reference sentence against every candidate sentence.
      boolean[] inUnion = new boolean[sentence.size()];
      for (List<String> other : candidate) for (int i : lcsIndices(sentence, other)) inUnion[i] = true;
      for (int i = 0; i < inUnion.length; i++) {
        if (!inUnion[i]) continue;
        String token = sentence.get(i);
        // ROUGE-1.5.5 does not count a token more often than it occurs on either side.
        if (candidateCounts.getOrDefault(token, 0) > 0 && referenceCounts.getOrDefault(token, 0) > 0) {
          hits++;
          candidateCounts.merge(token, -1, Integer::sum);
          referenceCounts.merge(token, -1, Integer::sum);
        }
      }
    }
    return RougeScore.of((double) hits / n, (double) hits / m);
  }

  /** Positions in {@code ref} of one longest common subsequence, read back as rouge_score does. */
  private static List<Integer> lcsIndices(List<String> ref, List<String> can) {
    int rows = ref.size();
    int cols = can.size();
    int[][] table = new int[rows + 1][cols + 1];
    for (int i = 1; i <= rows; i++)
      for (int j = 1; j <= cols; j++)
        table[i][j] =
            ref.get(i - 1).equals(can.get(j - 1))
                ? table[i - 1][j - 1] + 1
                : Math.max(table[i - 1][j], table[i][j - 1]);
    List<Integer> indices = new ArrayList<>();
    int i = rows;
    int j = cols;
    while (i > 0 && j > 0) {
      if (ref.get(i - 1).equals(can.get(j - 1))) {
        indices.add(i - 1);
        i--;
        j--;
      } else if (table[i][j - 1] > table[i - 1][j]) {
        j--;
      } else {
        i--;
      }
    }
    return indices;
  }
}
