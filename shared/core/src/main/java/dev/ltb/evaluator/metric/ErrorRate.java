package dev.ltb.evaluator.metric;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Word and character error rates as jiwer 4 computes them with its default transforms (jitsi/jiwer,
 * src/jiwer/process.py and transformations.py): the minimum number of substitutions, deletions and
 * insertions turning the reference into the hypothesis, divided by the reference length. The rate can
 * exceed 1 when the hypothesis is longer; an empty reference divides by 1 (jiwer 4), so it scores the
 * number of inserted words or characters.
 */
public final class ErrorRate {

  private ErrorRate() {}

  /**
   * WER: runs of two or more whitespace characters become one space, the text is stripped, then split
   * on single spaces (jiwer's {@code wer_default}).
   */
  public static ErrorRateScore wordErrorRate(String reference, String hypothesis) {
    Map<String, Integer> ids = new HashMap<>();
    int[] ref = ids(words(reference), ids);
    int[] hyp = ids(words(hypothesis), ids);
    return new ErrorRateScore(editDistance(ref, hyp), ref.length, hyp.length);
  }

  /** CER: the stripped texts compared character by character, spaces included (jiwer's {@code cer_default}). */
  public static ErrorRateScore characterErrorRate(String reference, String hypothesis) {
    int[] ref = codePoints(PythonText.strip(reference));
    int[] hyp = codePoints(PythonText.strip(hypothesis));
    return new ErrorRateScore(editDistance(ref, hyp), ref.length, hyp.length);
  }

  /** {@code text.codePoints().toArray()} without the stream: one pass when the text has no surrogates. */
  static int[] codePoints(String text) {
    int n = text.length();
    int[] out = new int[n];
    int count = 0;
    for (int i = 0; i < n; ) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
        out[count++] = Character.toCodePoint(c, text.charAt(i + 1));
        i += 2;
      } else {
        out[count++] = c;
        i++;
      }
    }
    return count == n ? out : java.util.Arrays.copyOf(out, count);
  }

  static List<String> words(String text) {
    String collapsed = collapseWhitespaceRuns(text);
    List<String> words = new ArrayList<>();
    for (String word : PythonText.strip(collapsed).split(" ", -1)) if (!word.isEmpty()) words.add(word);
    return words;
  }

  /** {@code re.sub(r"\s\s+", " ", text)}: a single tab or newline is left as it is. */
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

  /** Levenshtein distance with unit costs ({@link EditDistance}, bit-parallel). */
  static int editDistance(int[] a, int[] b) {
    return EditDistance.of(a, b);
  }
}
