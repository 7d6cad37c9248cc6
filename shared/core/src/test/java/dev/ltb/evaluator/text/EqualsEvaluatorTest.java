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

class EqualsEvaluatorTest {

  private final EqualsEvaluator evaluator = new EqualsEvaluator();

  static Stream<Arguments> results() {
    return Stream.of(
        Arguments.of("Paris", "Paris", pass("output equals \"Paris\"")),
        Arguments.of("Paris ", "Paris", fail("output \"Paris \" does not equal \"Paris\"")),
        Arguments.of("paris", "Paris", fail("output \"paris\" does not equal \"Paris\"")),
        Arguments.of("", "''", pass("output equals \"\"")),
        Arguments.of("42", "42", pass("output equals \"42\"")),
        Arguments.of("0.5", "0.50", pass("output equals \"0.5\"")),
        Arguments.of("1", "1.0", pass("output equals \"1\"")),
        Arguments.of("true", "true", pass("output equals \"true\"")),
        Arguments.of(
            "line 1\nline 2", "\"line 1\\nline 2\"", pass("output equals \"line 1\\nline 2\"")),
        Arguments.of(
            "{\"b\": 2.0, \"a\": [1, \"x\"]}",
            "{a: [1, x], b: 2}",
            pass("output equals JSON \"{\"a\":[1,\"x\"],\"b\":2}\"")),
        Arguments.of("[1, 2]", "[1, 2]", pass("output equals JSON \"[1,2]\"")),
        Arguments.of("[2, 1]", "[1, 2]", fail("output JSON \"[2,1]\" does not equal \"[1,2]\"")),
        Arguments.of(
            "{\"a\": 1, \"b\": 2}",
            "{a: 1}",
            fail("output JSON \"{\"a\":1,\"b\":2}\" does not equal \"{\"a\":1}\"")),
        Arguments.of(
            "a: 1", "{a: 1}", fail("output is not JSON, so it does not equal \"{\"a\":1}\"")),
        Arguments.of(
            "x".repeat(150),
            "y",
            fail("output \"" + "x".repeat(97) + "...\" does not equal \"y\"")));
  }

  @ParameterizedTest
  @MethodSource("results")
  void comparesTextOrParsedJson(String output, String value, EvaluationResult expected) {
    assertThat(evaluator.evaluate(assertion("equals", value), EvaluationContext.ofOutput(output)))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @MethodSource
  void rejectsValuesItCannotCompare(String value, String message) {
    assertThatThrownBy(
            () -> evaluator.evaluate(assertion("equals", value), EvaluationContext.ofOutput("x")))
        .isInstanceOf(EvaluationException.class)
        .hasMessage(message);
  }

  static Stream<Arguments> rejectsValuesItCannotCompare() {
    return Stream.of(
        Arguments.of(
            "null",
            "equals needs a string, number, boolean, object or list as value, got nothing"));
  }
}
