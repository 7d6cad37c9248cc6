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

class RougeLEvaluatorTest {

  private static Map<String, Double> named(String prefix, double precision, double recall) {
    return Map.of(prefix + ".precision", precision, prefix + ".recall", recall);
  }

  // google-research/google-research rouge/rouge_scorer_test.py: testRougeLNonConsecutive (P 1, R 2/3,
  // F 4/5), testRougeLsum ("w1 w2 w3 w4 w5" against two candidate lines: R 0.8, P 0.4) and its empty
  // case; the unicode row by hand: "Café au lait" tokenizes to [caf, au, lait] and "café crème" to
  // [caf, cr, me], so the LCS is 1 (P = R = 1/3).
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("testing two", assertion("rouge-l", "testing one two", null, null),
            result(true, 0.8, "ROUGE-L 0.800 meets the threshold 0.75", named("rouge-l", 1, 2 / 3.0))),
        Arguments.of("w1 w2 w6 w7 w8\nw1 w3 w8 w9 w5", assertion("rouge-l", "w1 w2 w3 w4 w5", 0.5, "{summary: true}"),
            result(true, 0.4 * 0.8 * 2 / 1.2, "ROUGE-Lsum 0.533 meets the threshold 0.5", named("rouge-lsum", 0.4, 0.8))),
        Arguments.of("", assertion("rouge-l", "w1 w2 w3 w4 w5", null, "{summary: true}"),
            result(false, 0.0, "ROUGE-Lsum 0.000 is below the threshold 0.75", named("rouge-lsum", 0, 0))),
        Arguments.of("Café au lait", assertion("rouge-l", "[café crème]", null, null),
            result(false, 1 / 3.0, "ROUGE-L 0.333 is below the threshold 0.75", named("rouge-l", 1 / 3.0, 1 / 3.0))));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void scoresTheOutputAgainstTheReferences(String output, Assertion assertion, EvaluationResult expected) {
    assertEvaluates(new RougeLEvaluator(), assertion, output, expected);
  }
}
