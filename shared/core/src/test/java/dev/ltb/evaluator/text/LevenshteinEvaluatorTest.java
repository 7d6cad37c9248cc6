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

class LevenshteinEvaluatorTest {

  private final LevenshteinEvaluator evaluator = new LevenshteinEvaluator();

  static Stream<Arguments> results() {
    return Stream.of(
        Arguments.of("Paris", "Paris", null, pass("output is 0 edits from \"Paris\", within 5")),
        Arguments.of("Pariss", "Paris", null, pass("output is 1 edit from \"Paris\", within 5")),
        Arguments.of(
            "kitten", "sitting", null, pass("output is 3 edits from \"sitting\", within 5")),
        Arguments.of(
            "kitten", "sitting", 2.0, fail("output is 3 edits from \"sitting\", more than 2")),
        Arguments.of(
            "kitten", "sitting", 3.0, pass("output is 3 edits from \"sitting\", within 3")),
        Arguments.of("Paris", "Paris", 0.0, pass("output is 0 edits from \"Paris\", within 0")),
        Arguments.of("paris", "Paris", 0.0, fail("output is 1 edit from \"Paris\", more than 0")),
        Arguments.of(
            "The answer is Paris",
            "Paris",
            null,
            fail("output is 14 edits from \"Paris\", more than 5")));
  }

  @ParameterizedTest
  @MethodSource("results")
  void comparesTheEditDistanceWithTheThreshold(
      String output, String value, Double threshold, EvaluationResult expected) {
    assertThat(
            evaluator.evaluate(
                assertion("levenshtein", value, threshold), EvaluationContext.ofOutput(output)))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @MethodSource("invalidValues")
  void rejectsValuesAndThresholdsItCannotUse(String value, Double threshold, String message) {
    assertThatThrownBy(
            () ->
                evaluator.evaluate(
                    assertion("levenshtein", value, threshold), EvaluationContext.ofOutput("x")))
        .isInstanceOf(EvaluationException.class)
        .hasMessage(message);
  }

  static Stream<Arguments> invalidValues() {
    return Stream.of(
        Arguments.of(
            "[a]", null, "levenshtein needs a non-empty string or number as value, got a list"),
        Arguments.of(
            "Paris",
            -1.0,
            "levenshtein threshold is the largest edit distance allowed and must be >= 0, was -1"));
  }
}
