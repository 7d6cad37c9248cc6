package dev.ltb.evaluator.metric;

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
      String text =
          line.replace("<skipped>", "")
              .replace("-\n", "")
              .replace("\n", " ")
              .replace("&quot;", "\"")
              .replace("&amp;", "&")
              .replace("&lt;", "<")
              .replace("&gt;", ">");
      text = spaceOutSymbols(" " + text + " ");
      // The three regular expressions of sacreBLEU's TokenizerRegexp, as single left-to-right passes.
      text = splitPairs(text, PERIOD_COMMA_AFTER_NON_DIGIT);
      text = splitPairs(text, PERIOD_COMMA_BEFORE_NON_DIGIT);
      text = splitPairs(text, DASH_AFTER_DIGIT);
      return PythonText.split(text);
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
