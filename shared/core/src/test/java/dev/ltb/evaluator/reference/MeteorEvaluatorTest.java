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

class MeteorEvaluatorTest {

  private static Map<String, Double> named(double precision, double recall, double penalty) {
    return Map.of("meteor.precision", precision, "meteor.recall", recall, "meteor.penalty", penalty);
  }

  // nltk/nltk nltk/test/meteor.doctest: "on the mat sat the cat" scores 0.5 (P = R = 1, 3 chunks of 6:
  // penalty 0.5·(1/2)^3). The other rows were computed with nltk 3.10.3 meteor_score on sacreBLEU 13a tokens
  // with a WordNet that has no synonyms, and by hand: "The cat sat on the mat ." has 7 tokens, 6 match in
  // one chunk (P = 6/7, R = 1, penalty 0.5/216); "The cats were running ." matches the, cat(s), running
  // (3 matches in 2 chunks, P = 3/5, R = 3/4); the unicode row is lowercased before matching (4 of 6 tokens,
  // one chunk).
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("on the mat sat the cat", assertion("meteor", "The cat sat on the mat", null, null),
            result(true, 0.5, "METEOR 0.500 meets the threshold 0.5", named(1, 1, 0.5))),
        Arguments.of("The cat sat on the mat.", assertion("meteor", "The cat sat on the mat", null, null),
            result(true, 0.981329690346084, "METEOR 0.981 meets the threshold 0.5", named(6 / 7.0, 1, 0.5 / 216))),
        Arguments.of("The cats were running.", assertion("meteor", "[the cat was running, a dog]", 0.7, null),
            result(false, 0.6233062330623306, "METEOR 0.623 is below the threshold 0.7",
                named(0.6, 0.75, 0.5 * Math.pow(2 / 3.0, 3)))),
        Arguments.of("Ça va très bien 🙂!", assertion("meteor", "ça va TRÈS bien", null, null),
            result(true, 0.9449404761904763, "METEOR 0.945 meets the threshold 0.5", named(4 / 6.0, 1, 0.5 / 64))),
        Arguments.of("", assertion("meteor", "x", null, null),
            result(false, 0.0, "METEOR 0.000 is below the threshold 0.5", named(0, 0, 0))));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void scoresTheOutputAgainstTheReferences(String output, Assertion assertion, EvaluationResult expected) {
    assertEvaluates(new MeteorEvaluator(), assertion, output, expected);
  }
}
