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

class F1EvaluatorTest {

  private static Map<String, Double> named(double precision, double recall) {
    return Map.of("f1.precision", precision, "f1.recall", recall);
  }

  // By hand with the SQuAD v1.1 script's normalize_answer and f1_score (confirmed by running them): see
  // SquadAnswerTest. A number value (1976) is a reference answer too.
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("The Denver Broncos!", assertion("f1", "Denver Broncos", null, null),
            result(true, 1.0, "F1 1.000 meets the threshold 0.5", named(1, 1))),
        Arguments.of("the Broncos of Denver", assertion("f1", "Denver Broncos", 0.9, null),
            result(false, 0.8, "F1 0.800 is below the threshold 0.9", named(2 / 3.0, 1))),
        Arguments.of("in 1976, I think", assertion("f1", "[1976, the year 1976]", 0.4, null),
            result(true, 0.4, "F1 0.400 meets the threshold 0.4", named(0.25, 1))),
        Arguments.of("Ça, c'est l'été — the café", assertion("f1", "ça cest lété café", null, null),
            result(true, 8 / 9.0, "F1 0.889 meets the threshold 0.5", named(0.8, 1))),
        Arguments.of("", assertion("f1", "1976", null, null),
            result(false, 0.0, "F1 0.000 is below the threshold 0.5", named(0, 0))));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void scoresTheOutputAgainstTheBestAnswer(String output, Assertion assertion, EvaluationResult expected) {
    assertEvaluates(new F1Evaluator(), assertion, output, expected);
  }
}
