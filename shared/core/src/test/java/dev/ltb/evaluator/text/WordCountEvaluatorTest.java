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

class WordCountEvaluatorTest {

  private final WordCountEvaluator evaluator = new WordCountEvaluator();

  static Stream<Arguments> results() {
    return Stream.of(
        Arguments.of("one two three", "3", pass("output has 3 words, exactly 3")),
        Arguments.of("  one\ttwo\n\nthree  ", "3", pass("output has 3 words, exactly 3")),
        Arguments.of("one two", "'3'", fail("output has 2 words, not exactly 3")),
        Arguments.of("", "0", pass("output has 0 words, exactly 0")),
        Arguments.of("single", "1", pass("output has 1 word, exactly 1")),
        Arguments.of("a b c d", "{min: 2, max: 5}", pass("output has 4 words, within 2-5")),
        Arguments.of("a b c d e f", "{min: 2, max: 5}", fail("output has 6 words, outside 2-5")),
        Arguments.of("a", "{min: 2, max: 5}", fail("output has 1 word, outside 2-5")),
        Arguments.of("a b", "{min: 2}", pass("output has 2 words, at least 2")),
        Arguments.of("a", "{min: 2}", fail("output has 1 word, fewer than 2")),
        Arguments.of("a b", "{max: 2}", pass("output has 2 words, at most 2")),
        Arguments.of("a b c", "{max: 2}", fail("output has 3 words, more than 2")),
        Arguments.of("a\u00a0b\u2003c", "3", pass("output has 3 words, exactly 3")));
  }

  @ParameterizedTest
  @MethodSource("results")
  void countsWhitespaceSeparatedWords(String output, String value, EvaluationResult expected) {
    assertThat(
            evaluator.evaluate(assertion("word-count", value), EvaluationContext.ofOutput(output)))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @MethodSource("invalidValues")
  void rejectsValuesThatAreNoCount(String value, String message) {
    assertThatThrownBy(
            () ->
                evaluator.evaluate(assertion("word-count", value), EvaluationContext.ofOutput("x")))
        .isInstanceOf(EvaluationException.class)
        .hasMessage(message);
  }

  static Stream<Arguments> invalidValues() {
    return Stream.of(
        Arguments.of("2.5", "word-count value must be a whole number of words, got 2.5"),
        Arguments.of("many", "word-count value must be a whole number of words, got \"many\""),
        Arguments.of("-1", "word-count value must be a whole number of words, got -1"),
        Arguments.of(
            "{}", "word-count needs min and/or max in its value object, e.g. {min: 20, max: 50}"),
        Arguments.of("{min: 5, max: 2}", "word-count min (5) must not be greater than max (2)"),
        Arguments.of("{min: few}", "word-count min must be a whole number of words, got \"few\""));
  }
}
