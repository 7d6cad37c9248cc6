package dev.ltb.evaluator.metric;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link SquadAnswer#normalize} against a literal transcription of {@code normalize_answer}'s four steps
 * (the implementation it replaced), on random text mixing articles, punctuation, Unicode whitespace,
 * letters, digits, symbols and surrogate pairs.
 */
class SquadNormalizeRandomTest {

  private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
  private static final String[] PIECES = {
    "a", "an", "the", "The", "A", "AN", "x", "ab", "then", "theme", "é", "ß", "İ", "_", "1", "²", "Ⅻ", " ", "  ",
    "\t", "\n", "\u00a0", "\u2003", ".", ",", "'", "-", "—", "«", "€", "🙂", "\uD83D", "中", "Σ"
  };

  @Test
  void matchesTheStepByStepNormalization() {
    SplittableRandom random = new SplittableRandom(29);
    for (int round = 0; round < 20000; round++) {
      StringBuilder text = new StringBuilder();
      int pieces = random.nextInt(round % 50 == 0 ? 300 : 12);
      for (int i = 0; i < pieces; i++) text.append(PIECES[random.nextInt(PIECES.length)]);
      String input = text.toString();
      assertThat(SquadAnswer.normalize(input)).as("input \"%s\"", input).isEqualTo(stepByStep(input));
    }
  }

  private static String stepByStep(String answer) {
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
}
