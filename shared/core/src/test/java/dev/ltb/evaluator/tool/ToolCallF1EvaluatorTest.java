package dev.ltb.evaluator.tool;

import static dev.ltb.evaluator.EvaluatorTestSupport.assertion;
import static dev.ltb.evaluator.tool.ToolContexts.calling;
import static dev.ltb.evaluator.tool.ToolContexts.writing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationException;
import dev.ltb.evaluator.EvaluationResult;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ToolCallF1EvaluatorTest {

  private static final String BOTH = "[get_weather, book_flight]";
  private static final String EXPECTED_BOTH = "expected [\"book_flight\", \"get_weather\"]";

  private final ToolCallF1Evaluator evaluator = new ToolCallF1Evaluator();

  static Stream<Arguments> scores() {
    return Stream.of(
        Arguments.of(
            BOTH,
            null,
            calling("get_weather", "book_flight"),
            result(
                true,
                1,
                "tool-call F1 1.000 (precision 1.000, recall 1.000), meets threshold 1; "
                    + EXPECTED_BOTH
                    + ", called [\"book_flight\", \"get_weather\"]")),
        Arguments.of(
            "'get_weather, book_flight'",
            null,
            calling("book_flight", "get_weather", "get_weather"),
            result(
                true,
                1,
                "tool-call F1 1.000 (precision 1.000, recall 1.000), meets threshold 1; "
                    + EXPECTED_BOTH
                    + ", called [\"book_flight\", \"get_weather\"]")),
        Arguments.of(
            BOTH,
            null,
            calling("get_weather"),
            result(
                false,
                2.0 / 3,
                "tool-call F1 0.667 (precision 1.000, recall 0.500), below threshold 1; "
                    + EXPECTED_BOTH
                    + ", called [\"get_weather\"]")),
        Arguments.of(
            BOTH,
            0.8,
            calling("get_weather", "book_flight", "search"),
            result(
                true,
                0.8,
                "tool-call F1 0.800 (precision 0.667, recall 1.000), meets threshold 0.8; "
                    + EXPECTED_BOTH
                    + ", called [\"book_flight\", \"get_weather\", \"search\"]")),
        Arguments.of(
            "[get_weather]",
            null,
            calling("book_flight"),
            result(
                false,
                0,
                "tool-call F1 0.000 (precision 0.000, recall 0.000), below threshold 1; expected"
                    + " [\"get_weather\"], called [\"book_flight\"]")),
        Arguments.of(
            "[get_weather]",
            0.0,
            calling(),
            result(
                true,
                0,
                "tool-call F1 0.000 (precision 0.000, recall 0.000), meets threshold 0; expected"
                    + " [\"get_weather\"], called []")));
  }

  static Stream<Arguments> callsWrittenInTheOutput() {
    String weatherOnly =
        "tool-call F1 1.000 (precision 1.000, recall 1.000), meets threshold 1; expected"
            + " [\"get_weather\"], called [\"get_weather\"]";
    return Stream.of(
        Arguments.of(
            "{\"tool_calls\": [{\"id\": \"call_1\", \"type\": \"function\", \"function\":"
                + " {\"name\": \"get_weather\", \"arguments\": \"{\\\"city\\\":\\\"NYC\\\"}\"}}]}",
            weatherOnly),
        Arguments.of(
            "[{\"type\": \"text\", \"text\": \"Checking\"}, {\"type\": \"tool_use\", \"id\":"
                + " \"toolu_1\", \"name\": \"get_weather\", \"input\": {\"city\": \"NYC\"}}]",
            weatherOnly),
        Arguments.of(
            "{\"type\": \"function_call\", \"call_id\": \"call_1\", \"name\": \"get_weather\","
                + " \"arguments\": \"{}\"}",
            weatherOnly),
        Arguments.of(
            "[{\"functionCall\": {\"name\": \"get_weather\", \"args\": {\"city\": \"NYC\"}}}]",
            weatherOnly),
        Arguments.of(
            "{\"toolCall\": {\"functionCalls\": [{\"name\": \"get_weather\", \"args\": {}}]}}",
            weatherOnly),
        Arguments.of(
            "I would call get_weather here.",
            "tool-call F1 0.000 (precision 0.000, recall 0.000), below threshold 1; expected"
                + " [\"get_weather\"], called []"));
  }

  @ParameterizedTest
  @MethodSource("scores")
  void scoresTheOverlapOfExpectedAndCalledTools(
      String expectedTools,
      Double threshold,
      EvaluationContext context,
      EvaluationResult expected) {
    assertResult(
        evaluator.evaluate(assertion("tool-call-f1", expectedTools, threshold), context), expected);
  }

  @ParameterizedTest
  @MethodSource("callsWrittenInTheOutput")
  void readsToolCallsWrittenAsJsonWhenTheResponseReportsNone(String output, String reason) {
    boolean pass = reason.contains("meets");
    assertResult(
        evaluator.evaluate(assertion("tool-call-f1", "[get_weather]"), writing(output)),
        result(pass, pass ? 1 : 0, reason));
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of(
            "[get_weather]",
            1.5,
            "tool-call-f1 threshold is the lowest F1 that passes and must be within [0, 1], was"
                + " 1.5"),
        Arguments.of("['  ']", null, "tool-call-f1 needs at least one expected tool name"),
        Arguments.of(
            "{a: 1}",
            null,
            "tool-call-f1 needs a list of strings or a comma-separated string as value, got an"
                + " object"));
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void rejectsValuesAndThresholdsItCannotUse(String value, Double threshold, String message) {
    assertThatThrownBy(
            () -> evaluator.evaluate(assertion("tool-call-f1", value, threshold), calling("x")))
        .isInstanceOf(EvaluationException.class)
        .hasMessage(message);
  }

  private static EvaluationResult result(boolean pass, double score, String reason) {
    return EvaluationResult.of(pass, score, reason);
  }

  /** Whole results, with the F1 compared to 1e-9 (it is a ratio of sums). */
  private static void assertResult(EvaluationResult actual, EvaluationResult expected) {
    assertThat(actual)
        .usingRecursiveComparison()
        .withComparatorForFields(
            Comparator.<Double>comparingDouble(score -> Math.round(score * 1e9)), "score")
        .isEqualTo(expected);
  }
}
