package dev.ltb.evaluator.metric;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The few Python string operations the reference implementations rely on, with Python's exact
 * semantics: {@code str.split()} and {@code str.strip()} treat every Unicode whitespace character as
 * whitespace (including no-break spaces, which {@link Character#isWhitespace} does not), and strings
 * are sequences of code points, not UTF-16 units.
 */
public final class PythonText {

  private PythonText() {}

  /** Python's {@code str.isspace()} for one code point. */
  public static boolean isSpace(int codePoint) {
    if (codePoint < 128)
      return codePoint == ' ' || (codePoint >= '\t' && codePoint <= '\r')
          || (codePoint >= 0x1c && codePoint <= 0x1f);
    return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint) || codePoint == 0x85;
  }

  /** Python's {@code str.split()} without arguments: runs of whitespace separate, no empty parts. */
  public static List<String> split(String text) {
    List<String> parts = new ArrayList<>();
    int start = -1;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (isSpace(cp)) {
        if (start >= 0) parts.add(text.substring(start, i));
        start = -1;
      } else if (start < 0) {
        start = i;
      }
      i += Character.charCount(cp);
    }
    if (start >= 0) parts.add(text.substring(start));
    return parts;
  }

  /** Python's {@code str.strip()}. */
  public static String strip(String text) {
    return rstrip(lstrip(text));
  }

  /** Python's {@code str.rstrip()}. */
  public static String rstrip(String text) {
    int end = text.length();
    while (end > 0) {
      int cp = text.codePointBefore(end);
      if (!isSpace(cp)) break;
      end -= Character.charCount(cp);
    }
    return text.substring(0, end);
  }

  private static String lstrip(String text) {
    int start = 0;
    while (start < text.length()) {
      int cp = text.codePointAt(start);
      if (!isSpace(cp)) break;
      start += Character.charCount(cp);
    }
    return text.substring(start);
  }

  /** Python's {@code str.lower()} (full Unicode case mapping, locale-independent). */
  public static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }

  /** The text with every whitespace code point removed ({@code "".join(text.split())}). */
  public static String removeWhitespace(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().filter(cp -> !isSpace(cp)).forEach(out::appendCodePoint);
    return out.toString();
  }

  /**
   * Python's {@code \w} for str patterns: letters, numbers (decimal, letter and other numbers) and the
   * underscore.
   */
  public static boolean isWordChar(int codePoint) {
    if (codePoint == '_' || Character.isLetter(codePoint)) return true;
    int type = Character.getType(codePoint);
    return type == Character.DECIMAL_DIGIT_NUMBER
        || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
  }
}
