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

class StartsWithEvaluatorTest {

  private final StartsWithEvaluator evaluator = new StartsWithEvaluator();

  static Stream<Arguments> results() {
    return Stream.of(
        Arguments.of("Hello, world", "Hello", pass("output starts with \"Hello\"")),
        Arguments.of(" Hello, world", "Hello", fail("output does not start with \"Hello\"")),
        Arguments.of("hello, world", "Hello", fail("output does not start with \"Hello\"")),
        Arguments.of("2024 was a year", "2024", pass("output starts with \"2024\"")));
  }

  @ParameterizedTest
  @MethodSource("results")
  void checksTheBeginningOfTheOutput(String output, String value, EvaluationResult expected) {
    assertThat(
            evaluator.evaluate(assertion("starts-with", value), EvaluationContext.ofOutput(output)))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @MethodSource("invalidValues")
  void rejectsValuesThatAreNotText(String value, String message) {
    assertThatThrownBy(
            () ->
                evaluator.evaluate(
                    assertion("starts-with", value), EvaluationContext.ofOutput("x")))
        .isInstanceOf(EvaluationException.class)
        .hasMessage(message);
  }

  static Stream<Arguments> invalidValues() {
    return Stream.of(
        Arguments.of(
            "''", "starts-with needs a non-empty string or number as value, got an empty string"),
        Arguments.of(
            "{a: 1}", "starts-with needs a non-empty string or number as value, got an object"));
  }
}
