package dev.ltb.aws.bedrock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.json.Json;
import dev.ltb.provider.ProviderConfig;
import dev.ltb.provider.ProviderConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailStreamConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailTrace;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.JsonSchemaDefinition;
import software.amazon.awssdk.services.bedrockruntime.model.OutputConfig;
import software.amazon.awssdk.services.bedrockruntime.model.OutputFormat;
import software.amazon.awssdk.services.bedrockruntime.model.OutputFormatStructure;
import software.amazon.awssdk.services.bedrockruntime.model.OutputFormatType;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.ToolConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.ToolInputSchema;
import software.amazon.awssdk.services.bedrockruntime.model.ToolSpecification;

/**
 * The Converse settings of a {@code bedrock:<modelId>} provider, read once from the suite's config. Each
 * field is null when the suite did not set it, so Bedrock's defaults apply.
 *
 * @param stream call ConverseStream instead of Converse
 * @param inference maxTokens, temperature, topP, stopSequences
 * @param tools tool definitions and tool choice
 * @param additionalModelRequestFields model-specific fields passed through unchanged (e.g. {@code top_k})
 * @param output structured output (a JSON schema the answer must follow)
 * @param guardrail a Bedrock guardrail to apply
 */
public record ConverseOptions(
    boolean stream,
    InferenceConfiguration inference,
    ToolConfiguration tools,
    Document additionalModelRequestFields,
    OutputConfig output,
    Guardrail guardrail) {

  /** The config keys {@link #parse} reads. */
  public static final List<String> KEYS =
      List.of(
          "stream", "maxTokens", "max_tokens", "temperature", "topP", "top_p", "stopSequences", "stop", "tools",
          "toolChoice", "tool_choice", "additionalModelRequestFields", "jsonSchema", "guardrailIdentifier",
          "guardrailVersion", "guardrailTrace");

  /**
   * A guardrail by id and version.
   *
   * @param trace {@code enabled}, {@code disabled} or {@code enabled_full}, or null
   */
  public record Guardrail(String identifier, String version, String trace) {

    public GuardrailConfiguration forConverse() {
      return GuardrailConfiguration.builder().guardrailIdentifier(identifier).guardrailVersion(version).trace(trace).build();
    }

    public GuardrailStreamConfiguration forConverseStream() {
      return GuardrailStreamConfiguration.builder()
          .guardrailIdentifier(identifier)
          .guardrailVersion(version)
          .trace(trace)
          .build();
    }
  }

  public static ConverseOptions parse(ProviderConfig config) {
    return new ConverseOptions(
        config.bool("stream").orElse(false),
        inference(config),
        tools(config),
        config.object("additionalModelRequestFields").map(fields -> Documents.fromJson(fields.json())).orElse(null),
        output(config),
        guardrail(config));
  }

  private static InferenceConfiguration inference(ProviderConfig config) {
    Optional<Integer> maxTokens = either(config, "maxTokens", "max_tokens").flatMap(key -> config.integer(key, 1, Integer.MAX_VALUE));
    Optional<Double> temperature = config.number("temperature", 0, 1);
    Optional<Double> topP = either(config, "topP", "top_p").flatMap(key -> config.number(key, 0, 1));
    List<String> stop = either(config, "stopSequences", "stop").map(config::strings).orElse(List.of());
    if (maxTokens.isEmpty() && temperature.isEmpty() && topP.isEmpty() && stop.isEmpty()) return null;
    InferenceConfiguration.Builder builder = InferenceConfiguration.builder();
    maxTokens.ifPresent(builder::maxTokens);
    temperature.ifPresent(value -> builder.temperature(value.floatValue()));
    topP.ifPresent(value -> builder.topP(value.floatValue()));
    if (!stop.isEmpty()) builder.stopSequences(stop);
    return builder.build();
  }

  /**
   * Tools as Bedrock writes them ({@code {toolSpec: {name, description, inputSchema: {json}}}}), as OpenAI
   * does ({@code {type: function, function: {name, description, parameters}}}) or flat ({@code {name,
   * description, inputSchema | input_schema | parameters}}), so a suite can share its tool list across vendors.
   */
  private static ToolConfiguration tools(ProviderConfig config) {
    Optional<String> choiceKey = either(config, "toolChoice", "tool_choice");
    Optional<JsonNode> tools = config.node("tools");
    if (tools.isEmpty()) {
      if (choiceKey.isPresent()) throw config.error(choiceKey.get(), "needs tools: there is no tool to choose");
      return null;
    }
    if (!tools.get().isArray() || tools.get().isEmpty()) throw config.error("tools", "must be a non-empty list of tools");
    List<Tool> specs = new ArrayList<>();
    for (int index = 0; index < tools.get().size(); index++) specs.add(tool(config, tools.get().get(index), index));
    ToolConfiguration.Builder builder = ToolConfiguration.builder().tools(specs);
    choiceKey.ifPresent(key -> builder.toolChoice(toolChoice(config, key)));
    return builder.build();
  }

  private static Tool tool(ProviderConfig config, JsonNode entry, int index) {
    String where = "tools[" + index + "]";
    if (!entry.isObject()) throw config.error(where, "must be a map with a name and an input schema");
    JsonNode spec = entry.has("toolSpec") ? entry.get("toolSpec") : entry.has("function") ? entry.get("function") : entry;
    String name = spec.path("name").asText("");
    if (name.isBlank()) throw config.error(where, "needs a name");
    JsonNode schema = schema(spec);
    if (!schema.isObject()) throw config.error(where, "input schema must be a JSON schema object");
    ToolSpecification.Builder builder =
        ToolSpecification.builder().name(name).inputSchema(ToolInputSchema.fromJson(Documents.fromJson(schema)));
    if (spec.path("description").isTextual()) builder.description(spec.get("description").asText());
    if (spec.path("strict").isBoolean()) builder.strict(spec.get("strict").booleanValue());
    return Tool.fromToolSpec(builder.build());
  }

  /** The tool's JSON schema; a tool without one takes no input. */
  private static JsonNode schema(JsonNode spec) {
    JsonNode inputSchema = spec.path("inputSchema");
    if (inputSchema.path("json").isObject()) return inputSchema.get("json");
    for (String key : List.of("inputSchema", "input_schema", "parameters")) {
      if (spec.has(key)) return spec.get(key);
    }
    return Json.mapper().createObjectNode().put("type", "object").set("properties", Json.mapper().createObjectNode());
  }

  private static ToolChoice toolChoice(ProviderConfig config, String key) {
    JsonNode choice = config.node(key).orElseThrow();
    if (choice.isTextual()) {
      return switch (choice.asText().strip().toLowerCase(java.util.Locale.ROOT)) {
        case "auto" -> ToolChoice.fromAuto(auto -> {});
        case "any", "required" -> ToolChoice.fromAny(any -> {});
        default -> throw config.error(key, "must be auto, any or {tool: {name: ...}}, was \"" + choice.asText() + "\"");
      };
    }
    String name = choice.path("tool").path("name").asText(choice.path("function").path("name").asText(""));
    if (name.isBlank()) throw config.error(key, "must be auto, any or {tool: {name: ...}}");
    return ToolChoice.fromTool(tool -> tool.name(name));
  }

  /** {@code jsonSchema: {name, description?, schema}}: Converse's {@code outputConfig.textFormat}. */
  private static OutputConfig output(ProviderConfig config) {
    Optional<ProviderConfig> jsonSchema = config.object("jsonSchema");
    if (jsonSchema.isEmpty()) return null;
    ProviderConfig settings = jsonSchema.get();
    settings.rejectUnknownKeys(List.of("name", "description", "schema"));
    JsonNode schema = settings.node("schema").orElseThrow(() -> settings.error("schema", "is required (a JSON schema)"));
    String schemaText = schema.isTextual() ? schema.asText() : Json.write(schema);
    JsonSchemaDefinition.Builder definition =
        JsonSchemaDefinition.builder().schema(schemaText).name(settings.string("name").orElse("output"));
    settings.string("description").ifPresent(definition::description);
    OutputFormat format =
        OutputFormat.builder()
            .type(OutputFormatType.JSON_SCHEMA)
            .structure(OutputFormatStructure.fromJsonSchema(definition.build()))
            .build();
    return OutputConfig.builder().textFormat(format).build();
  }

  private static Guardrail guardrail(ProviderConfig config) {
    Optional<String> identifier = config.string("guardrailIdentifier");
    Optional<String> version = config.string("guardrailVersion");
    Optional<String> trace = config.string("guardrailTrace");
    if (identifier.isEmpty() && version.isEmpty() && trace.isEmpty()) return null;
    if (identifier.isEmpty()) throw config.error("guardrailIdentifier", "is required with guardrailVersion/guardrailTrace");
    if (version.isEmpty()) throw config.error("guardrailVersion", "is required with a guardrail (e.g. \"1\" or \"DRAFT\")");
    trace.ifPresent(
        value -> {
          if (GuardrailTrace.fromValue(value) == GuardrailTrace.UNKNOWN_TO_SDK_VERSION)
            throw config.error("guardrailTrace", "must be enabled, disabled or enabled_full, was \"" + value + "\"");
        });
    return new Guardrail(identifier.get(), version.get(), trace.orElse(null));
  }

  /** The one of two spellings the suite used; both at once is a mistake. */
  private static Optional<String> either(ProviderConfig config, String key, String alias) {
    if (config.has(key) && config.has(alias))
      throw new ProviderConfigException(
          "provider " + config.providerId() + ": config has both " + key + " and " + alias + "; keep one");
    if (config.has(key)) return Optional.of(key);
    return config.has(alias) ? Optional.of(alias) : Optional.empty();
  }
}
