package dev.ltb.provider.anthropic.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.provider.ProviderConfig;
import java.util.List;
import java.util.Set;

/**
 * The generation settings of {@code anthropic:messages}, read and validated once from the suite config; the
 * keys are the API's own (snake_case), as in promptfoo.
 *
 * @param maxTokens required by the API; {@link #DEFAULT_MAX_TOKENS} when the suite gives none
 * @param tools Anthropic tools ({@code name}, {@code description}, {@code input_schema}); OpenAI-style
 *     function tools are converted
 * @param toolChoice {@code {type: auto|any|none|tool, name?}}; a plain word is short for {@code {type: word}}
 * @param outputConfig e.g. {@code {format: {type: json_schema, schema: {...}}}} for structured (JSON) output
 * @param passthrough extra fields copied into every request body as they are ({@code metadata},
 *     {@code service_tier}, ...)
 */
public record MessagesSettings(
    int maxTokens,
    Double temperature,
    Double topP,
    Integer topK,
    List<String> stopSequences,
    JsonNode tools,
    JsonNode toolChoice,
    JsonNode outputConfig,
    JsonNode thinking,
    boolean stream,
    ObjectNode passthrough) {

  /** The API requires {@code max_tokens}; promptfoo's default. */
  public static final int DEFAULT_MAX_TOKENS = 1024;

  /** The config keys read here. */
  public static final List<String> KEYS =
      List.of(
          "max_tokens", "temperature", "top_p", "top_k", "stop_sequences", "tools", "tool_choice", "output_config",
          "thinking", "stream", "passthrough");

  private static final Set<String> TOOL_CHOICE_TYPES = Set.of("auto", "any", "none", "tool");

  public static MessagesSettings from(ProviderConfig config) {
    List<String> stop = config.strings("stop_sequences");
    return new MessagesSettings(
        config.integer("max_tokens", 1, Integer.MAX_VALUE).orElse(DEFAULT_MAX_TOKENS),
        config.number("temperature", 0, 1).orElse(null),
        config.number("top_p", 0, 1).orElse(null),
        config.integer("top_k", 0, Integer.MAX_VALUE).orElse(null),
        stop.isEmpty() ? null : stop,
        tools(config),
        toolChoice(config),
        object(config, "output_config", "{format: {type: json_schema, schema: {...}}}"),
        object(config, "thinking", "{type: enabled, budget_tokens: 2048}"),
        config.bool("stream").orElse(false),
        passthrough(config));
  }

  private static JsonNode tools(ProviderConfig config) {
    JsonNode tools = config.node("tools").orElse(null);
    if (tools == null) return null;
    if (!tools.isArray())
      throw config.error("tools", "must be a list of tools such as [{name, description, input_schema}]");
    ArrayNode converted = JsonNodeFactory.instance.arrayNode();
    for (JsonNode tool : tools) converted.add(tool(config, tool));
    return converted;
  }

  /** An Anthropic tool as it is; an OpenAI function tool as {@code {name, description, input_schema}}. */
  private static JsonNode tool(ProviderConfig config, JsonNode tool) {
    JsonNode function = tool.path("function");
    if (!tool.path("type").asText().equals("function") || !function.isObject()) {
      if (!tool.isObject()) throw config.error("tools", "must contain only maps, found " + tool);
      return tool;
    }
    ObjectNode anthropic = JsonNodeFactory.instance.objectNode();
    anthropic.set("name", function.path("name"));
    if (function.has("description")) anthropic.set("description", function.get("description"));
    JsonNode schema = function.get("parameters");
    if (schema == null) schema = JsonNodeFactory.instance.objectNode().put("type", "object");
    anthropic.set("input_schema", schema);
    return anthropic;
  }

  private static JsonNode toolChoice(ProviderConfig config) {
    JsonNode choice = config.node("tool_choice").orElse(null);
    if (choice == null || choice.isObject()) return choice;
    if (choice.isTextual() && TOOL_CHOICE_TYPES.contains(choice.asText()))
      return JsonNodeFactory.instance.objectNode().put("type", choice.asText());
    throw config.error("tool_choice", "must be auto, any, none or a map such as {type: tool, name: get_weather}");
  }

  private static JsonNode object(ProviderConfig config, String key, String example) {
    JsonNode value = config.node(key).orElse(null);
    if (value != null && !value.isObject()) throw config.error(key, "must be a map such as " + example);
    return value;
  }

  private static ObjectNode passthrough(ProviderConfig config) {
    JsonNode passthrough = config.node("passthrough").orElse(null);
    if (passthrough == null) return JsonNodeFactory.instance.objectNode();
    if (!passthrough.isObject()) throw config.error("passthrough", "must be a map of request fields");
    return passthrough.deepCopy();
  }
}
