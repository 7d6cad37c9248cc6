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

class ContainsAllEvaluatorTest {

  private final ContainsAllEvaluator evaluator = new ContainsAllEvaluator();

  static Stream<Arguments> results() {
    return Stream.of(
        Arguments.of(
            "Paris and Lyon",
            "[Paris, Lyon]",
            pass("output contains all of [\"Paris\", \"Lyon\"]")),
        Arguments.of(
            "Paris and Lyon", "Paris,Lyon", pass("output contains all of [\"Paris\", \"Lyon\"]")),
        Arguments.of(
            "Paris and lyon",
            "[Paris, Lyon, Nice]",
            fail("output is missing [\"Lyon\", \"Nice\"] of [\"Paris\", \"Lyon\", \"Nice\"]")),
        Arguments.of("", "[a]", fail("output is missing [\"a\"] of [\"a\"]")));
  }

  @ParameterizedTest
  @MethodSource("results")
  void passesWhenEveryValueOccurs(String output, String value, EvaluationResult expected) {
    assertThat(
            evaluator.evaluate(
                assertion("contains-all", value), EvaluationContext.ofOutput(output)))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @MethodSource("invalidValues")
  void rejectsValuesThatAreNoList(String value, String message) {
    assertThatThrownBy(
            () ->
                evaluator.evaluate(
                    assertion("contains-all", value), EvaluationContext.ofOutput("x")))
        .isInstanceOf(EvaluationException.class)
        .hasMessage(message);
  }

  static Stream<Arguments> invalidValues() {
    return Stream.of(
        Arguments.of(
            "{a: 1}",
            "contains-all needs a list of strings or a comma-separated string as value, got an"
                + " object"),
        Arguments.of(
            null,
            "contains-all needs a list of strings or a comma-separated string as value, got"
                + " nothing"));
  }
}
