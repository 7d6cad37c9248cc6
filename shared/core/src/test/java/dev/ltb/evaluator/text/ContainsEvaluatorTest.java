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

class ContainsEvaluatorTest {

  private final ContainsEvaluator evaluator = new ContainsEvaluator();

  static Stream<Arguments> results() {
    return Stream.of(
        Arguments.of("The capital is Paris.", "Paris", pass("output contains \"Paris\"")),
        Arguments.of("The capital is paris.", "Paris", fail("output does not contain \"Paris\"")),
        Arguments.of("It costs 42 euros", "42", pass("output contains \"42\"")),
        Arguments.of("pi is 3.14", "3.140", pass("output contains \"3.14\"")),
        Arguments.of("", "Paris", fail("output does not contain \"Paris\"")),
        Arguments.of(
            "short",
            "z".repeat(120),
            fail("output does not contain \"" + "z".repeat(97) + "...\"")));
  }

  @ParameterizedTest
  @MethodSource("results")
  void looksForTheValueCaseSensitively(String output, String value, EvaluationResult expected) {
    assertThat(evaluator.evaluate(assertion("contains", value), EvaluationContext.ofOutput(output)))
        .isEqualTo(expected);
  }

  static Stream<Arguments> invalidValues() {
    return Stream.of(
        Arguments.of(
            "''", "contains needs a non-empty string or number as value, got an empty string"),
        Arguments.of("[a, b]", "contains needs a non-empty string or number as value, got a list"),
        Arguments.of(
            "true", "contains needs a non-empty string or number as value, got the boolean true"),
        Arguments.of(null, "contains needs a non-empty string or number as value, got nothing"));
  }

  @ParameterizedTest
  @MethodSource("invalidValues")
  void rejectsValuesThatAreNotText(String value, String message) {
    assertThatThrownBy(
            () -> evaluator.evaluate(assertion("contains", value), EvaluationContext.ofOutput("x")))
        .isInstanceOf(EvaluationException.class)
        .hasMessage(message);
  }
}
