package dev.ltb.provider.gemini.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.provider.ProviderConfig;
import java.util.List;

/**
 * The generation settings of a Gemini provider, read and validated once from the suite config. The keys are
 * the API's own (camelCase): the {@code generationConfig} fields may be written at the top level of the config
 * or under {@code generationConfig} (promptfoo style); the top level wins.
 *
 * @param generationConfig the request's {@code generationConfig}, or null when empty
 * @param tools Gemini tools ({@code [{functionDeclarations: [...]}]}, {@code googleSearch}, ...); OpenAI-style
 *     function tools are converted into one {@code functionDeclarations} tool
 * @param passthrough extra top-level request fields copied as they are (e.g. {@code cachedContent})
 */
public record GenerationSettings(
    ObjectNode generationConfig,
    JsonNode tools,
    JsonNode toolConfig,
    JsonNode safetySettings,
    boolean stream,
    ObjectNode passthrough) {

  /** The config keys read here. */
  public static final List<String> KEYS =
      List.of(
          "temperature", "topP", "topK", "maxOutputTokens", "stopSequences", "seed", "candidateCount",
          "presencePenalty", "frequencyPenalty", "responseMimeType", "responseSchema", "responseJsonSchema",
          "responseLogprobs", "logprobs", "thinkingConfig", "generationConfig", "tools", "toolConfig",
          "safetySettings", "stream", "passthrough");

  public static GenerationSettings from(ProviderConfig config) {
    return new GenerationSettings(
        generationConfig(config),
        tools(config),
        object(config, "toolConfig", "{functionCallingConfig: {mode: ANY}}"),
        list(config, "safetySettings", "[{category: HARM_CATEGORY_HARASSMENT, threshold: BLOCK_NONE}]"),
        config.bool("stream").orElse(false),
        passthrough(config));
  }

  private static ObjectNode generationConfig(ProviderConfig config) {
    ObjectNode generation = JsonNodeFactory.instance.objectNode();
    config.object("generationConfig").ifPresent(
        nested -> {
          // fields the bench does not model (e.g. responseModalities) pass as they are
          generation.setAll((ObjectNode) nested.json().deepCopy());
          generation.setAll(read(nested));
        });
    generation.setAll(read(config));
    boolean schema = generation.has("responseSchema") || generation.has("responseJsonSchema");
    if (schema && !generation.has("responseMimeType")) generation.put("responseMimeType", "application/json");
    boolean logprobs = generation.has("logprobs") && !generation.has("responseLogprobs");
    if (logprobs) generation.put("responseLogprobs", true);
    return generation.isEmpty() ? null : generation;
  }

  /** The generation fields present in {@code config}, validated. */
  private static ObjectNode read(ProviderConfig config) {
    ObjectNode fields = JsonNodeFactory.instance.objectNode();
    config.number("temperature", 0, 2).ifPresent(value -> fields.put("temperature", value));
    config.number("topP", 0, 1).ifPresent(value -> fields.put("topP", value));
    config.integer("topK", 1, Integer.MAX_VALUE).ifPresent(value -> fields.put("topK", value));
    config.integer("maxOutputTokens", 1, Integer.MAX_VALUE)
        .ifPresent(value -> fields.put("maxOutputTokens", value));
    List<String> stop = config.strings("stopSequences");
    if (!stop.isEmpty()) {
      ArrayNode sequences = fields.putArray("stopSequences");
      stop.forEach(sequences::add);
    }
    config.longValue("seed").ifPresent(value -> fields.put("seed", value));
    config.integer("candidateCount").ifPresent(
        count -> {
          if (count != 1)
            throw config.error("candidateCount", "must be 1: the bench scores one answer per call; use repeat");
          fields.put("candidateCount", 1);
        });
    config.number("presencePenalty", -2, 2).ifPresent(value -> fields.put("presencePenalty", value));
    config.number("frequencyPenalty", -2, 2).ifPresent(value -> fields.put("frequencyPenalty", value));
    config.string("responseMimeType").ifPresent(value -> fields.put("responseMimeType", value));
    JsonNode schema = object(config, "responseSchema", "{type: OBJECT, properties: {...}}");
    if (schema != null) fields.set("responseSchema", schema);
    JsonNode jsonSchema = object(config, "responseJsonSchema", "{type: object, properties: {...}}");
    if (jsonSchema != null) fields.set("responseJsonSchema", jsonSchema);
    config.bool("responseLogprobs").ifPresent(value -> fields.put("responseLogprobs", value));
    config.integer("logprobs", 0, Integer.MAX_VALUE).ifPresent(value -> fields.put("logprobs", value));
    JsonNode thinking = object(config, "thinkingConfig", "{thinkingBudget: 0}");
    if (thinking != null) fields.set("thinkingConfig", thinking);
    return fields;
  }

  private static JsonNode tools(ProviderConfig config) {
    JsonNode tools = list(config, "tools", "[{functionDeclarations: [{name, description, parameters}]}]");
    if (tools == null) return null;
    ArrayNode converted = JsonNodeFactory.instance.arrayNode();
    ArrayNode declarations = JsonNodeFactory.instance.arrayNode();
    for (JsonNode tool : tools) {
      if (!tool.isObject()) throw config.error("tools", "must contain only maps, found " + tool);
      JsonNode function = tool.path("function");
      boolean openAiFunction = tool.path("type").asText().equals("function") && function.isObject();
      if (openAiFunction) declarations.add(declaration(function));
      else converted.add(tool);
    }
    if (!declarations.isEmpty()) converted.addObject().set("functionDeclarations", declarations);
    return converted;
  }

  /** An OpenAI function ({@code name, description, parameters}) as a Gemini function declaration. */
  private static ObjectNode declaration(JsonNode function) {
    ObjectNode declaration = JsonNodeFactory.instance.objectNode();
    declaration.set("name", function.path("name"));
    if (function.has("description")) declaration.set("description", function.get("description"));
    if (function.has("parameters")) declaration.set("parameters", function.get("parameters"));
    return declaration;
  }

  private static JsonNode object(ProviderConfig config, String key, String example) {
    JsonNode value = config.node(key).orElse(null);
    if (value != null && !value.isObject()) throw config.error(key, "must be a map such as " + example);
    return value;
  }

  private static JsonNode list(ProviderConfig config, String key, String example) {
    JsonNode value = config.node(key).orElse(null);
    if (value != null && !value.isArray()) throw config.error(key, "must be a list such as " + example);
    return value;
  }

  private static ObjectNode passthrough(ProviderConfig config) {
    JsonNode passthrough = config.node("passthrough").orElse(null);
    if (passthrough == null) return JsonNodeFactory.instance.objectNode();
    if (!passthrough.isObject()) throw config.error("passthrough", "must be a map of request fields");
    return passthrough.deepCopy();
  }
}
