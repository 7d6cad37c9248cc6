package dev.ltb.provider.ollama.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.provider.ProviderConfig;
import java.util.List;

/**
 * The generation settings of an Ollama provider, read and validated once from its suite config. Model
 * options ({@code temperature}, {@code num_predict}, ...) may be written at the top level, as promptfoo does,
 * or under {@code options}; both end up in the request's {@code options}.
 *
 * @param options the request's {@code options} object
 * @param format {@code json} or a JSON schema, or null
 * @param tools function tools, or null
 * @param think true/false or an effort level (high, medium, low), or null
 * @param keepAlive how long the model stays loaded, or null
 * @param stream true to read the answer as it is generated (NDJSON)
 * @param passthrough extra request fields copied into every body as they are
 */
public record OllamaSettings(
    ObjectNode options,
    JsonNode format,
    JsonNode tools,
    JsonNode think,
    JsonNode keepAlive,
    Boolean logprobs,
    Integer topLogprobs,
    boolean stream,
    ObjectNode passthrough) {

  /** Model options that may be written at the top level of the config (Ollama's own names). */
  public static final List<String> OPTION_KEYS =
      List.of(
          "temperature", "top_p", "top_k", "min_p", "num_predict", "num_ctx", "stop", "seed", "repeat_penalty",
          "repeat_last_n", "presence_penalty", "frequency_penalty");

  /** Every config key read here; {@code max_tokens} is short for {@code num_predict}. */
  public static final List<String> KEYS =
      List.of(
          "temperature", "top_p", "top_k", "min_p", "num_predict", "max_tokens", "num_ctx", "stop", "seed",
          "repeat_penalty", "repeat_last_n", "presence_penalty", "frequency_penalty", "options", "format", "tools",
          "think", "keep_alive", "logprobs", "top_logprobs", "stream", "passthrough");

  public static OllamaSettings from(ProviderConfig config) {
    Integer topLogprobs = config.integer("top_logprobs", 0, 20).orElse(null);
    return new OllamaSettings(
        options(config),
        format(config),
        tools(config),
        think(config),
        config.node("keep_alive").orElse(null),
        config.bool("logprobs").orElse(topLogprobs != null ? Boolean.TRUE : null),
        topLogprobs,
        config.bool("stream").orElse(false),
        passthrough(config));
  }

  private static ObjectNode options(ProviderConfig config) {
    ObjectNode options = JsonNodeFactory.instance.objectNode();
    JsonNode nested = config.node("options").orElse(null);
    if (nested != null) {
      if (!nested.isObject()) throw config.error("options", "must be a map of model options such as {num_ctx: 4096}");
      options.setAll((ObjectNode) nested.deepCopy());
    }
    config.number("temperature", 0, 2).ifPresent(value -> options.put("temperature", value));
    config.number("top_p", 0, 1).ifPresent(value -> options.put("top_p", value));
    config.integer("top_k", 0, Integer.MAX_VALUE).ifPresent(value -> options.put("top_k", value));
    config.number("min_p", 0, 1).ifPresent(value -> options.put("min_p", value));
    config.integer("max_tokens", -2, Integer.MAX_VALUE).ifPresent(value -> options.put("num_predict", value));
    config.integer("num_predict", -2, Integer.MAX_VALUE).ifPresent(value -> options.put("num_predict", value));
    config.integer("num_ctx", 1, Integer.MAX_VALUE).ifPresent(value -> options.put("num_ctx", value));
    config.longValue("seed").ifPresent(value -> options.put("seed", value));
    config.number("repeat_penalty").ifPresent(value -> options.put("repeat_penalty", value));
    config.integer("repeat_last_n").ifPresent(value -> options.put("repeat_last_n", value));
    config.number("presence_penalty").ifPresent(value -> options.put("presence_penalty", value));
    config.number("frequency_penalty").ifPresent(value -> options.put("frequency_penalty", value));
    List<String> stop = config.strings("stop");
    if (!stop.isEmpty()) stop.forEach(options.putArray("stop")::add);
    return options;
  }

  /** {@code json}, or a JSON schema object (structured output). */
  private static JsonNode format(ProviderConfig config) {
    JsonNode format = config.node("format").orElse(null);
    if (format == null || format.isObject()) return format;
    if (format.isTextual() && format.asText().equals("json")) return format;
    throw config.error("format", "must be json or a JSON schema such as {type: object, properties: {...}}");
  }

  private static JsonNode tools(ProviderConfig config) {
    JsonNode tools = config.node("tools").orElse(null);
    if (tools != null && !tools.isArray())
      throw config.error("tools", "must be a list of tools such as [{type: function, function: {name, parameters}}]");
    return tools;
  }

  private static JsonNode think(ProviderConfig config) {
    JsonNode think = config.node("think").orElse(null);
    if (think == null || think.isBoolean()) return think;
    if (think.isTextual() && List.of("high", "medium", "low").contains(think.asText())) return think;
    throw config.error("think", "must be true, false, high, medium or low");
  }

  private static ObjectNode passthrough(ProviderConfig config) {
    JsonNode passthrough = config.node("passthrough").orElse(null);
    if (passthrough == null) return JsonNodeFactory.instance.objectNode();
    if (!passthrough.isObject()) throw config.error("passthrough", "must be a map of request fields");
    return passthrough.deepCopy();
  }
}
