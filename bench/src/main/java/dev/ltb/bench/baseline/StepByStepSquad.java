package dev.ltb.bench.baseline;

import dev.ltb.evaluator.metric.PythonText;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Benchmark-only baseline: SQuAD exact match and token F1 as {@code SquadAnswer} computed them before
 * the two-pass normalization (four string passes: lower, remove punctuation, remove articles, split and
 * join). Not used by the product.
 */
public final class StepByStepSquad {

  private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

  private StepByStepSquad() {}

  public static String normalize(String answer) {
    String lower = PythonText.lower(answer);
    StringBuilder withoutPunctuation = new StringBuilder(lower.length());
    lower.codePoints()
        .filter(cp -> cp >= 128 || PUNCTUATION.indexOf(cp) < 0)
        .forEach(withoutPunctuation::appendCodePoint);
    return String.join(" ", PythonText.split(removeArticles(withoutPunctuation.toString())));
  }

  private static String removeArticles(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      if (!PythonText.isWordChar(cp)) {
        out.appendCodePoint(cp);
        i += Character.charCount(cp);
        continue;
      }
      int end = i;
      while (end < text.length() && PythonText.isWordChar(text.codePointAt(end)))
        end += Character.charCount(text.codePointAt(end));
      String word = text.substring(i, end);
      out.append(word.equals("a") || word.equals("an") || word.equals("the") ? " " : word);
      i = end;
    }
    return out.toString();
  }

  public static double exactMatch(String prediction, List<String> references) {
    String normalized = normalize(prediction);
    for (String reference : references) if (normalize(reference).equals(normalized)) return 1.0;
    return 0.0;
  }

  public static double f1(String prediction, List<String> references) {
    List<String> predictionTokens = PythonText.split(normalize(prediction));
    double best = -1;
    for (String reference : references) best = Math.max(best, f1(predictionTokens, PythonText.split(normalize(reference))));
    return best;
  }

  private static double f1(List<String> prediction, List<String> reference) {
    Map<String, Integer> remaining = new HashMap<>();
    for (String token : reference) remaining.merge(token, 1, Integer::sum);
    int same = 0;
    for (String token : prediction) {
      Integer count = remaining.get(token);
      if (count != null && count > 0) {
        same++;
        remaining.put(token, count - 1);
      }
    }
    if (same == 0) return 0;
    double precision = (double) same / prediction.size();
    double recall = (double) same / reference.size();
    return 2 * precision * recall / (precision + recall);
  }
}
