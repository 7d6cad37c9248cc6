package dev.ltb.provider.openai.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.provider.ProviderConfig;
import java.util.List;

/**
 * The generation settings of an OpenAI-style provider, read and validated once from its suite config; the
 * keys are the API's own (snake_case), as in promptfoo.
 *
 * @param passthrough extra fields copied into every request body as they are (for options the bench does
 *     not model, e.g. {@code service_tier} or a server's own extensions)
 */
public record ChatSettings(
    Double temperature,
    Double topP,
    Integer maxTokens,
    Integer maxCompletionTokens,
    List<String> stop,
    Long seed,
    Double presencePenalty,
    Double frequencyPenalty,
    JsonNode responseFormat,
    JsonNode tools,
    JsonNode toolChoice,
    Boolean parallelToolCalls,
    Boolean logprobs,
    Integer topLogprobs,
    String reasoningEffort,
    boolean stream,
    ObjectNode passthrough) {

  /** The config keys read here. */
  public static final List<String> KEYS =
      List.of(
          "temperature", "top_p", "max_tokens", "max_completion_tokens", "stop", "seed", "presence_penalty",
          "frequency_penalty", "response_format", "tools", "tool_choice", "parallel_tool_calls", "logprobs",
          "top_logprobs", "reasoning_effort", "stream", "passthrough");

  public static ChatSettings from(ProviderConfig config) {
    List<String> stop = config.strings("stop");
    Integer topLogprobs = config.integer("top_logprobs", 0, 20).orElse(null);
    return new ChatSettings(
        config.number("temperature", 0, 2).orElse(null),
        config.number("top_p", 0, 1).orElse(null),
        config.integer("max_tokens", 1, Integer.MAX_VALUE).orElse(null),
        config.integer("max_completion_tokens", 1, Integer.MAX_VALUE).orElse(null),
        stop.isEmpty() ? null : stop,
        config.longValue("seed").orElse(null),
        config.number("presence_penalty", -2, 2).orElse(null),
        config.number("frequency_penalty", -2, 2).orElse(null),
        responseFormat(config),
        tools(config),
        config.node("tool_choice").orElse(null),
        config.bool("parallel_tool_calls").orElse(null),
        config.bool("logprobs").orElse(topLogprobs != null ? Boolean.TRUE : null),
        topLogprobs,
        config.string("reasoning_effort").orElse(null),
        config.bool("stream").orElse(false),
        passthrough(config));
  }

  /** {@code response_format: json_object} is short for {@code {type: json_object}}; objects pass as they are. */
  private static JsonNode responseFormat(ProviderConfig config) {
    JsonNode format = config.node("response_format").orElse(null);
    if (format == null || format.isObject()) return format;
    if (format.isTextual()) return JsonNodeFactory.instance.objectNode().put("type", format.asText());
    throw config.error(
        "response_format", "must be a map such as {type: json_object} or {type: json_schema, json_schema: {...}}");
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
