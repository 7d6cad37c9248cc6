package dev.ltb.provider.mistral.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.provider.ProviderConfig;
import java.util.List;

/**
 * The generation settings of a Mistral chat provider, read and validated once from its suite config; the keys
 * are the API's own. {@code seed} is accepted for {@code random_seed}, as the suites of other vendors write it.
 */
public record MistralSettings(
    Double temperature,
    Double topP,
    Integer maxTokens,
    List<String> stop,
    Long randomSeed,
    JsonNode responseFormat,
    JsonNode tools,
    JsonNode toolChoice,
    Boolean parallelToolCalls,
    Double presencePenalty,
    Double frequencyPenalty,
    Boolean safePrompt,
    String promptMode,
    boolean stream,
    ObjectNode passthrough) {

  public static final List<String> KEYS =
      List.of(
          "temperature", "top_p", "max_tokens", "stop", "random_seed", "seed", "response_format", "tools",
          "tool_choice", "parallel_tool_calls", "presence_penalty", "frequency_penalty", "safe_prompt", "prompt_mode",
          "stream", "passthrough");

  public static MistralSettings from(ProviderConfig config) {
    List<String> stop = config.strings("stop");
    return new MistralSettings(
        config.number("temperature", 0, 2).orElse(null),
        config.number("top_p", 0, 1).orElse(null),
        config.integer("max_tokens", 1, Integer.MAX_VALUE).orElse(null),
        stop.isEmpty() ? null : stop,
        config.longValue("random_seed").or(() -> config.longValue("seed")).orElse(null),
        responseFormat(config),
        tools(config),
        config.node("tool_choice").orElse(null),
        config.bool("parallel_tool_calls").orElse(null),
        config.number("presence_penalty", -2, 2).orElse(null),
        config.number("frequency_penalty", -2, 2).orElse(null),
        config.bool("safe_prompt").orElse(null),
        config.string("prompt_mode").orElse(null),
        config.bool("stream").orElse(false),
        passthrough(config));
  }

  /** {@code json_object} is short for {@code {type: json_object}}; maps (json_schema) pass as they are. */
  private static JsonNode responseFormat(ProviderConfig config) {
    JsonNode format = config.node("response_format").orElse(null);
    if (format == null || format.isObject()) return format;
    if (format.isTextual()) return JsonNodeFactory.instance.objectNode().put("type", format.asText());
    throw config.error(
        "response_format", "must be json_object or a map such as {type: json_schema, json_schema: {name, schema}}");
  }

  private static JsonNode tools(ProviderConfig config) {
    JsonNode tools = config.node("tools").orElse(null);
    if (tools != null && !tools.isArray())
      throw config.error("tools", "must be a list of tools such as [{type: function, function: {name, parameters}}]");
    return tools;
  }

  private static ObjectNode passthrough(ProviderConfig config) {
    JsonNode passthrough = config.node("passthrough").orElse(null);
    if (passthrough == null) return JsonNodeFactory.instance.objectNode();
    if (!passthrough.isObject()) throw config.error("passthrough", "must be a map of request fields");
    return passthrough.deepCopy();
  }
}
