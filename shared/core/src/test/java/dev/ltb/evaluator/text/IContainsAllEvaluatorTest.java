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

class IContainsAllEvaluatorTest {

  private final IContainsAllEvaluator evaluator = new IContainsAllEvaluator();

  static Stream<Arguments> results() {
    return Stream.of(
        Arguments.of(
            "PARIS and lyon",
            "[Paris, Lyon]",
            pass("output contains all of [\"Paris\", \"Lyon\"] (ignoring case)")),
        Arguments.of(
            "PARIS and Nice",
            "Paris, Lyon",
            fail("output is missing [\"Lyon\"] of [\"Paris\", \"Lyon\"] (ignoring case)")));
  }

  @ParameterizedTest
  @MethodSource("results")
  void passesWhenEveryValueOccursInAnyCase(String output, String value, EvaluationResult expected) {
    assertThat(
            evaluator.evaluate(
                assertion("icontains-all", value), EvaluationContext.ofOutput(output)))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @MethodSource("invalidValues")
  void rejectsValuesThatAreNoList(String value, String message) {
    assertThatThrownBy(
            () ->
                evaluator.evaluate(
                    assertion("icontains-all", value), EvaluationContext.ofOutput("x")))
        .isInstanceOf(EvaluationException.class)
        .hasMessage(message);
  }

  static Stream<Arguments> invalidValues() {
    return Stream.of(
        Arguments.of(
            "[null]", "icontains-all needs a list of strings or numbers, but an item is nothing"));
  }
}
