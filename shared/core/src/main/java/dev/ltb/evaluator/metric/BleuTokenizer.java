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
      text = PERIOD_COMMA_AFTER_NON_DIGIT.matcher(text).replaceAll("$1 $2 ");
      text = PERIOD_COMMA_BEFORE_NON_DIGIT.matcher(text).replaceAll(" $1 $2");
      text = DASH_AFTER_DIGIT.matcher(text).replaceAll("$1 $2 ");
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

  private static final Pattern PERIOD_COMMA_AFTER_NON_DIGIT = Pattern.compile("([^0-9])([.,])");
  private static final Pattern PERIOD_COMMA_BEFORE_NON_DIGIT = Pattern.compile("([.,])([^0-9])");
  private static final Pattern DASH_AFTER_DIGIT = Pattern.compile("([0-9])(-)");
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
    for (BleuTokenizer tokenizer : values()) if (tokenizer.id.equals(id.toLowerCase(Locale.ROOT))) return tokenizer;
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

  private static boolean isThirteenASymbol(char c) {
    return (c >= '{' && c <= '~')
        || (c >= '[' && c <= '`')
        || (c >= ' ' && c <= '&')
        || (c >= '(' && c <= '+')
        || (c >= ':' && c <= '@')
        || c == '/';
  }
}
