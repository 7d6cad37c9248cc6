package dev.ltb.provider.gemini;

import dev.ltb.provider.Embedding;
import dev.ltb.provider.EmbeddingProvider;
import dev.ltb.provider.ProviderConfig;
import dev.ltb.provider.ProviderConfigException;
import dev.ltb.provider.ProviderContext;
import dev.ltb.provider.ProviderDescriptor;
import dev.ltb.provider.ProviderException;
import dev.ltb.provider.Redaction;
import dev.ltb.provider.TokenUsage;
import dev.ltb.provider.gemini.internal.EmbedContent;
import dev.ltb.provider.http.HttpJsonTransport;
import dev.ltb.suite.ProviderSpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code gemini:embed:<model>} (or {@code google:embed:<model>}): the Gemini API's {@code
 * models/{model}:embedContent}, e.g. {@code gemini:embed:gemini-embedding-001}. Config: the connection keys of
 * {@link GeminiGenerateContentProvider}, {@code taskType} (e.g. {@code SEMANTIC_SIMILARITY}) and {@code
 * outputDimensionality}. The API reports no token usage for embeddings.
 */
public final class GeminiEmbeddingProvider implements EmbeddingProvider {

  public static final List<String> SETTING_KEYS = List.of("taskType", "outputDimensionality");

  public static final ProviderDescriptor DESCRIPTOR =
      new ProviderDescriptor(
          "gemini",
          "gemini:embed:<model>",
          "Google Gemini API embeddings (embedContent), for similarity assertions",
          keys());

  private final String id;
  private final String model;
  private final URI endpoint;
  private final Map<String, String> headers;
  private final Duration timeout;
  private final String apiKey;
  private final String taskType;
  private final Integer outputDimensionality;
  private final HttpJsonTransport transport;

  private GeminiEmbeddingProvider(Factory.Settings settings, HttpClient client) {
    this.id = settings.id();
    this.model = settings.model();
    this.endpoint = URI.create(settings.modelUrl() + ":embedContent");
    this.headers = Map.copyOf(settings.headers());
    this.timeout = settings.timeout();
    this.apiKey = settings.apiKey();
    this.taskType = settings.taskType();
    this.outputDimensionality = settings.outputDimensionality();
    this.transport = new HttpJsonTransport(client, id);
  }

  @Override
  public String id() {
    return id;
  }

  /** The model named in the request URL. */
  public String model() {
    return model;
  }

  @Override
  public Embedding embed(String text) {
    Objects.requireNonNull(text, "text");
    try {
      EmbedContent.Request body = EmbedContent.Request.of(model, text, taskType, outputDimensionality);
      EmbedContent.Response answer =
          transport.postJson(endpoint, headers, body, timeout, EmbedContent.Response.class);
      List<Float> values = answer.embedding() == null ? null : answer.embedding().values();
      if (values == null || values.isEmpty())
        throw new ProviderException.MalformedResponse(id + ": the answer has no embedding values", 200, null);
      float[] vector = new float[values.size()];
      for (int i = 0; i < vector.length; i++) {
        if (values.get(i) == null)
          throw new ProviderException.MalformedResponse(id + ": the embedding has a null component", 200, null);
        vector[i] = values.get(i);
      }
      return new Embedding(vector, TokenUsage.NONE);
    } catch (ProviderException e) {
      String message = Redaction.redact(e.getMessage(), List.of(apiKey));
      throw Objects.equals(message, e.getMessage()) ? e : e.withMessage(message);
    }
  }

  private static List<String> keys() {
    List<String> keys = new ArrayList<>(GeminiGenerateContentProvider.CONNECTION_KEYS);
    keys.removeAll(List.of("cost", "inputCost", "outputCost"));
    keys.addAll(SETTING_KEYS);
    return List.copyOf(keys);
  }

  /** Builds {@code gemini:embed:<model>} and {@code google:embed:<model>} embedding providers. */
  public static final class Factory {

    record Settings(
        String id,
        String model,
        String modelUrl,
        Map<String, String> headers,
        Duration timeout,
        String apiKey,
        String taskType,
        Integer outputDimensionality) {}

    public ProviderDescriptor descriptor() {
      return DESCRIPTOR;
    }

    /** True for ids this factory builds: {@code gemini:embed:...} and {@code google:embed:...}. */
    public boolean supports(String providerId) {
      return providerId.startsWith("gemini:embed:") || providerId.startsWith("google:embed:");
    }

    /**
     * @throws ProviderConfigException when the id or config is unusable
     */
    public GeminiEmbeddingProvider create(ProviderSpec spec, ProviderContext context) {
      if (!supports(spec.id()))
        throw new ProviderConfigException("provider " + spec.id() + ": write the id as gemini:embed:<model>");
      String model = spec.id().substring(spec.id().indexOf(":embed:") + ":embed:".length());
      if (model.startsWith("models/")) model = model.substring("models/".length());
      if (model.isBlank() || model.contains(":") || model.contains("/")) {
        throw new ProviderConfigException(
            "provider " + spec.id()
                + ": write the id as gemini:embed:<model>, e.g. gemini:embed:gemini-embedding-001");
      }
      ProviderConfig config = ProviderConfig.of(spec);
      config.rejectUnknownKeys(DESCRIPTOR.configKeys());
      String apiKey = GeminiGenerateContentProvider.apiKey(config, context.secrets());
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("x-goog-api-key", apiKey);
      headers.putAll(config.stringMap("headers"));
      Settings settings =
          new Settings(
              spec.id(),
              model,
              GeminiGenerateContentProvider.baseUrl(config, context.secrets()) + "/models/" + model,
              headers,
              config.requestTimeout(),
              apiKey,
              config.string("taskType").filter(type -> !type.isBlank()).orElse(null),
              config.integer("outputDimensionality", 1, Integer.MAX_VALUE).orElse(null));
      return new GeminiEmbeddingProvider(settings, context.httpClient());
    }
  }
}
