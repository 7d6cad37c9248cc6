package dev.ltb.bench.baseline;

import dev.ltb.evaluator.metric.Rouge;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Benchmark-only baseline: ROUGE-L's F-measure as {@code Rouge.rougeL} computed it before the
 * bit-parallel LCS (same tokenizer, the full LCS table two rows at a time). Not used by the product.
 */
public final class TableRougeL {

  private static final Rouge TOKENIZER = new Rouge(false);

  private TableRougeL() {}

  public static double fmeasure(String prediction, String reference) {
    List<String> target = TOKENIZER.tokenize(reference);
    List<String> predicted = TOKENIZER.tokenize(prediction);
    if (target.isEmpty() || predicted.isEmpty()) return 0;
    Map<String, Integer> ids = new HashMap<>();
    int[] t = symbols(target, ids);
    int[] p = symbols(predicted, ids);
    int[] previous = new int[p.length + 1];
    int[] current = new int[p.length + 1];
    for (int i = 1; i <= t.length; i++) {
      for (int j = 1; j <= p.length; j++)
        current[j] = t[i - 1] == p[j - 1] ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    int lcs = previous[p.length];
    double precision = (double) lcs / predicted.size();
    double recall = (double) lcs / target.size();
    return precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
  }

  private static int[] symbols(List<String> tokens, Map<String, Integer> ids) {
    int[] symbols = new int[tokens.size()];
    for (int i = 0; i < symbols.length; i++) {
      Integer id = ids.putIfAbsent(tokens.get(i), ids.size());
      symbols[i] = id == null ? ids.size() - 1 : id;
    }
    return symbols;
  }
}
