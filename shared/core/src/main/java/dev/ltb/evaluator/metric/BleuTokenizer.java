package dev.ltb.evaluator.metric;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * sacreBLEU's tokenizers (sacrebleu/tokenizers/), producing the tokens BLEU counts n-grams over.
 * {@link #THIRTEEN_A} is sacreBLEU's default: the tokenization of the WMT scoring script mteval-v13a.
 */
public enum BleuTokenizer {
  /** {@code 13a}: punctuation split off, except periods and commas inside numbers. */
  THIRTEEN_A("13a") {
    @Override
    List<String> tokens(String line) {
      return thirteenA(line);
    }
  },
  /** {@code intl}: mteval-v14's international tokenization on Unicode punctuation and symbols. */
  INTL("intl") {
    @Override
    List<String> tokens(String line) {
      String text = PUNCTUATION_AFTER_NON_NUMBER.matcher(line).replaceAll("$1 $2 ");
      text = PUNCTUATION_BEFORE_NON_NUMBER.matcher(text).replaceAll(" $1 $2");
      text = SYMBOL.matcher(text).replaceAll(" $1 ");
      return PythonText.split(text);
    }
  },
  /** {@code char}: every non-whitespace character is a token (for languages without spaces). */
  CHAR("char") {
    @Override
    List<String> tokens(String line) {
      return PythonText.split(String.join(" ", line.codePoints().mapToObj(Character::toString).toList()));
    }
  },
  /** {@code none}: the text is already tokenized; split on whitespace only. */
  NONE("none") {
    @Override
    List<String> tokens(String line) {
      return PythonText.split(line);
    }
  };

  private static final Pattern PUNCTUATION_AFTER_NON_NUMBER = Pattern.compile("(\\P{N})(\\p{P})");
  private static final Pattern PUNCTUATION_BEFORE_NON_NUMBER = Pattern.compile("(\\p{P})(\\P{N})");
  private static final Pattern SYMBOL = Pattern.compile("(\\p{S})");

  private final String id;

  BleuTokenizer(String id) {
    this.id = id;
  }

  /** The name sacreBLEU uses ({@code 13a}, {@code intl}, {@code char}, {@code none}). */
  public String id() {
    return id;
  }

  /** Tokenizes one segment (sacreBLEU right-strips it first; so does {@link Bleu}). */
  abstract List<String> tokens(String line);

  /** Tokenizes like sacreBLEU's BLEU preprocessing: optional lowercasing, right strip, tokenizer. */
  public List<String> tokenize(String text, boolean lowercase) {
    return tokens(PythonText.rstrip(lowercase ? PythonText.lower(text) : text));
  }

  /** The tokenizer with this sacreBLEU name. */
  public static BleuTokenizer byId(String id) {
    for (BleuTokenizer tokenizer : values())
      if (tokenizer.id.equals(id.toLowerCase(Locale.ROOT))) return tokenizer;
    throw new IllegalArgumentException(
        "unknown tokenizer \"" + id + "\"; use one of 13a, intl, char, none");
  }

  /**
   * sacreBLEU's Tokenizer13a without intermediate strings: the entity and line-break replacements (skipped
   * unless the line holds one of {@code < & \n}), then the four rules of its TokenizerRegexp on char
   * arrays, the first while padding, each of the three pair rules as one left-to-right pass with
   * {@code re.sub} semantics, and the whitespace split straight from the last array.
   */
  static List<String> thirteenA(String line) {
    String text = line;
    if (needsReplacements(text))
      text =
          text.replace("<skipped>", "")
              .replace("-\n", "")
              .replace("\n", " ")
              .replace("&quot;", "\"")
              .replace("&amp;", "&")
              .replace("&lt;", "<")
              .replace("&gt;", ">");
    int n = text.length();
    // Rule 1, ([\{-\~\[-\` -\&\(-\+\:-\@\/]) -> " \1 ", on " " + text + " ".
    char[] a = new char[3 * n + 2];
    int length = 0;
    a[length++] = ' ';
    boolean pairs = false;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (isThirteenASymbol(c)) {
        a[length++] = ' ';
        a[length++] = c;
        a[length++] = ' ';
      } else {
        a[length++] = c;
        pairs |= c == '.' || c == ',' || c == '-';
      }
    }
    a[length++] = ' ';
    if (pairs) {
      char[] b = new char[2 * length];
      length = splitPairs(a, length, b, PERIOD_COMMA_AFTER_NON_DIGIT);
      char[] c = a.length >= 2 * length ? a : new char[2 * length];
      length = splitPairs(b, length, c, PERIOD_COMMA_BEFORE_NON_DIGIT);
      b = b.length >= 2 * length ? b : new char[2 * length];
      length = splitPairs(c, length, b, DASH_AFTER_DIGIT);
      a = b;
    }
    return split(a, length);
  }

  private static boolean needsReplacements(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '<' || c == '&' || c == '\n') return true;
    }
    return false;
  }

  /** Python's {@code str.split()} on the first {@code length} chars (no whitespace lies outside the BMP). */
  private static List<String> split(char[] text, int length) {
    List<String> parts = new ArrayList<>(length / 4 + 4);
    int start = -1;
    for (int i = 0; i < length; i++) {
      char c = text[i];
      boolean space = c < 128 ? c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f) : PythonText.isSpace(c);
      if (space) {
        if (start >= 0) parts.add(new String(text, start, i - start));
        start = -1;
      } else if (start < 0) {
        start = i;
      }
    }
    if (start >= 0) parts.add(new String(text, start, length - start));
    return parts;
  }

  private static final int PERIOD_COMMA_AFTER_NON_DIGIT = 0; // ([^0-9])([\.,]) -> "\1 \2 "
  private static final int PERIOD_COMMA_BEFORE_NON_DIGIT = 1; // ([\.,])([^0-9]) -> " \1 \2"
  private static final int DASH_AFTER_DIGIT = 2; // ([0-9])(-) -> "\1 \2 "

  /**
   * One of the two-character substitutions, with {@code re.sub} semantics (matches found left to right,
   * never overlapping), from {@code in[0..length)} into {@code out} (at least twice as long); returns the
   * new length. Working on UTF-16 units gives the same text as on code points: the only class that can
   * match a surrogate is [^0-9], and a space is never inserted inside a pair.
   */
  private static int splitPairs(char[] in, int length, char[] out, int rule) {
    int o = 0;
    int i = 0;
    int last = length - 1;
    while (i < last) {
      char x = in[i];
      char y = in[i + 1];
      boolean match =
          switch (rule) {
            case PERIOD_COMMA_AFTER_NON_DIGIT -> (y == '.' || y == ',') && !isAsciiDigit(x);
            case PERIOD_COMMA_BEFORE_NON_DIGIT -> (x == '.' || x == ',') && !isAsciiDigit(y);
            default -> y == '-' && isAsciiDigit(x);
          };
      if (!match) {
        out[o++] = x;
        i++;
        continue;
      }
      if (rule == PERIOD_COMMA_BEFORE_NON_DIGIT) {
        out[o++] = ' ';
        out[o++] = x;
        out[o++] = ' ';
        out[o++] = y;
      } else {
        out[o++] = x;
        out[o++] = ' ';
        out[o++] = y;
        out[o++] = ' ';
      }
      i += 2;
    }
    if (i < length) out[o++] = in[i];
    return o;
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
