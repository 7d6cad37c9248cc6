package dev.ltb.evaluator.reference;

import static dev.ltb.evaluator.reference.MetricAssertions.assertEvaluates;
import static dev.ltb.evaluator.reference.MetricAssertions.assertion;
import static dev.ltb.evaluator.reference.MetricAssertions.result;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationException;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.suite.Assertion;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RougeNEvaluatorTest {

  // google-research/google-research rouge/rouge_scorer_test.py: testRouge1 (target "testing one two",
  // prediction "testing": P 1, R 1/3, F 1/2), testRouge2 (prediction "testing one": P 1, R 1/2, F 2/3) and
  // testRougeEmpty; the stemming, multi-reference and unicode rows by hand from rouge_score's tokenizer
  // (Porter stems "running" and "runs" to "run"; "東京" yields no token).
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("testing", assertion("rouge-n", "testing one two", null, null),
            result(false, 0.5, "ROUGE-1 0.500 is below the threshold 0.75",
                Map.of("rouge-1.precision", 1.0, "rouge-1.recall", 1 / 3.0))),
        Arguments.of("testing one", assertion("rouge-n", "testing one two", 0.6, "{n: 2}"),
            result(true, 2 / 3.0, "ROUGE-2 0.667 meets the threshold 0.6",
                Map.of("rouge-2.precision", 1.0, "rouge-2.recall", 0.5))),
        Arguments.of("", assertion("rouge-n", "testing one two", null, null),
            result(false, 0.0, "ROUGE-1 0.000 is below the threshold 0.75",
                Map.of("rouge-1.precision", 0.0, "rouge-1.recall", 0.0))),
        Arguments.of("The dog runs", assertion("rouge-n", "[a cat sleeps, the dog running]", null, "{stemming: true}"),
            result(true, 1.0, "ROUGE-1 1.000 meets the threshold 0.75",
                Map.of("rouge-1.precision", 1.0, "rouge-1.recall", 1.0))),
        Arguments.of("東京 is big", assertion("rouge-n", "Tokyo 東京 is big", null, null),
            result(true, 0.8, "ROUGE-1 0.800 meets the threshold 0.75",
                Map.of("rouge-1.precision", 1.0, "rouge-1.recall", 2 / 3.0))));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void scoresTheOutputAgainstTheReferences(String output, Assertion assertion, EvaluationResult expected) {
    assertEvaluates(new RougeNEvaluator(), assertion, output, expected);
  }

  @Test
  void nMustBeAWholeNumber() {
    assertThatThrownBy(
            () -> new RougeNEvaluator().evaluate(assertion("rouge-n", "x", null, "{n: two}"), EvaluationContext.ofOutput("x")))
        .isInstanceOf(EvaluationException.class)
        .hasMessage("rouge-n config n must be a whole number from 1 to 9, was \"two\"");
  }
}
