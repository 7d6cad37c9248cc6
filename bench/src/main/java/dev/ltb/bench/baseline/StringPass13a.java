package dev.ltb.bench.baseline;

import dev.ltb.evaluator.metric.PythonText;
import java.util.List;

/**
 * The previous 13a tokenizer of {@code BleuTokenizer} (before 2026-11-29 03:45 UTC), kept for
 * {@code MetricBaselineBenchmark} only: seven {@code String.replace} calls, then one string pass per
 * sacreBLEU rule and {@code PythonText.split}.
 */
public final class StringPass13a {

  private StringPass13a() {}

  public static List<String> tokenize(String text, boolean lowercase) {
    String line = PythonText.rstrip(lowercase ? PythonText.lower(text) : text);
    String t =
        line.replace("<skipped>", "")
            .replace("-\n", "")
            .replace("\n", " ")
            .replace("&quot;", "\"")
            .replace("&amp;", "&")
            .replace("&lt;", "<")
            .replace("&gt;", ">");
    t = spaceOutSymbols(" " + t + " ");
    t = splitPairs(t, PERIOD_COMMA_AFTER_NON_DIGIT);
    t = splitPairs(t, PERIOD_COMMA_BEFORE_NON_DIGIT);
    t = splitPairs(t, DASH_AFTER_DIGIT);
    return PythonText.split(t);
  }

  /** The first 13a rule: {@code ([\{-\~\[-\` -\&\(-\+\:-\@\/])} becomes {@code " \1 "}. */
  private static String spaceOutSymbols(String text) {
    StringBuilder out = new StringBuilder(text.length() + 32);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isThirteenASymbol(c)) out.append(' ').append(c).append(' ');
      else out.append(c);
    }
    return out.toString();
  }

  private static final int PERIOD_COMMA_AFTER_NON_DIGIT = 0; // ([^0-9])([\.,]) -> "\1 \2 "
  private static final int PERIOD_COMMA_BEFORE_NON_DIGIT = 1; // ([\.,])([^0-9]) -> " \1 \2"
  private static final int DASH_AFTER_DIGIT = 2; // ([0-9])(-) -> "\1 \2 "

  /**
   * One of the two-character substitutions, with {@code re.sub} semantics (matches found left to right,
   * never overlapping). Working on UTF-16 units gives the same text as on code points: the only class
   * that can match a surrogate is [^0-9], and a space is never inserted inside a pair.
   */
  private static String splitPairs(String text, int rule) {
    StringBuilder out = null;
    int copied = 0;
    int i = 0;
    int last = text.length() - 1;
    while (i < last) {
      char x = text.charAt(i);
      char y = text.charAt(i + 1);
      boolean match =
          switch (rule) {
            case PERIOD_COMMA_AFTER_NON_DIGIT -> !isAsciiDigit(x) && (y == '.' || y == ',');
            case PERIOD_COMMA_BEFORE_NON_DIGIT -> (x == '.' || x == ',') && !isAsciiDigit(y);
            default -> isAsciiDigit(x) && y == '-';
          };
      if (!match) {
        i++;
        continue;
      }
      if (out == null) out = new StringBuilder(text.length() + 32);
      out.append(text, copied, i);
      if (rule == PERIOD_COMMA_BEFORE_NON_DIGIT) out.append(' ').append(x).append(' ').append(y);
      else out.append(x).append(' ').append(y).append(' ');
      i += 2;
      copied = i;
    }
    return out == null ? text : out.append(text, copied, text.length()).toString();
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isThirteenASymbol(char c) {
    return (c >= '{' && c <= '~')
        || (c >= '[' && c <= '`')
        || (c >= ' ' && c <= '&')
        || (c >= '(' && c <= '+')
        || (c >= ':' && c <= '@')
        || c == '/';
  }
}
