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

  /**
   * {@code normalize_answer}: lower, remove punctuation, remove articles, fix whitespace. Done in two
   * passes over a char array instead of four over strings; the result is the same text.
   */
  public static String normalize(String answer) {
    String lower = PythonText.lower(answer);
    // Remove ASCII punctuation. Punctuation is ASCII, so UTF-16 units can be tested one by one.
    char[] text = new char[lower.length()];
    int length = 0;
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if (c >= 128 || !IS_PUNCTUATION[c]) text[length++] = c;
    }
    // re.sub(r'\b(a|an|the)\b', ' ', text), then ' '.join(text.split()): word runs (Python's \w) that
    // are a, an or the become a space, and whitespace runs become single spaces between the parts.
    StringBuilder out = new StringBuilder(length);
    boolean pendingSpace = false;
    int i = 0;
    while (i < length) {
      int cp = Character.codePointAt(text, i, length);
      int next = i + Character.charCount(cp);
      if (PythonText.isSpace(cp)) {
        pendingSpace = out.length() > 0;
        i = next;
        continue;
      }
      if (!isWordChar(cp)) {
        if (pendingSpace) out.append(' ');
        pendingSpace = false;
        out.appendCodePoint(cp);
        i = next;
        continue;
      }
      int end = next;
      while (end < length) {
        int wordCp = Character.codePointAt(text, end, length);
        if (!isWordChar(wordCp)) break;
        end += Character.charCount(wordCp);
      }
      if (isArticle(text, i, end)) {
        pendingSpace = out.length() > 0;
      } else {
        if (pendingSpace) out.append(' ');
        pendingSpace = false;
        out.append(text, i, end - i);
      }
      i = end;
    }
    return out.toString();
  }

  private static final boolean[] IS_PUNCTUATION = new boolean[128];

  static {
    for (int i = 0; i < PUNCTUATION.length(); i++) IS_PUNCTUATION[PUNCTUATION.charAt(i)] = true;
  }

  private static boolean isWordChar(int cp) {
    if (cp < 128)
      return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == '_';
    return PythonText.isWordChar(cp);
  }

  private static boolean isArticle(char[] text, int start, int end) {
    return switch (end - start) {
      case 1 -> text[start] == 'a';
      case 2 -> text[start] == 'a' && text[start + 1] == 'n';
      case 3 -> text[start] == 't' && text[start + 1] == 'h' && text[start + 2] == 'e';
      default -> false;
    };
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
