package dev.ltb.provider.llamacpp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.provider.ProviderConfig;
import java.util.List;

/**
 * The generation settings of a llama.cpp provider, read and validated once from its suite config. The native
 * {@code /completion} endpoint takes {@code n_predict} (or {@code max_tokens}), {@code n_probs} (or {@code
 * top_logprobs}, or {@code logprobs: true} for one), {@code json_schema} and {@code grammar}; the
 * OpenAI-compatible chat endpoint takes {@code max_tokens}, {@code logprobs}/{@code top_logprobs}, {@code
 * response_format}, {@code tools}, {@code tool_choice}.
 */
public record LlamaCppSettings(
    Double temperature,
    Double topP,
    Integer topK,
    Double minP,
    Integer maxTokens,
    List<String> stop,
    Long seed,
    Double repeatPenalty,
    Double presencePenalty,
    Double frequencyPenalty,
    boolean logprobs,
    Integer topLogprobs,
    JsonNode jsonSchema,
    String grammar,
    JsonNode responseFormat,
    JsonNode tools,
    JsonNode toolChoice,
    Boolean parallelToolCalls,
    Boolean cachePrompt,
    boolean stream,
    ObjectNode passthrough) {

  public static final List<String> KEYS =
      List.of(
          "temperature", "top_p", "top_k", "min_p", "max_tokens", "n_predict", "stop", "seed", "repeat_penalty",
          "presence_penalty", "frequency_penalty", "logprobs", "top_logprobs", "n_probs", "json_schema", "grammar",
          "response_format", "tools", "tool_choice", "parallel_tool_calls", "cache_prompt", "stream", "passthrough");

  public static LlamaCppSettings from(ProviderConfig config) {
    List<String> stop = config.strings("stop");
    Integer topLogprobs =
        config.integer("n_probs", 0, 100).or(() -> config.integer("top_logprobs", 0, 100)).orElse(null);
    boolean logprobs = config.bool("logprobs").orElse(topLogprobs != null && topLogprobs > 0);
    return new LlamaCppSettings(
        config.number("temperature", 0, 5).orElse(null),
        config.number("top_p", 0, 1).orElse(null),
        config.integer("top_k", 0, Integer.MAX_VALUE).orElse(null),
        config.number("min_p", 0, 1).orElse(null),
        config.integer("n_predict", -1, Integer.MAX_VALUE)
            .or(() -> config.integer("max_tokens", 1, Integer.MAX_VALUE))
            .orElse(null),
        stop.isEmpty() ? null : stop,
        config.longValue("seed").orElse(null),
        config.number("repeat_penalty").orElse(null),
        config.number("presence_penalty").orElse(null),
        config.number("frequency_penalty").orElse(null),
        logprobs,
        topLogprobs,
        object(config, "json_schema", "must be a JSON schema such as {type: object, properties: {...}}"),
        config.string("grammar").orElse(null),
        responseFormat(config),
        tools(config),
        config.node("tool_choice").orElse(null),
        config.bool("parallel_tool_calls").orElse(null),
        config.bool("cache_prompt").orElse(null),
        config.bool("stream").orElse(false),
        passthrough(config));
  }

  private static JsonNode responseFormat(ProviderConfig config) {
    JsonNode format = config.node("response_format").orElse(null);
    if (format == null || format.isObject()) return format;
    if (format.isTextual()) return JsonNodeFactory.instance.objectNode().put("type", format.asText());
    throw config.error("response_format", "must be json_object or a map such as {type: json_schema, json_schema: {...}}");
  }

  private static JsonNode tools(ProviderConfig config) {
    JsonNode tools = config.node("tools").orElse(null);
    if (tools != null && !tools.isArray())
      throw config.error("tools", "must be a list of tools such as [{type: function, function: {name, parameters}}]");
    return tools;
  }

  private static JsonNode object(ProviderConfig config, String key, String problem) {
    JsonNode value = config.node(key).orElse(null);
    if (value != null && !value.isObject()) throw config.error(key, problem);
    return value;
  }

  private static ObjectNode passthrough(ProviderConfig config) {
    JsonNode passthrough = config.node("passthrough").orElse(null);
    if (passthrough == null) return JsonNodeFactory.instance.objectNode();
    if (!passthrough.isObject()) throw config.error("passthrough", "must be a map of request fields");
    return passthrough.deepCopy();
  }
}
