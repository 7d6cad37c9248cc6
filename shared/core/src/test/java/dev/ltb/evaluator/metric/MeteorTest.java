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

/**
 * NLTK's published METEOR values; none of them involves a WordNet synonym match, so they hold without
 * WordNet (each was also re-run with nltk 3.10.3 and a WordNet that knows no synonyms: same values).
 */
class MeteorTest {

  private static final double TOLERANCE = 1e-4;

  private static List<String> tokens(String text) {
    return text.isEmpty() ? List.of() : Arrays.asList(text.split(" "));
  }

  private static final String REF1 =
      "It is a guide to action that ensures that the military will forever heed Party commands";
  private static final String REF2 =
      "It is the guiding principle which guarantees the military forces always being under the command of the Party";
  private static final String REF3 =
      "It is the practical guide for the army always to heed the directions of the party";
  private static final String HYP1 =
      "It is a guide to action which ensures that the military always obeys the commands of the party";

  static Stream<Arguments> nltkCases() {
    return Stream.of(
        // nltk/nltk nltk/test/unit/translate/test_meteor.py, TestMETEOR.test_meteor (second reference is
        // ["this", "istest"]: the missing comma in the test concatenates the strings).
        Arguments.of("THIS Is a tEST", List.of("this is a test", "this istest"), 0.9921875),
        // nltk/nltk nltk/translate/meteor_score.py, single_meteor_score and meteor_score docstrings.
        Arguments.of(HYP1, List.of(REF1), 0.6944),
        Arguments.of(HYP1, List.of(REF1, REF2, REF3), 0.6944),
        Arguments.of("non matching hypothesis", List.of("this is a cat"), 0.0),
        // nltk/nltk nltk/test/meteor.doctest (Wikipedia examples and issue #2751); "same" is checked there
        // only to 1e-2 of 0.9977, the exact value is 1 - 0.5·(1/6)^3 = 0.99768...
        Arguments.of("John loves Mary", List.of("The candidate has no alignment to any of the references"), 0.0),
        Arguments.of("The cat sat on the mat", List.of("The cat sat on the mat"), 0.9976851851851852),
        Arguments.of("on the mat sat the cat", List.of("The cat sat on the mat"), 0.5),
        Arguments.of("The cat was sat on the mat", List.of("The cat sat on the mat"), 0.9654),
        Arguments.of("creates or updates a virtual machine scale set", List.of("create or update a vm set"), 0.7806));
  }

  @ParameterizedTest
  @MethodSource("nltkCases")
  void meteorMatchesNltk(String hypothesis, List<String> references, double nltkScore) {
    List<List<String>> refs = references.stream().map(MeteorTest::tokens).toList();
    assertThat(new Meteor().score(tokens(hypothesis), refs).score()).isCloseTo(nltkScore, within(TOLERANCE));
  }

  // No published values: computed with nltk 3.10.3 meteor_score (WordNet without synonyms). The first row
  // aligns lowercased Unicode words (4 matches, 1 chunk, P=1, R=0.8); in the second, "the" matches exactly,
  // cat/cats and runs/running by stem, was/were not (3 matches in 2 chunks: 0.75·(1 - 0.5·(2/3)^3));
  // empty sides score 0.
  static Stream<Arguments> computedCases() {
    return Stream.of(
        Arguments.of("ça va TRÈS bien", "Ça va très bien 🙂", 0.8099489795918368),
        Arguments.of("the cat was runs", "the cats were running", 0.6388888888888888),
        Arguments.of("a", "", 0.0),
        Arguments.of("", "a", 0.0));
  }

  @ParameterizedTest
  @MethodSource("computedCases")
  void meteorMatchesNltkOnUnicodeStemsAndEmptyText(String hypothesis, String reference, double nltkScore) {
    assertThat(new Meteor().score(tokens(hypothesis), List.of(tokens(reference))).score())
        .isCloseTo(nltkScore, within(TOLERANCE));
  }

  // No published value: nltk 3.10.3 meteor_score(alpha=0.5, beta=2, gamma=0.2) gives 0.9875 (one chunk of
  // four matches: penalty 0.2·(1/4)^2).
  @Test
  void parametersChangeTheScoreAsInNltk() {
    MeteorScore score = new Meteor(0.5, 2, 0.2).score(tokens("It is a guide"), List.of(tokens("It is a guide")));
    assertThat(score.score()).isCloseTo(0.9875, within(1e-12));
    assertThat(score.penalty()).isCloseTo(0.0125, within(1e-12));
  }
}
