package dev.ltb.evaluator.reference;

import static dev.ltb.evaluator.reference.MetricAssertions.assertEvaluates;
import static dev.ltb.evaluator.reference.MetricAssertions.assertion;
import static dev.ltb.evaluator.reference.MetricAssertions.result;

import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.suite.Assertion;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GleuEvaluatorTest {

  private static final String HYP1 =
      "It is a guide to action which ensures that the military always obeys the commands of the party";
  private static final String REF1 =
      "It is a guide to action that ensures that the military will forever heed Party commands";

  // nltk/nltk nltk/translate/gleu_score.py docstring: 0.0909... ("the the ...") and 0.4393... (these texts
  // have no punctuation, so 13a tokens equal NLTK's split tokens). The other rows were computed with nltk
  // 3.10.3 sentence_gleu on sacreBLEU 13a tokens, and by hand: "... mat ." (7 tokens, 22 n-grams) against
  // "... mat" (6 tokens, 18 n-grams) shares 18, so 18/22 = 9/11; with tokenize none "mat." is one token
  // and 14 of max(18, 18) n-grams match, 7/9; "Ça va très bien 🙂 !" (6 tokens, 18 n-grams) shares "va"
  // and "bien" with "ça va TRÈS bien" (case-sensitive), 2/18 = 1/9; an empty output scores 0.
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("the the the the the the the", assertion("gleu", "the cat is on the mat", null, null),
            result(false, 1 / 11.0, "GLEU 0.091 is below the threshold 0.5", Map.of())),
        Arguments.of(HYP1, assertion("gleu", REF1, 0.4, null),
            result(true, 0.4393939393939394, "GLEU 0.439 meets the threshold 0.4", Map.of())),
        Arguments.of("The cat sat on the mat.", assertion("gleu", "The cat sat on the mat", null, null),
            result(true, 9 / 11.0, "GLEU 0.818 meets the threshold 0.5", Map.of())),
        Arguments.of("The cat sat on the mat.", assertion("gleu", "The cat sat on the mat", null, "{tokenize: none}"),
            result(true, 7 / 9.0, "GLEU 0.778 meets the threshold 0.5", Map.of())),
        Arguments.of("Ça va très bien 🙂!", assertion("gleu", "ça va TRÈS bien", null, null),
            result(false, 1 / 9.0, "GLEU 0.111 is below the threshold 0.5", Map.of())),
        Arguments.of("", assertion("gleu", "x", null, null),
            result(false, 0.0, "GLEU 0.000 is below the threshold 0.5", Map.of())));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void scoresTheOutputAgainstTheReferences(String output, Assertion assertion, EvaluationResult expected) {
    assertEvaluates(new GleuEvaluator(), assertion, output, expected);
  }
}
