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

class RegexEvaluatorTest {

  private final RegexEvaluator evaluator = new RegexEvaluator();

  static Stream<Arguments> results() {
    return Stream.of(
        Arguments.of("Order 12345 shipped", "'\\d{5}'", pass("output matches regex \"\\d{5}\"")),
        Arguments.of(
            "Order 1234 shipped", "'\\d{5}'", fail("output does not match regex \"\\d{5}\"")),
        Arguments.of(
            "Order 12345 shipped", "'^\\d+$'", fail("output does not match regex \"^\\d+$\"")),
        Arguments.of("YES", "'(?i)^yes$'", pass("output matches regex \"(?i)^yes$\"")),
        Arguments.of(
            "line one\nline two",
            "'^line two$'",
            fail("output does not match regex \"^line two$\"")),
        Arguments.of(
            "line one\nline two",
            "'(?m)^line two$'",
            pass("output matches regex \"(?m)^line two$\"")));
  }

  @ParameterizedTest
  @MethodSource("results")
  void findsThePatternAnywhere(String output, String value, EvaluationResult expected) {
    assertThat(evaluator.evaluate(assertion("regex", value), EvaluationContext.ofOutput(output)))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @MethodSource("invalidValues")
  void rejectsValuesThatAreNoPattern(String value, String message) {
    assertThatThrownBy(
            () -> evaluator.evaluate(assertion("regex", value), EvaluationContext.ofOutput("x")))
        .isInstanceOf(EvaluationException.class)
        .hasMessage(message);
  }

  static Stream<Arguments> invalidValues() {
    return Stream.of(
        Arguments.of(
            "'[a-'", "invalid regular expression \"[a-\": Illegal character range near index 3"),
        Arguments.of(
            "'(unclosed'", "invalid regular expression \"(unclosed\": Unclosed group near index 9"),
        Arguments.of("''", "regex needs a pattern as value, got an empty string"),
        Arguments.of("42", "regex needs a pattern as value, got 42"));
  }
}
