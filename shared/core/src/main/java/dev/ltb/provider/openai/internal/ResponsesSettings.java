package dev.ltb.provider.openai.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.provider.ProviderConfig;
import java.util.List;

/**
 * The generation settings of an {@code openai:responses} provider, read and validated once from its suite
 * config. Keys are the API's own; chat-style values a suite may share with {@code openai:chat} providers are
 * translated: {@code max_tokens} means {@code max_output_tokens}, tools and tool choice written as {@code
 * {type: function, function: {...}}} are flattened, {@code response_format} becomes {@code text.format}, and
 * {@code reasoning_effort} becomes {@code reasoning.effort}.
 *
 * @param reasoning the {@code reasoning} object ({@code effort}, {@code summary}), passed through
 * @param text the {@code text} object (output {@code format}, {@code verbosity}), passed through
 * @param passthrough extra fields copied into every request body as they are (e.g. {@code store}, {@code
 *     service_tier}, {@code truncation}, {@code include})
 */
public record ResponsesSettings(
    String instructions,
    Double temperature,
    Double topP,
    Integer maxOutputTokens,
    JsonNode tools,
    JsonNode toolChoice,
    Boolean parallelToolCalls,
    ObjectNode reasoning,
    ObjectNode text,
    boolean logprobs,
    Integer topLogprobs,
    boolean stream,
    ObjectNode passthrough) {

  /** The config keys read here. */
  public static final List<String> KEYS =
      List.of(
          "instructions", "temperature", "top_p", "max_output_tokens", "max_tokens", "tools", "tool_choice",
          "parallel_tool_calls", "reasoning", "reasoning_effort", "text", "response_format", "logprobs",
          "top_logprobs", "stream", "passthrough");

  public static ResponsesSettings from(ProviderConfig config) {
    Integer topLogprobs = config.integer("top_logprobs", 0, 20).orElse(null);
    return new ResponsesSettings(
        config.string("instructions").filter(text -> !text.isBlank()).orElse(null),
        config.number("temperature", 0, 2).orElse(null),
        config.number("top_p", 0, 1).orElse(null),
        maxOutputTokens(config),
        tools(config),
        config.node("tool_choice").map(ResponsesSettings::flatToolChoice).orElse(null),
        config.bool("parallel_tool_calls").orElse(null),
        reasoning(config),
        text(config),
        config.bool("logprobs").orElse(topLogprobs != null),
        topLogprobs,
        config.bool("stream").orElse(false),
        object(config, "passthrough", "must be a map of request fields"));
  }

  private static Integer maxOutputTokens(ProviderConfig config) {
    if (config.has("max_output_tokens") && config.has("max_tokens"))
      throw config.error("max_tokens", "and max_output_tokens mean the same here; keep max_output_tokens");
    return config.integer("max_output_tokens", 1, Integer.MAX_VALUE)
        .or(() -> config.integer("max_tokens", 1, Integer.MAX_VALUE))
        .orElse(null);
  }

  private static JsonNode tools(ProviderConfig config) {
    JsonNode tools = config.node("tools").orElse(null);
    if (tools == null) return null;
    if (!tools.isArray())
      throw config.error("tools", "must be a list of tools such as [{type: function, name, parameters}]");
    ArrayNode flat = JsonNodeFactory.instance.arrayNode();
    tools.forEach(tool -> flat.add(flatTool(tool)));
    return flat;
  }

  /** {@code {type: function, function: {name, ...}}} (Chat Completions) → {@code {type: function, name, ...}} */
  private static JsonNode flatTool(JsonNode tool) {
    if (!tool.path("function").isObject() || tool.has("name")) return tool;
    ObjectNode flat = JsonNodeFactory.instance.objectNode().put("type", "function");
    flat.setAll((ObjectNode) tool.get("function"));
    return flat;
  }

  private static JsonNode flatToolChoice(JsonNode choice) {
    if (!choice.path("function").path("name").isTextual() || choice.has("name")) return choice;
    String name = choice.at("/function/name").asText();
    return JsonNodeFactory.instance.objectNode().put("type", "function").put("name", name);
  }

  private static ObjectNode reasoning(ProviderConfig config) {
    ObjectNode reasoning = object(config, "reasoning", "must be a map such as {effort: low, summary: auto}");
    config.string("reasoning_effort").ifPresent(effort -> reasoning.put("effort", effort));
    return reasoning.isEmpty() ? null : reasoning;
  }

  private static ObjectNode text(ProviderConfig config) {
    ObjectNode text = object(config, "text", "must be a map such as {format: {type: json_object}}");
    JsonNode format = config.node("response_format").orElse(null);
    if (format != null && !text.has("format")) text.set("format", textFormat(config, format));
    return text.isEmpty() ? null : text;
  }

  /**
   * {@code json_object} or {@code {type: json_object}} as is; a Chat Completions schema {@code {type:
   * json_schema, json_schema: {name, schema, strict}}} flattened to {@code {type: json_schema, name, schema,
   * strict}}.
   */
  private static JsonNode textFormat(ProviderConfig config, JsonNode format) {
    if (format.isTextual()) return JsonNodeFactory.instance.objectNode().put("type", format.asText());
    if (!format.isObject())
      throw config.error(
          "response_format", "must be a map such as {type: json_object} or {type: json_schema, ...}");
    if (!format.path("json_schema").isObject()) return format;
    ObjectNode flat = JsonNodeFactory.instance.objectNode().put("type", "json_schema");
    flat.setAll((ObjectNode) format.get("json_schema"));
    return flat;
  }

  private static ObjectNode object(ProviderConfig config, String key, String problem) {
    JsonNode value = config.node(key).orElse(null);
    if (value == null) return JsonNodeFactory.instance.objectNode();
    if (!value.isObject()) throw config.error(key, problem);
    return value.deepCopy();
  }
}
