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

class CerEvaluatorTest {

  // jitsi/jiwer tests/test_cer.py ("This test" against "This is a test": 5/14; "X Y X" vs "X Z": 3/5) and
  // tests/test_empty_ref.py (empty reference and output: 0); the unicode row by hand (2 of 12 code points).
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("This test", assertion("cer", "This is a test", null, null),
            result(false, 9 / 14.0, "CER 0.357 exceeds the maximum 0.3", Map.of("cer", 5 / 14.0))),
        Arguments.of("X Z", assertion("cer", "X Y X", 0.6, null),
            result(true, 0.4, "CER 0.600 is within the maximum 0.6", Map.of("cer", 0.6))),
        Arguments.of("", assertion("cer", "''", null, null),
            result(true, 1.0, "CER 0.000 is within the maximum 0.3", Map.of("cer", 0.0))),
        Arguments.of("naive cafe 🙂", assertion("cer", "naïve café 🙂", null, null),
            result(true, 5 / 6.0, "CER 0.167 is within the maximum 0.3", Map.of("cer", 1 / 6.0))));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void passesWhenTheErrorRateIsAtMostTheThreshold(String output, Assertion assertion, EvaluationResult expected) {
    assertEvaluates(new CerEvaluator(), assertion, output, expected);
  }
}
