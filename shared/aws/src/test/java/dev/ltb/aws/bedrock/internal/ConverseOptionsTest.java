package dev.ltb.aws.bedrock.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ltb.json.Json;
import dev.ltb.provider.ProviderConfig;
import dev.ltb.provider.ProviderConfigException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.OutputFormatType;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.ToolInputSchema;
import software.amazon.awssdk.services.bedrockruntime.model.ToolSpecification;

class ConverseOptionsTest {

  private static final Tool WEATHER =
      Tool.fromToolSpec(
          ToolSpecification.builder()
              .name("get_weather")
              .description("Weather in a city")
              .inputSchema(ToolInputSchema.fromJson(Document.fromMap(Map.of(
                  "type", Document.fromString("object"),
                  "properties", Document.fromMap(Map.of("city", Document.fromMap(Map.of("type", Document.fromString("string")))))))))
              .build());

  @Test
  void noSettingsLeaveBedrocksDefaults() {
    ConverseOptions options = parse("{}");

    assertThat(options).isEqualTo(new ConverseOptions(false, null, null, null, null, null));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"maxTokens\": 300, \"temperature\": 0.2, \"topP\": 0.8, \"stopSequences\": [\"END\"]}",
        "{\"max_tokens\": 300, \"temperature\": 0.2, \"top_p\": 0.8, \"stop\": \"END\"}"
      })
  void readsInferenceSettingsInEitherSpelling(String config) {
    assertThat(parse(config).inference())
        .isEqualTo(InferenceConfiguration.builder().maxTokens(300).temperature(0.2f).topP(0.8f).stopSequences(List.of("END")).build());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "{\"toolSpec\": {\"name\": \"get_weather\", \"description\": \"Weather in a city\", \"inputSchema\": {\"json\": SCHEMA}}}",
        "{\"type\": \"function\", \"function\": {\"name\": \"get_weather\", \"description\": \"Weather in a city\", \"parameters\": SCHEMA}}",
        "{\"name\": \"get_weather\", \"description\": \"Weather in a city\", \"input_schema\": SCHEMA}",
        "{\"name\": \"get_weather\", \"description\": \"Weather in a city\", \"inputSchema\": SCHEMA}"
      })
  void readsToolsWrittenForBedrockOpenAiOrAnthropic(String tool) {
    String schema = "{\"type\": \"object\", \"properties\": {\"city\": {\"type\": \"string\"}}}";

    ConverseOptions options = parse("{\"tools\": [" + tool.replace("SCHEMA", schema) + "]}");

    assertThat(options.tools().tools()).containsExactly(WEATHER);
    assertThat(options.tools().toolChoice()).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
          "auto"                                                  | auto
          "required"                                              | any
          {"tool": {"name": "get_weather"}}                       | tool
          {"type": "function", "function": {"name": "get_weather"}} | tool
          """)
  void readsTheToolChoice(String choice, String kind) {
    ToolChoice toolChoice =
        parse("{\"tools\": [{\"name\": \"get_weather\"}], \"toolChoice\": " + choice + "}").tools().toolChoice();

    switch (kind) {
      case "auto" -> assertThat(toolChoice.auto()).isNotNull();
      case "any" -> assertThat(toolChoice.any()).isNotNull();
      default -> assertThat(toolChoice.tool().name()).isEqualTo("get_weather");
    }
  }

  @Test
  void readsPassThroughFieldsStructuredOutputAndGuardrail() {
    ConverseOptions options =
        parse(
            """
            {"stream": true, "additionalModelRequestFields": {"top_k": 40},
             "jsonSchema": {"name": "person", "schema": {"type": "object"}},
             "guardrailIdentifier": "gr-1", "guardrailVersion": "DRAFT", "guardrailTrace": "enabled"}
            """);

    assertThat(options.stream()).isTrue();
    assertThat(options.additionalModelRequestFields()).isEqualTo(Document.fromMap(Map.of("top_k", Document.fromNumber(40L))));
    assertThat(options.output().textFormat().type()).isEqualTo(OutputFormatType.JSON_SCHEMA);
    assertThat(options.output().textFormat().structure().jsonSchema().schema()).isEqualTo("{\"type\":\"object\"}");
    assertThat(options.output().textFormat().structure().jsonSchema().name()).isEqualTo("person");
    assertThat(options.guardrail()).isEqualTo(new ConverseOptions.Guardrail("gr-1", "DRAFT", "enabled"));
    assertThat(options.guardrail().forConverseStream().guardrailIdentifier()).isEqualTo("gr-1");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
          {"tools": []}                                           | config tools must be a non-empty list of tools
          {"tools": [{"description": "no name"}]}                 | config tools[0] needs a name
          {"tools": ["get_weather"]}                              | config tools[0] must be a map with a name and an input schema
          {"tools": [{"name": "a", "parameters": "none"}]}         | config tools[0] input schema must be a JSON schema object
          {"tools": [{"name": "a"}], "toolChoice": "none"}        | config toolChoice must be auto, any or {tool: {name: ...}}, was "none"
          {"topP": 2}                                             | config topP must be between 0.0 and 1.0, was 2.0
          {"maxTokens": 0}                                        | config maxTokens must be between 1 and 2147483647, was 0
          {"jsonSchema": {"name": "x"}}                           | config jsonSchema.schema is required (a JSON schema)
          {"guardrailVersion": "1"}                               | config guardrailIdentifier is required with guardrailVersion/guardrailTrace
          {"guardrailIdentifier": "g", "guardrailVersion": "1", "guardrailTrace": "loud"} | config guardrailTrace must be enabled, disabled or enabled_full, was "loud"
          """)
  void saysWhatIsWrongWithASetting(String config, String problem) {
    assertThatThrownBy(() -> parse(config))
        .isInstanceOf(ProviderConfigException.class)
        .hasMessage("provider bedrock:m: " + problem);
  }

  private static ConverseOptions parse(String json) {
    try {
      return ConverseOptions.parse(ProviderConfig.of("bedrock:m", Json.mapper().readTree(json)));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
