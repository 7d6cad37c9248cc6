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

class WerEvaluatorTest {

  // jitsi/jiwer tests/test_measures.py ("This test" against "This is a test": 0.5; "X X Y Y" against "X": 3)
  // and tests/test_empty_ref.py (empty output: 1); the unicode and multi-reference rows by hand.
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("This is a test", assertion("wer", "This is a test", null, null),
            result(true, 1.0, "WER 0.000 is within the maximum 0.3", Map.of("wer", 0.0))),
        Arguments.of("This test", assertion("wer", "This is a test", null, null),
            result(false, 0.5, "WER 0.500 exceeds the maximum 0.3", Map.of("wer", 0.5))),
        Arguments.of("X X Y Y", assertion("wer", "X", 1.0, null),
            result(false, 0.0, "WER 3.000 exceeds the maximum 1", Map.of("wer", 3.0))),
        Arguments.of("", assertion("wer", "hello", null, null),
            result(false, 0.0, "WER 1.000 exceeds the maximum 0.3", Map.of("wer", 1.0))),
        Arguments.of("naive café 🙂", assertion("wer", "[naïve café 🙂, bonjour]", 0.5, null),
            result(true, 2 / 3.0, "WER 0.333 is within the maximum 0.5", Map.of("wer", 1 / 3.0))));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void passesWhenTheErrorRateIsAtMostTheThreshold(String output, Assertion assertion, EvaluationResult expected) {
    assertEvaluates(new WerEvaluator(), assertion, output, expected);
  }
}
