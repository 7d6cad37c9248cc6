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

class IContainsAnyEvaluatorTest {

  private final IContainsAnyEvaluator evaluator = new IContainsAnyEvaluator();

  static Stream<Arguments> results() {
    return Stream.of(
        Arguments.of(
            "I live in LYON",
            "[Paris, Lyon]",
            pass("output contains \"Lyon\", one of [\"Paris\", \"Lyon\"] (ignoring case)")),
        Arguments.of(
            "I live in lyon",
            "paris, lyon",
            pass("output contains \"lyon\", one of [\"paris\", \"lyon\"] (ignoring case)")),
        Arguments.of(
            "I live in Nice",
            "[Paris, Lyon]",
            fail("output contains none of [\"Paris\", \"Lyon\"] (ignoring case)")));
  }

  @ParameterizedTest
  @MethodSource("results")
  void passesWhenAnyValueOccursInAnyCase(String output, String value, EvaluationResult expected) {
    assertThat(
            evaluator.evaluate(
                assertion("icontains-any", value), EvaluationContext.ofOutput(output)))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @MethodSource("invalidValues")
  void rejectsValuesThatAreNoList(String value, String message) {
    assertThatThrownBy(
            () ->
                evaluator.evaluate(
                    assertion("icontains-any", value), EvaluationContext.ofOutput("x")))
        .isInstanceOf(EvaluationException.class)
        .hasMessage(message);
  }

  static Stream<Arguments> invalidValues() {
    return Stream.of(Arguments.of("[]", "icontains-any needs at least one value to look for"));
  }
}
