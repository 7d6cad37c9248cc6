package dev.ltb.evaluator.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GleuTest {

  private static final double TOLERANCE = 1e-4;

  private static List<String> tokens(String text) {
    return text.isEmpty() ? List.of() : Arrays.asList(text.split(" "));
  }

  private static final String REF1 =
      "It is a guide to action that ensures that the military will forever heed Party commands";
  private static final String HYP1 =
      "It is a guide to action which ensures that the military always obeys the commands of the party";
  private static final String HYP2 =
      "It is to insure the troops forever hearing the activity guidebook that party direct";
  private static final String REF1B =
      "It is the guiding principle which guarantees the military forces always being under the command of the Party";
  private static final String REF1C =
      "It is the practical guide for the army always to heed the directions of the party";

  // nltk/nltk nltk/translate/gleu_score.py, sentence_gleu docstring (0.0909..., 0.4393..., 0.1206...); the
  // empty, unicode and two-reference rows have no published value and were computed with nltk 3.10.3
  // sentence_gleu; by hand for the unicode row: all 14 n-grams of the 5-token hypothesis occur in the
  // 6-token reference, which has 18, so 14 / max(14, 18) = 0.7778.
  static Stream<Arguments> sentenceCases() {
    return Stream.of(
        Arguments.of("the the the the the the the", List.of("the cat is on the mat"), 0.0909),
        Arguments.of(HYP1, List.of(REF1), 0.4393),
        Arguments.of(HYP2, List.of(REF1), 0.1206),
        Arguments.of(HYP1, List.of(REF1, REF1B), 0.4393939393939394),
        Arguments.of("", List.of(""), 0.0),
        Arguments.of("", List.of("a"), 0.0),
        Arguments.of("ça va 🙂 très bien", List.of("Ünïcödé ça va 🙂 très bien"), 0.7777777777777778));
  }

  @ParameterizedTest
  @MethodSource("sentenceCases")
  void sentenceGleuMatchesNltk(String hypothesis, List<String> references, double nltkScore) {
    List<List<String>> refs = references.stream().map(GleuTest::tokens).toList();
    assertThat(new Gleu().sentenceScore(tokens(hypothesis), refs).score()).isCloseTo(nltkScore, within(TOLERANCE));
  }

  // nltk/nltk nltk/translate/gleu_score.py, corpus_gleu docstring: 0.5673..., and the mean of the two
  // sentence scores 0.6144... which differs from it.
  @Test
  void corpusGleuSumsCountsBeforeDividing() {
    String hyp2 = "he read the book because he was interested in world history";
    String ref2a = "he was interested in world history because he read the book";
    GleuScore corpus =
        new Gleu()
            .corpusScore(
                List.of(tokens(HYP1), tokens(hyp2)),
                List.of(List.of(tokens(REF1), tokens(REF1B), tokens(REF1C)), List.of(tokens(ref2a))));
    assertThat(corpus.score()).isCloseTo(0.5673, within(TOLERANCE));

    double mean =
        (new Gleu().sentenceScore(tokens(HYP1), List.of(tokens(REF1))).score()
                + new Gleu().sentenceScore(tokens(hyp2), List.of(tokens(ref2a))).score())
            / 2;
    assertThat(mean).isCloseTo(0.6144, within(TOLERANCE));
  }
}
