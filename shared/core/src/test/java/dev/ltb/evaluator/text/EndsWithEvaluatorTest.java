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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EndsWithEvaluatorTest {

  private final EndsWithEvaluator evaluator = new EndsWithEvaluator();

  static Stream<Arguments> results() {
    return Stream.of(
        Arguments.of("The answer is Paris.", "Paris.", pass("output ends with \"Paris.\"")),
        Arguments.of(
            "The answer is Paris.\n", "Paris.", fail("output does not end with \"Paris.\"")),
        Arguments.of("The answer is paris.", "Paris.", fail("output does not end with \"Paris.\"")),
        Arguments.of("Total: 42", "42", pass("output ends with \"42\"")),
        Arguments.of("", "done", fail("output does not end with \"done\"")));
  }

  @ParameterizedTest
  @MethodSource("results")
  void checksTheEndOfTheOutput(String output, String value, EvaluationResult expected) {
    assertThat(
            evaluator.evaluate(assertion("ends-with", value), EvaluationContext.ofOutput(output)))
        .isEqualTo(expected);
  }

  static Stream<Arguments> invalidValues() {
    return Stream.of(
        Arguments.of(
            "''", "ends-with needs a non-empty string or number as value, got an empty string"),
        Arguments.of(
            "[a, b]", "ends-with needs a non-empty string or number as value, got a list"));
  }

  @ParameterizedTest
  @MethodSource("invalidValues")
  void rejectsValuesThatAreNotText(String value, String message) {
    assertThatThrownBy(
            () ->
                evaluator.evaluate(assertion("ends-with", value), EvaluationContext.ofOutput("x")))
        .isInstanceOf(EvaluationException.class)
        .hasMessage(message);
  }
}
