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

class ContainsAnyEvaluatorTest {

  private final ContainsAnyEvaluator evaluator = new ContainsAnyEvaluator();

  static Stream<Arguments> results() {
    return Stream.of(
        Arguments.of(
            "I live in Lyon",
            "[Paris, Lyon]",
            pass("output contains \"Lyon\", one of [\"Paris\", \"Lyon\"]")),
        Arguments.of(
            "Paris or Lyon",
            "[Paris, Lyon]",
            pass("output contains \"Paris\", one of [\"Paris\", \"Lyon\"]")),
        Arguments.of(
            "I live in lyon",
            "[Paris, Lyon]",
            fail("output contains none of [\"Paris\", \"Lyon\"]")),
        Arguments.of(
            "I live in Lyon",
            "Paris, Lyon",
            pass("output contains \"Lyon\", one of [\"Paris\", \"Lyon\"]")),
        Arguments.of(
            "I live in Nice",
            "'Paris, \"Lyon, France\"'",
            fail("output contains none of [\"Paris\", \"Lyon, France\"]")),
        Arguments.of(
            "Room 101", "[100, 101]", pass("output contains \"101\", one of [\"100\", \"101\"]")));
  }

  @ParameterizedTest
  @MethodSource("results")
  void passesWhenAnyValueOccurs(String output, String value, EvaluationResult expected) {
    assertThat(
            evaluator.evaluate(
                assertion("contains-any", value), EvaluationContext.ofOutput(output)))
        .isEqualTo(expected);
  }

  static Stream<Arguments> invalidValues() {
    return Stream.of(
        Arguments.of("' , ,'", "contains-any needs at least one value to look for"),
        Arguments.of("[]", "contains-any needs at least one value to look for"),
        Arguments.of(
            "42",
            "contains-any needs a list of strings or a comma-separated string as value, got 42"),
        Arguments.of(
            "[a, {b: 1}]",
            "contains-any needs a list of strings or numbers, but an item is an object"),
        Arguments.of("'a, \"b'", "unterminated quoted field in \"a, \"b\""));
  }

  @ParameterizedTest
  @MethodSource("invalidValues")
  void rejectsValuesThatAreNoList(String value, String message) {
    assertThatThrownBy(
            () ->
                evaluator.evaluate(
                    assertion("contains-any", value), EvaluationContext.ofOutput("x")))
        .isInstanceOf(EvaluationException.class)
        .hasMessage(message);
  }
}
