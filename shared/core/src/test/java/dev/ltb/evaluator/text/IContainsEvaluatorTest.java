package dev.ltb.evaluator.text;

import static dev.ltb.evaluator.EvaluatorTestSupport.assertion;
import static dev.ltb.evaluator.EvaluatorTestSupport.fail;
import static dev.ltb.evaluator.EvaluatorTestSupport.pass;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationException;
import dev.ltb.evaluator.EvaluationResult;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IContainsEvaluatorTest {

  private final IContainsEvaluator evaluator = new IContainsEvaluator();

  static Stream<Arguments> results() {
    return Stream.of(
        Arguments.of(
            "The capital is PARIS.", "paris", pass("output contains \"paris\" (ignoring case)")),
        Arguments.of(
            "The capital is Paris.", "Paris", pass("output contains \"Paris\" (ignoring case)")),
        Arguments.of(
            "The capital is Lyon.",
            "Paris",
            fail("output does not contain \"Paris\" (ignoring case)")),
        Arguments.of("Room 101", "101", pass("output contains \"101\" (ignoring case)")));
  }

  @ParameterizedTest
  @MethodSource("results")
  void looksForTheValueIgnoringCase(String output, String value, EvaluationResult expected) {
    assertThat(
            evaluator.evaluate(assertion("icontains", value), EvaluationContext.ofOutput(output)))
        .isEqualTo(expected);
  }

  @Test
  void rejectsAnEmptyValue() {
    assertThatThrownBy(
            () -> evaluator.evaluate(assertion("icontains", "''"), EvaluationContext.ofOutput("x")))
        .isInstanceOf(EvaluationException.class)
        .hasMessage("icontains needs a non-empty string or number as value, got an empty string");
  }
}
