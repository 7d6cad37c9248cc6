package dev.ltb.evaluator.metric;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The single-pass 13a tokenizer against a literal transcription of sacreBLEU 2.x's Tokenizer13a with its
 * TokenizerRegexp (sacrebleu/tokenizers/tokenizer_13a.py, tokenizer_re.py) through java.util.regex, whose
 * {@code replaceAll} has {@code re.sub}'s left-to-right, non-overlapping semantics.
 */
class BleuTokenizer13aRandomTest {

  private static final Pattern SYMBOLS = Pattern.compile("([\\{-\\~\\[-\\` -\\&\\(-\\+\\:-\\@\\/])");
  private static final Pattern PERIOD_COMMA_UNLESS_PRECEDED_BY_DIGIT = Pattern.compile("([^0-9])([\\.,])");
  private static final Pattern PERIOD_COMMA_UNLESS_FOLLOWED_BY_DIGIT = Pattern.compile("([\\.,])([^0-9])");
  private static final Pattern DASH_PRECEDED_BY_DIGIT = Pattern.compile("([0-9])(-)");

  /** Tokenizer13a.__call__ then TokenizerRegexp.__call__, then BLEU's {@code split()}. */
  static List<String> regexThirteenA(String line) {
    line = line.replace("<skipped>", "").replace("-\n", "").replace("\n", " ");
    if (line.contains("&"))
      line = line.replace("&quot;", "\"").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
    line = " " + line + " ";
    line = SYMBOLS.matcher(line).replaceAll(" $1 ");
    line = PERIOD_COMMA_UNLESS_PRECEDED_BY_DIGIT.matcher(line).replaceAll("$1 $2 ");
    line = PERIOD_COMMA_UNLESS_FOLLOWED_BY_DIGIT.matcher(line).replaceAll(" $1 $2");
    line = DASH_PRECEDED_BY_DIGIT.matcher(line).replaceAll("$1 $2 ");
    return PythonText.split(line);
  }

  private static final String[] PIECES = {
    "a", "b", "Z", "word", "é", "ß", "中", "文", "0", "1", "9", "42", "3.14", "1,000", ".", ",", "-", "--", "..",
    ".,", " ", " ", "  ", "\t", "\n", "-\n", "\r", "\u00a0", "\u2003", "\u3000", "\u0085", "\u001c", "&", "&quot;",
    "&amp;", "&lt;", "&gt;", "&amp;quot;", "<", ">", "<skipped>", "<skip", "ped>", "\"", "'", "!", "?", "(", ")",
    "[", "]", "{", "}", "~", "`", "^", "_", "|", "\\", "/", ":", ";", "=", "@", "#", "$", "%", "*", "+", "😀",
    "\ud800", "\udc00", "１", "٣", "·", "…", "–", "—", "“", "”", "¿", "€"
  };

  @Test
  void matchesTheRegexTranscriptionOnRandomStrings() {
    Random random = new Random(1329);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      int pieces = random.nextInt(n < 10_000 ? 12 : 80);
      for (int i = 0; i < pieces; i++)
        text.append(
            random.nextInt(8) == 0
                ? Character.toString(random.nextInt(0x20, 0x3000))
                : PIECES[random.nextInt(PIECES.length)]);
      String line = PythonText.rstrip(text.toString());
      assertThat(BleuTokenizer.thirteenA(line)).as("tokens of %s", line).isEqualTo(regexThirteenA(line));
    }
  }

  @Test
  void matchesTheRegexTranscriptionOnPunctuationRuns() {
    String alphabet = "a0.,- ";
    Random random = new Random(7);
    for (int n = 0; n < 20_000; n++) {
      char[] chars = new char[random.nextInt(16)];
      for (int i = 0; i < chars.length; i++) chars[i] = alphabet.charAt(random.nextInt(alphabet.length()));
      String line = new String(chars);
      assertThat(BleuTokenizer.thirteenA(line)).as("tokens of '%s'", line).isEqualTo(regexThirteenA(line));
    }
  }
}
