package dev.ltb.bench.baseline;

import dev.ltb.evaluator.metric.ErrorRateScore;
import dev.ltb.evaluator.metric.PythonText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Benchmark-only baseline: WER and CER as {@code ErrorRate} computed them before the bit-parallel edit
 * distance (the full dynamic-programming table, two rows at a time). Not used by the product.
 */
public final class TableErrorRate {

  private TableErrorRate() {}

  public static ErrorRateScore wordErrorRate(String reference, String hypothesis) {
    Map<String, Integer> ids = new HashMap<>();
    int[] ref = ids(words(reference), ids);
    int[] hyp = ids(words(hypothesis), ids);
    return new ErrorRateScore(editDistance(ref, hyp), ref.length, hyp.length);
  }

  public static ErrorRateScore characterErrorRate(String reference, String hypothesis) {
    int[] ref = PythonText.strip(reference).codePoints().toArray();
    int[] hyp = PythonText.strip(hypothesis).codePoints().toArray();
    return new ErrorRateScore(editDistance(ref, hyp), ref.length, hyp.length);
  }

  static List<String> words(String text) {
    String collapsed = collapseWhitespaceRuns(text);
    List<String> words = new ArrayList<>();
    for (String word : PythonText.strip(collapsed).split(" ", -1)) if (!word.isEmpty()) words.add(word);
    return words;
  }

  private static String collapseWhitespaceRuns(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      int end = i + Character.charCount(cp);
      if (PythonText.isSpace(cp)) {
        while (end < text.length() && PythonText.isSpace(text.codePointAt(end)))
          end += Character.charCount(text.codePointAt(end));
        if (end - i > Character.charCount(cp)) {
          out.append(' ');
          i = end;
          continue;
        }
      }
      out.appendCodePoint(cp);
      i += Character.charCount(cp);
    }
    return out.toString();
  }

  private static int[] ids(List<String> words, Map<String, Integer> ids) {
    int[] out = new int[words.size()];
    for (int i = 0; i < out.length; i++) {
      Integer id = ids.putIfAbsent(words.get(i), ids.size());
      out[i] = id == null ? ids.size() - 1 : id;
    }
    return out;
  }

  static int editDistance(int[] a, int[] b) {
    if (a.length < b.length) return editDistance(b, a);
    int[] previous = new int[b.length + 1];
    int[] current = new int[b.length + 1];
    for (int j = 0; j <= b.length; j++) previous[j] = j;
    for (int i = 1; i <= a.length; i++) {
      current[0] = i;
      for (int j = 1; j <= b.length; j++) {
        int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length];
  }
}
