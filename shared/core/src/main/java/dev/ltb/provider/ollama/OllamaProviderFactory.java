package dev.ltb.provider.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.provider.EmbeddingProvider;
import dev.ltb.provider.PriceTable;
import dev.ltb.provider.Provider;
import dev.ltb.provider.ProviderConfig;
import dev.ltb.provider.ProviderConfigException;
import dev.ltb.provider.ProviderContext;
import dev.ltb.provider.ProviderFactory;
import dev.ltb.provider.ProviderDescriptor;
import dev.ltb.provider.http.HttpConnection;
import dev.ltb.provider.ollama.internal.OllamaClient;
import dev.ltb.provider.ollama.internal.OllamaSettings;
import dev.ltb.suite.ProviderSpec;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the {@code ollama} providers: {@code ollama:chat:<model>} ({@link OllamaChatProvider}), {@code
 * ollama:completion:<model>} or {@code ollama:<model>} ({@link OllamaCompletionProvider}) and {@code
 * ollama:embed:<model>} ({@link OllamaEmbeddingProvider}). Model names keep their tag: {@code
 * ollama:chat:llama3.2:1b}.
 *
 * <p>Server: config {@code apiBaseUrl}, else {@code OLLAMA_BASE_URL}, else {@code OLLAMA_HOST} (as the
 * {@code ollama} command reads it: {@code host:port}, a scheme optional, port 11434 by default), else
 * http://localhost:11434. A key is optional (a local server needs none; ollama.com does): {@code apiKey},
 * {@code apiKeyEnvar}, else {@code OLLAMA_API_KEY}, sent as {@code Authorization: Bearer}.
 */
public final class OllamaProviderFactory implements ProviderFactory {

  private static final Logger LOG = LoggerFactory.getLogger(OllamaProviderFactory.class);

  static final String DEFAULT_BASE_URL = "http://localhost:11434";

  private static final List<String> CONNECTION_KEYS =
      List.of("apiKey", "apiKeyEnvar", "apiBaseUrl", "headers", "timeoutMs", "cost", "inputCost", "outputCost");

  private static final List<String> EMBEDDING_KEYS = List.of("truncate", "dimensions", "keep_alive", "options");

  private static final Set<String> EMBEDDING_APIS = Set.of("embed", "embedding", "embeddings");

  public static final ProviderDescriptor DESCRIPTOR =
      new ProviderDescriptor(
          "ollama",
          "ollama:chat:<model> | ollama:completion:<model> | ollama:embed:<model>",
          "Ollama's native API: /api/chat, /api/generate (NDJSON streaming) and /api/embed",
          keys());

  private static List<String> keys() {
    List<String> keys = new ArrayList<>(CONNECTION_KEYS);
    keys.addAll(OllamaSettings.KEYS);
    EMBEDDING_KEYS.stream().filter(key -> !keys.contains(key)).forEach(keys::add);
    return List.copyOf(keys);
  }

  @Override
  public ProviderDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Provider create(ProviderSpec spec, ProviderContext context) {
    ModelId id = ModelId.parse(spec.id());
    if (EMBEDDING_APIS.contains(id.api())) {
      throw new ProviderConfigException(
          "provider " + spec.id() + " is an embedding model; use it where an embedding provider is expected"
              + " (e.g. a similar assertion's provider), or ollama:chat:" + id.model() + " to generate text");
    }
    ProviderConfig config = ProviderConfig.of(spec);
    warnAboutUnknownKeys(config, OllamaSettings.KEYS);
    OllamaSettings settings = OllamaSettings.from(config);
    OllamaClient client =
        new OllamaClient(
            spec.id(), connection(config, context), context.httpClient(), PriceTable.builtIn().resolve(config, id.model()));
    return id.api().equals("chat")
        ? new OllamaChatProvider(spec.id(), id.model(), settings, client)
        : new OllamaCompletionProvider(spec.id(), id.model(), settings, client);
  }

  @Override
  public EmbeddingProvider createEmbedding(ProviderSpec spec, ProviderContext context) {
    ModelId id = ModelId.parse(spec.id());
    if (!EMBEDDING_APIS.contains(id.api())) {
      throw new ProviderConfigException(
          "provider " + spec.id() + " makes no embeddings; write the id as ollama:embed:<model>, e.g."
              + " ollama:embed:all-minilm");
    }
    ProviderConfig config = ProviderConfig.of(spec);
    warnAboutUnknownKeys(config, EMBEDDING_KEYS);
    JsonNode options = config.node("options").orElse(null);
    if (options != null && !options.isObject())
      throw config.error("options", "must be a map of model options such as {num_ctx: 4096}");
    OllamaEmbeddingProvider.Settings settings =
        new OllamaEmbeddingProvider.Settings(
            config.bool("truncate").orElse(null),
            config.integer("dimensions", 1, Integer.MAX_VALUE).orElse(null),
            config.node("keep_alive").orElse(null),
            options == null ? null : (ObjectNode) options.deepCopy());
    return new OllamaEmbeddingProvider(
        spec.id(), id.model(), settings, connection(config, context), context.httpClient());
  }

  private static HttpConnection connection(ProviderConfig config, ProviderContext context) {
    String fallback =
        context.secrets().resolve("OLLAMA_HOST").map(OllamaProviderFactory::hostUrl).orElse(DEFAULT_BASE_URL);
    URI baseUrl = config.baseUrl(context.secrets(), "OLLAMA_BASE_URL", fallback);
    String apiKey = config.apiKey(context.secrets(), "OLLAMA_API_KEY").orElse(null);
    return HttpConnection.bearer(config, baseUrl, apiKey);
  }

  /**
   * {@code OLLAMA_HOST} as a URL, read the way the {@code ollama} command reads it: {@code 0.0.0.0:11434},
   * {@code myhost}, {@code https://ollama.example.com}; without a scheme, http and port 11434.
   */
  static String hostUrl(String host) {
    String text = host.strip();
    while (text.endsWith("/")) text = text.substring(0, text.length() - 1);
    if (text.contains("://")) return text;
    boolean hasPort = text.startsWith("[") ? text.contains("]:") : text.contains(":");
    return "http://" + (text.isEmpty() ? "localhost" : text) + (hasPort ? "" : ":11434");
  }

  private static void warnAboutUnknownKeys(ProviderConfig config, List<String> apiKeys) {
    List<String> known = new ArrayList<>(CONNECTION_KEYS);
    known.addAll(apiKeys);
    List<String> ignored = config.unknownKeys(known);
    if (!ignored.isEmpty()) {
      LOG.warn(
          "provider {}: config key(s) {} are not used; put model options under options, other request fields under"
              + " passthrough",
          config.providerId(), String.join(", ", ignored));
    }
  }

  /** {@code ollama:<api>:<model>} or {@code ollama:<model>}; the model may contain colons (a tag). */
  record ModelId(String api, String model) {

    private static final Set<String> APIS = Set.of("chat", "completion", "embed", "embedding", "embeddings");

    static ModelId parse(String id) {
      String rest = id.substring(Math.min(id.length(), "ollama:".length()));
      int colon = rest.indexOf(':');
      String first = colon < 0 ? rest : rest.substring(0, colon);
      ModelId parsed =
          APIS.contains(first)
              ? new ModelId(first, colon < 0 ? "" : rest.substring(colon + 1))
              : new ModelId("completion", rest);
      if (parsed.model().isBlank()) {
        throw new ProviderConfigException(
            "provider " + id + ": no model; write the id as ollama:chat:<model>, e.g. ollama:chat:llama3.2");
      }
      return parsed;
    }
  }
}
