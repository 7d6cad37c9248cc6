package dev.ltb.aws.bedrock.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.json.Json;
import dev.ltb.provider.ProviderConfig;
import dev.ltb.provider.ProviderConfigException;
import dev.ltb.provider.ProviderException;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The InvokeModel bodies of the embedding model families on Bedrock: Amazon Titan text embeddings ({@code
 * {"inputText"}} → {@code embedding}, {@code inputTextTokenCount}) and Cohere Embed ({@code {"texts",
 * "input_type"}} → {@code embeddings}, either a list of vectors or {@code {"float": [...]}} by type).
 */
public sealed interface EmbeddingFormat {

  /** Config keys the formats read. */
  List<String> KEYS = List.of("dimensions", "normalize", "inputType", "truncate");

  String requestBody(String text);

  /** The vector; token count from the body when the body has one. */
  Parsed parse(String providerId, String body);

  record Parsed(float[] vector, OptionalLong inputTokens) {}

  /**
   * The format for a model id (a cross-region profile such as {@code us.cohere.embed-v4:0} included).
   *
   * @throws ProviderConfigException for a model of another family, or settings it does not take
   */
  static EmbeddingFormat forModel(String modelId, ProviderConfig config) {
    String model = modelId.toLowerCase(Locale.ROOT);
    if (model.contains("amazon.titan-embed-text") || model.contains("amazon.titan-embed-g1-text")) {
      rejectKeys(config, List.of("inputType", "truncate"), "is for Cohere Embed models, not " + modelId);
      boolean v1 = model.contains("titan-embed-text-v1") || model.contains("g1-text");
      if (v1 && (config.has("dimensions") || config.has("normalize")))
        throw config.error(config.has("dimensions") ? "dimensions" : "normalize", "is not supported by " + modelId + " (Titan v2 has it)");
      return new Titan(config.integer("dimensions").orElse(null), config.bool("normalize").orElse(null));
    }
    if (model.contains("cohere.embed")) {
      rejectKeys(config, List.of("dimensions", "normalize"), "is for Titan embedding models, not " + modelId);
      return new Cohere(config.string("inputType").orElse("search_document"), config.string("truncate").orElse(null));
    }
    throw new ProviderConfigException(
        "provider " + config.providerId() + ": bedrock:embed supports Amazon Titan text embeddings "
            + "(amazon.titan-embed-text-v2:0) and Cohere Embed (cohere.embed-english-v3); " + modelId + " is neither");
  }

  /** Amazon Titan Text Embeddings G1 and V2. */
  record Titan(Integer dimensions, Boolean normalize) implements EmbeddingFormat {

    @Override
    public String requestBody(String text) {
      ObjectNode body = Json.mapper().createObjectNode().put("inputText", text);
      if (dimensions != null) body.put("dimensions", dimensions);
      if (normalize != null) body.put("normalize", normalize);
      return Json.write(body);
    }

    @Override
    public Parsed parse(String providerId, String body) {
      JsonNode root = EmbeddingFormat.read(providerId, body);
      JsonNode tokens = root.path("inputTextTokenCount");
      return new Parsed(
          EmbeddingFormat.vector(providerId, root.path("embedding"), "embedding"),
          tokens.isIntegralNumber() ? OptionalLong.of(tokens.longValue()) : OptionalLong.empty());
    }
  }

  /** Cohere Embed v3 and v4 on Bedrock; the token count comes from the response header. */
  record Cohere(String inputType, String truncate) implements EmbeddingFormat {

    @Override
    public String requestBody(String text) {
      ObjectNode body = Json.mapper().createObjectNode();
      body.putArray("texts").add(text);
      body.put("input_type", inputType);
      if (truncate != null) body.put("truncate", truncate);
      return Json.write(body);
    }

    @Override
    public Parsed parse(String providerId, String body) {
      JsonNode embeddings = EmbeddingFormat.read(providerId, body).path("embeddings");
      JsonNode first = embeddings.isObject() ? embeddings.path("float").path(0) : embeddings.path(0);
      return new Parsed(EmbeddingFormat.vector(providerId, first, "embeddings[0]"), OptionalLong.empty());
    }
  }

  private static void rejectKeys(ProviderConfig config, List<String> keys, String problem) {
    for (String key : keys) {
      if (config.has(key)) throw config.error(key, problem);
    }
  }

  private static JsonNode read(String providerId, String body) {
    try {
      JsonNode root = Json.mapper().readTree(body);
      if (root != null && root.isObject()) return root;
    } catch (JsonProcessingException e) {
      // reported below
    }
    throw new ProviderException.MalformedResponse(providerId + ": the embedding answer is not a JSON object", 200, null);
  }

  private static float[] vector(String providerId, JsonNode array, String field) {
    if (!array.isArray() || array.isEmpty())
      throw new ProviderException.MalformedResponse(providerId + ": the answer has no " + field + " vector", 200, null);
    float[] vector = new float[array.size()];
    for (int i = 0; i < vector.length; i++) {
      if (!array.get(i).isNumber())
        throw new ProviderException.MalformedResponse(providerId + ": " + field + "[" + i + "] is not a number", 200, null);
      vector[i] = array.get(i).floatValue();
    }
    return vector;
  }
}
