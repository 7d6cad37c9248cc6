package dev.ltb.evaluator.tool;

import static dev.ltb.evaluator.EvaluatorTestSupport.assertion;
import static dev.ltb.evaluator.EvaluatorTestSupport.fail;
import static dev.ltb.evaluator.EvaluatorTestSupport.pass;
import static dev.ltb.evaluator.tool.ToolContexts.withCalls;
import static dev.ltb.evaluator.tool.ToolContexts.writing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationException;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.provider.ToolCall;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IsValidOpenAiToolsCallEvaluatorTest {

  /** OpenAI Chat tools, as a promptfoo suite writes them in the provider config. */
  static final String OPENAI_TOOLS =
      """
      tools:
        - type: function
          function:
            name: get_weather
            parameters:
              type: object
              required: [city]
              properties:
                city: {type: string}
                unit: {type: string, enum: [c, f]}
        - type: function
          function:
            name: book_flight
            parameters: {type: object, properties: {destination: {type: string}}}
        - type: web_search_preview
      """;

  private static final String WEATHER_OK = "1 tool call matches its definition: [\"get_weather\"]";

  private final IsValidOpenAiToolsCallEvaluator evaluator = new IsValidOpenAiToolsCallEvaluator();

  static Stream<Arguments> againstProviderTools() {
    return Stream.of(
        Arguments.of(calls("get_weather:{\"city\": \"Paris\"}"), pass(WEATHER_OK)),
        Arguments.of(
            calls("get_weather:{\"city\": \"Paris\", \"unit\": \"c\"}", "book_flight"),
            pass("2 tool calls match their definitions: [\"get_weather\", \"book_flight\"]")),
        Arguments.of(
            calls("get_weather:{}"),
            fail(
                "tool call \"get_weather\" has arguments that do not match its parameters:"
                    + " required property 'city' not found")),
        Arguments.of(
            calls("get_weather:{\"city\": 7, \"unit\": \"k\"}"),
            fail(
                "tool call \"get_weather\" has arguments that do not match its parameters:"
                    + " /city: integer found, string expected; /unit: does not have a value in the"
                    + " enumeration [\"c\", \"f\"]")),
        Arguments.of(
            calls("get_weather:{\"city\": \"Paris\"}", "send_email"),
            fail(
                "tool call \"send_email\" names no defined tool; defined: [\"get_weather\","
                    + " \"book_flight\"]")),
        Arguments.of(
            calls("get_weather:{city: Paris"),
            fail("tool call \"get_weather\" has arguments that are not JSON: \"{city: Paris\"")),
        Arguments.of(
            calls(),
            fail("no tool calls: the response has none and the output is no tool-call JSON")));
  }

  @ParameterizedTest
  @MethodSource("againstProviderTools")
  void validatesCallsAgainstTheProvidersTools(List<ToolCall> calls, EvaluationResult expected) {
    assertThat(
            evaluator.evaluate(
                assertion("is-valid-openai-tools-call", null), withCalls(OPENAI_TOOLS, calls)))
        .isEqualTo(expected);
  }

  static Stream<Arguments> toolShapesInTheValue() {
    return Stream.of(
        Arguments.of(
            "anthropic",
            "[{name: get_weather, description: Weather, input_schema: {type: object, required:"
                + " [city]}}]"),
        Arguments.of(
            "openai responses",
            "[{type: function, name: get_weather, parameters: {type: object, required: [city]}}]"),
        Arguments.of(
            "bedrock",
            "{tools: [{toolSpec: {name: get_weather, inputSchema: {json: {type: object, required:"
                + " [city]}}}}]}"),
        Arguments.of(
            "gemini",
            "[{functionDeclarations: [{name: get_weather, parameters: {type: OBJECT, properties:"
                + " {city: {type: STRING}}, required: [city]}}]}]"),
        Arguments.of(
            "json text",
            "'[{\"type\": \"function\", \"function\": {\"name\": \"get_weather\", \"parameters\":"
                + " {\"type\": \"object\", \"required\": [\"city\"]}}}]'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("toolShapesInTheValue")
  void readsEachVendorsToolShapeFromTheValue(String vendor, String tools) {
    EvaluationContext good = withCalls(null, calls("get_weather:{\"city\": \"Paris\"}"));
    EvaluationContext bad = withCalls(null, calls("get_weather:{\"town\": \"Paris\"}"));

    assertThat(evaluator.evaluate(assertion("is-valid-openai-tools-call", tools), good))
        .isEqualTo(pass(WEATHER_OK));
    assertThat(evaluator.evaluate(assertion("is-valid-openai-tools-call", tools), bad))
        .isEqualTo(
            fail(
                "tool call \"get_weather\" has arguments that do not match its parameters:"
                    + " required property 'city' not found"));
  }

  @Test
  void readsCallsWrittenAsJsonWhenTheResponseReportsNone() {
    EvaluationContext context =
        writing(
            OPENAI_TOOLS,
            "{\"tool_calls\": [{\"type\": \"function\", \"function\": {\"name\": \"get_weather\","
                + " \"arguments\": \"{\\\"city\\\": \\\"Oslo\\\"}\"}}]}");

    assertThat(evaluator.evaluate(assertion("is-valid-openai-tools-call", null), context))
        .isEqualTo(pass(WEATHER_OK));
  }

  static Stream<Arguments> unusableDefinitions() {
    return Stream.of(
        Arguments.of(
            null,
            null,
            "is-valid-openai-tools-call needs the tool definitions: give the provider a tools"
                + " config, or set value to the list of tools"),
        Arguments.of(
            "tools: [{type: web_search_preview}]",
            null,
            "is-valid-openai-tools-call found no function tools with a name in the provider config"
                + " tools"),
        Arguments.of(
            null,
            "{name: get_weather}",
            "is-valid-openai-tools-call value must be a list of tool definitions or {tools: [...]},"
                + " got an object"),
        Arguments.of(
            null,
            "[{name: get_weather, parameters: {type: objekt}}]",
            "tool \"get_weather\" has an invalid JSON schema: /type: does not have a value in the"
                + " enumeration"));
  }

  @ParameterizedTest
  @MethodSource("unusableDefinitions")
  void failsClearlyWithoutUsableDefinitions(String providerConfig, String value, String message) {
    EvaluationContext context = withCalls(providerConfig, calls("get_weather:{}"));
    assertThatThrownBy(
            () -> evaluator.evaluate(assertion("is-valid-openai-tools-call", value), context))
        .isInstanceOf(EvaluationException.class)
        .hasMessageStartingWith(message);
  }

  static List<ToolCall> calls(String... written) {
    return Arrays.stream(written).map(ToolContexts::call).toList();
  }
}
