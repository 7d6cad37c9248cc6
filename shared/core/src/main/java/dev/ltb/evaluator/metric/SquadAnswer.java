package dev.ltb.evaluator.metric;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Exact match and token F1 of the official SQuAD v1.1 evaluation script ({@code evaluate-v1.1.py}):
 * answers are normalized (lowercase, ASCII punctuation removed, the articles a/an/the removed, whitespace
 * collapsed) and the best score over the reference answers counts. As in v1.1 (unlike v2.0), F1 is 0
 * when nothing is shared, even when both answers normalize to nothing.
 */
public final class SquadAnswer {

  private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

  private SquadAnswer() {}

  /** {@code normalize_answer}: lower, remove punctuation, remove articles, fix whitespace. */
  public static String normalize(String answer) {
    String lower = PythonText.lower(answer);
    StringBuilder withoutPunctuation = new StringBuilder(lower.length());
    lower.codePoints()
        .filter(cp -> cp >= 128 || PUNCTUATION.indexOf(cp) < 0)
        .forEach(withoutPunctuation::appendCodePoint);
    return String.join(" ", PythonText.split(removeArticles(withoutPunctuation.toString())));
  }

  /** {@code re.sub(r'\b(a|an|the)\b', ' ', text)}: whole words a, an and the become a space. */
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

  /** 1 when the normalized prediction equals some normalized reference, else 0. */
  public static double exactMatch(String prediction, List<String> references) {
    String normalized = normalize(prediction);
    for (String reference : references) if (normalize(reference).equals(normalized)) return 1.0;
    return 0.0;
  }

  /** The best token-level F1 over the references. */
  public static TokenF1 f1(String prediction, List<String> references) {
    if (references.isEmpty()) throw new IllegalArgumentException("F1 needs at least one reference answer");
    List<String> predictionTokens = PythonText.split(normalize(prediction));
    TokenF1 best = null;
    for (String reference : references) {
      TokenF1 score = f1(predictionTokens, PythonText.split(normalize(reference)));
      if (best == null || score.f1() > best.f1()) best = score;
    }
    return best;
  }

  private static TokenF1 f1(List<String> prediction, List<String> reference) {
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
    if (same == 0) return new TokenF1(0, 0, 0);
    double precision = (double) same / prediction.size();
    double recall = (double) same / reference.size();
    return new TokenF1(2 * precision * recall / (precision + recall), precision, recall);
  }

  /** Token F1 with its precision and recall (all 0 when no token is shared). */
  public record TokenF1(double f1, double precision, double recall) {}
}
