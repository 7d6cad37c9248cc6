package dev.ltb.provider.cohere;

import dev.ltb.provider.EmbeddingProvider;
import dev.ltb.provider.PriceTable;
import dev.ltb.provider.Provider;
import dev.ltb.provider.ProviderConfig;
import dev.ltb.provider.ProviderConfigException;
import dev.ltb.provider.ProviderContext;
import dev.ltb.provider.ProviderFactory;
import dev.ltb.provider.ProviderDescriptor;
import dev.ltb.provider.cohere.internal.CohereSettings;
import dev.ltb.provider.http.HttpConnection;
import dev.ltb.suite.ProviderSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the {@code cohere} providers: {@code cohere:<model>} or {@code cohere:chat:<model>} ({@link
 * CohereChatProvider}) and {@code cohere:embed:<model>} ({@link CohereEmbeddingProvider}). Key: {@code apiKey},
 * {@code apiKeyEnvar}, else {@code CO_API_KEY}, else {@code COHERE_API_KEY}, sent as {@code Authorization:
 * Bearer}; server: {@code apiBaseUrl}, else {@code CO_API_URL} (the variable Cohere's SDKs read), else
 * https://api.cohere.com.
 */
public final class CohereProviderFactory implements ProviderFactory {

  private static final Logger LOG = LoggerFactory.getLogger(CohereProviderFactory.class);

  static final String DEFAULT_BASE_URL = "https://api.cohere.com";

  private static final List<String> CONNECTION_KEYS =
      List.of("apiKey", "apiKeyEnvar", "apiBaseUrl", "headers", "timeoutMs", "cost", "inputCost", "outputCost");
  private static final List<String> EMBEDDING_KEYS = List.of("input_type", "truncate", "output_dimension", "max_tokens");
  private static final Set<String> EMBEDDING_APIS = Set.of("embed", "embedding", "embeddings");
  private static final Set<String> INPUT_TYPES =
      Set.of("search_document", "search_query", "classification", "clustering", "image");

  public static final ProviderDescriptor DESCRIPTOR =
      new ProviderDescriptor(
          "cohere",
          "cohere:<model> | cohere:chat:<model> | cohere:embed:<model>",
          "Cohere Chat API v2 (/v2/chat, typed SSE events) and Embed API v2 (/v2/embed)",
          keys());

  private static List<String> keys() {
    List<String> keys = new ArrayList<>(CONNECTION_KEYS);
    keys.addAll(CohereSettings.KEYS);
    EMBEDDING_KEYS.stream().filter(key -> !keys.contains(key)).forEach(keys::add);
    return List.copyOf(keys);
  }

  @Override
  public ProviderDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Provider create(ProviderSpec spec, ProviderContext context) {
    String[] id = apiAndModel(spec.id());
    if (EMBEDDING_APIS.contains(id[0])) {
      throw new ProviderConfigException(
          "provider " + spec.id() + " is an embedding model; use it where an embedding provider is expected"
              + " (e.g. a similar assertion's provider), or cohere:<model> to generate text");
    }
    ProviderConfig config = ProviderConfig.of(spec);
    warnAboutUnknownKeys(config, CohereSettings.KEYS);
    return new CohereChatProvider(
        spec.id(), id[1], CohereSettings.from(config), connection(config, context),
        PriceTable.builtIn().resolve(config, id[1]), context.httpClient());
  }

  @Override
  public EmbeddingProvider createEmbedding(ProviderSpec spec, ProviderContext context) {
    String[] id = apiAndModel(spec.id());
    if (!EMBEDDING_APIS.contains(id[0])) {
      throw new ProviderConfigException(
          "provider " + spec.id() + " makes no embeddings; write the id as cohere:embed:<model>, e.g."
              + " cohere:embed:embed-v4.0");
    }
    ProviderConfig config = ProviderConfig.of(spec);
    warnAboutUnknownKeys(config, EMBEDDING_KEYS);
    String inputType = config.string("input_type").map(text -> text.strip().toLowerCase(Locale.ROOT)).orElse("classification");
    if (!INPUT_TYPES.contains(inputType))
      throw config.error("input_type", "must be one of " + String.join(", ", INPUT_TYPES.stream().sorted().toList()));
    String truncate = config.string("truncate").map(text -> text.strip().toUpperCase(Locale.ROOT)).orElse(null);
    if (truncate != null && !Set.of("NONE", "START", "END").contains(truncate))
      throw config.error("truncate", "must be NONE, START or END, was " + truncate);
    CohereEmbeddingProvider.Settings settings =
        new CohereEmbeddingProvider.Settings(
            inputType, truncate, config.integer("output_dimension", 1, Integer.MAX_VALUE).orElse(null),
            config.integer("max_tokens", 1, Integer.MAX_VALUE).orElse(null));
    return new CohereEmbeddingProvider(spec.id(), id[1], settings, connection(config, context), context.httpClient());
  }

  private static HttpConnection connection(ProviderConfig config, ProviderContext context) {
    String apiKey =
        config
            .apiKey(context.secrets(), "CO_API_KEY")
            .or(() -> config.apiKey(context.secrets(), "COHERE_API_KEY"))
            .orElseThrow(
                () -> new ProviderConfigException(
                    "provider " + config.providerId() + ": no API key: set the environment variable "
                        + config.string("apiKeyEnvar").orElse("CO_API_KEY (or COHERE_API_KEY)") + " or config apiKey"));
    return HttpConnection.bearer(config, config.baseUrl(context.secrets(), "CO_API_URL", DEFAULT_BASE_URL), apiKey);
  }

  /** {@code cohere:<model>}, {@code cohere:chat:<model>} or {@code cohere:embed:<model>}: [api, model]. */
  static String[] apiAndModel(String id) {
    String rest = id.substring(Math.min(id.length(), "cohere:".length()));
    int colon = rest.indexOf(':');
    String first = colon < 0 ? rest : rest.substring(0, colon);
    boolean named = first.equals("chat") || EMBEDDING_APIS.contains(first);
    String[] parsed = named ? new String[] {first, colon < 0 ? "" : rest.substring(colon + 1)} : new String[] {"chat", rest};
    if (parsed[1].isBlank()) {
      throw new ProviderConfigException(
          "provider " + id + ": no model; write the id as cohere:<model>, e.g. cohere:command-a-03-2025");
    }
    return parsed;
  }

  private static void warnAboutUnknownKeys(ProviderConfig config, List<String> apiKeys) {
    List<String> known = new ArrayList<>(CONNECTION_KEYS);
    known.addAll(apiKeys);
    List<String> ignored = config.unknownKeys(known);
    if (!ignored.isEmpty()) {
      LOG.warn(
          "provider {}: config key(s) {} are not used; to send them to the API put them under passthrough",
          config.providerId(), String.join(", ", ignored));
    }
  }
}
