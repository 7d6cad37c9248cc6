package dev.ltb.provider.cohere.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.provider.ProviderConfig;
import java.util.List;

/**
 * The generation settings of a Cohere chat provider, read and validated once from its suite config; the keys
 * are the Chat v2 API's own ({@code p}, {@code k}, {@code stop_sequences}), and the names other vendors use are
 * accepted for them ({@code top_p}, {@code top_k}, {@code stop}).
 */
public record CohereSettings(
    Double temperature,
    Double p,
    Integer k,
    Integer maxTokens,
    List<String> stopSequences,
    Long seed,
    Double frequencyPenalty,
    Double presencePenalty,
    JsonNode responseFormat,
    JsonNode tools,
    String toolChoice,
    Boolean strictTools,
    String safetyMode,
    Boolean logprobs,
    JsonNode thinking,
    boolean stream,
    ObjectNode passthrough) {

  public static final List<String> KEYS =
      List.of(
          "temperature", "p", "top_p", "k", "top_k", "max_tokens", "stop_sequences", "stop", "seed",
          "frequency_penalty", "presence_penalty", "response_format", "tools", "tool_choice", "strict_tools",
          "safety_mode", "logprobs", "thinking", "stream", "passthrough");

  public static CohereSettings from(ProviderConfig config) {
    List<String> stop = config.has("stop_sequences") ? config.strings("stop_sequences") : config.strings("stop");
    if (stop.size() > 5) throw config.error("stop_sequences", "takes at most 5 sequences, was " + stop.size());
    return new CohereSettings(
        config.number("temperature", 0, 2).orElse(null),
        config.number("p", 0, 1).or(() -> config.number("top_p", 0, 1)).orElse(null),
        config.integer("k", 0, 500).or(() -> config.integer("top_k", 0, 500)).orElse(null),
        config.integer("max_tokens", 1, Integer.MAX_VALUE).orElse(null),
        stop.isEmpty() ? null : stop,
        config.longValue("seed").orElse(null),
        config.number("frequency_penalty", 0, 1).orElse(null),
        config.number("presence_penalty", 0, 1).orElse(null),
        responseFormat(config),
        tools(config),
        choice(config, "tool_choice", List.of("REQUIRED", "NONE")),
        config.bool("strict_tools").orElse(null),
        choice(config, "safety_mode", List.of("CONTEXTUAL", "STRICT", "OFF")),
        config.bool("logprobs").orElse(null),
        config.node("thinking").orElse(null),
        config.bool("stream").orElse(false),
        passthrough(config));
  }

  /** {@code json_object} is short for {@code {type: json_object}}; a map ({@code json_schema}) passes as it is. */
  private static JsonNode responseFormat(ProviderConfig config) {
    JsonNode format = config.node("response_format").orElse(null);
    if (format == null || format.isObject()) return format;
    if (format.isTextual()) return JsonNodeFactory.instance.objectNode().put("type", format.asText());
    throw config.error("response_format", "must be json_object or a map such as {type: json_object, json_schema: {...}}");
  }

  private static JsonNode tools(ProviderConfig config) {
    JsonNode tools = config.node("tools").orElse(null);
    if (tools != null && !tools.isArray())
      throw config.error("tools", "must be a list of tools such as [{type: function, function: {name, parameters}}]");
    return tools;
  }

  private static String choice(ProviderConfig config, String key, List<String> allowed) {
    String value = config.string(key).map(text -> text.strip().toUpperCase(java.util.Locale.ROOT)).orElse(null);
    if (value != null && !allowed.contains(value))
      throw config.error(key, "must be one of " + String.join(", ", allowed) + ", was " + value);
    return value;
  }

  private static ObjectNode passthrough(ProviderConfig config) {
    JsonNode passthrough = config.node("passthrough").orElse(null);
    if (passthrough == null) return JsonNodeFactory.instance.objectNode();
    if (!passthrough.isObject()) throw config.error("passthrough", "must be a map of request fields");
    return passthrough.deepCopy();
  }
}
