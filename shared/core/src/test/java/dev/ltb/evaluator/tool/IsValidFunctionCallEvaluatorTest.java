package dev.ltb.evaluator.tool;

import static dev.ltb.evaluator.EvaluatorTestSupport.assertion;
import static dev.ltb.evaluator.EvaluatorTestSupport.fail;
import static dev.ltb.evaluator.EvaluatorTestSupport.pass;
import static dev.ltb.evaluator.tool.IsValidOpenAiToolsCallEvaluatorTest.calls;
import static dev.ltb.evaluator.tool.ToolContexts.withCalls;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.provider.ToolCall;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IsValidFunctionCallEvaluatorTest {

  /** Legacy OpenAI functions. */
  private static final String FUNCTIONS =
      """
      functions:
        - name: get_current_weather
          parameters:
            type: object
            required: [location]
            properties: {location: {type: string}}
      """;

  private final IsValidFunctionCallEvaluator evaluator = new IsValidFunctionCallEvaluator();

  static Stream<Arguments> results() {
    return Stream.of(
        Arguments.of(
            FUNCTIONS,
            calls("get_current_weather:{\"location\": \"Boston\"}"),
            pass("1 tool call matches its definition: [\"get_current_weather\"]")),
        Arguments.of(
            FUNCTIONS,
            calls("get_current_weather:{\"city\": \"Boston\"}"),
            fail(
                "tool call \"get_current_weather\" has arguments that do not match its"
                    + " parameters: required property 'location' not found")),
        Arguments.of(
            IsValidOpenAiToolsCallEvaluatorTest.OPENAI_TOOLS,
            calls("book_flight:{\"destination\": \"LA\"}"),
            pass("1 tool call matches its definition: [\"book_flight\"]")));
  }

  @ParameterizedTest
  @MethodSource("results")
  void checksCallsLikeIsValidOpenAiToolsCall(
      String providerConfig, List<ToolCall> calls, EvaluationResult expected) {
    assertThat(
            evaluator.evaluate(
                assertion("is-valid-function-call", null), withCalls(providerConfig, calls)))
        .isEqualTo(expected);
  }
}
