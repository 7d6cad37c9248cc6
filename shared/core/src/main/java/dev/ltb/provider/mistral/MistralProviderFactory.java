package dev.ltb.provider.mistral;

import dev.ltb.provider.EmbeddingProvider;
import dev.ltb.provider.PriceTable;
import dev.ltb.provider.Provider;
import dev.ltb.provider.ProviderConfig;
import dev.ltb.provider.ProviderConfigException;
import dev.ltb.provider.ProviderContext;
import dev.ltb.provider.ProviderFactory;
import dev.ltb.provider.ProviderDescriptor;
import dev.ltb.provider.http.HttpConnection;
import dev.ltb.provider.mistral.internal.MistralSettings;
import dev.ltb.suite.ProviderSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the {@code mistral} providers: {@code mistral:<model>} or {@code mistral:chat:<model>} ({@link
 * MistralChatProvider}) and {@code mistral:embed:<model>} ({@link MistralEmbeddingProvider}). Key: {@code
 * apiKey}, {@code apiKeyEnvar}, else {@code MISTRAL_API_KEY}, sent as {@code Authorization: Bearer}; server:
 * {@code apiBaseUrl}, else https://api.mistral.ai (Mistral names no base-URL variable).
 */
public final class MistralProviderFactory implements ProviderFactory {

  private static final Logger LOG = LoggerFactory.getLogger(MistralProviderFactory.class);

  static final String DEFAULT_BASE_URL = "https://api.mistral.ai";
  static final String API_KEY_VARIABLE = "MISTRAL_API_KEY";

  private static final List<String> CONNECTION_KEYS =
      List.of("apiKey", "apiKeyEnvar", "apiBaseUrl", "headers", "timeoutMs", "cost", "inputCost", "outputCost");
  private static final List<String> EMBEDDING_KEYS = List.of("output_dimension", "output_dtype");
  private static final Set<String> EMBEDDING_APIS = Set.of("embed", "embedding", "embeddings");

  public static final ProviderDescriptor DESCRIPTOR =
      new ProviderDescriptor(
          "mistral",
          "mistral:<model> | mistral:chat:<model> | mistral:embed:<model>",
          "Mistral chat completions (/v1/chat/completions, SSE streaming) and embeddings (/v1/embeddings)",
          keys());

  private static List<String> keys() {
    List<String> keys = new ArrayList<>(CONNECTION_KEYS);
    keys.addAll(MistralSettings.KEYS);
    keys.addAll(EMBEDDING_KEYS);
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
              + " (e.g. a similar assertion's provider), or mistral:<model> to generate text");
    }
    ProviderConfig config = ProviderConfig.of(spec);
    warnAboutUnknownKeys(config, MistralSettings.KEYS);
    return new MistralChatProvider(
        spec.id(), id[1], MistralSettings.from(config), connection(config, context),
        PriceTable.builtIn().resolve(config, id[1]), context.httpClient());
  }

  @Override
  public EmbeddingProvider createEmbedding(ProviderSpec spec, ProviderContext context) {
    String[] id = apiAndModel(spec.id());
    if (!EMBEDDING_APIS.contains(id[0])) {
      throw new ProviderConfigException(
          "provider " + spec.id() + " makes no embeddings; write the id as mistral:embed:<model>, e.g."
              + " mistral:embed:mistral-embed");
    }
    ProviderConfig config = ProviderConfig.of(spec);
    warnAboutUnknownKeys(config, EMBEDDING_KEYS);
    return new MistralEmbeddingProvider(
        spec.id(), id[1], config.integer("output_dimension", 1, Integer.MAX_VALUE).orElse(null),
        config.string("output_dtype").orElse(null), connection(config, context), context.httpClient());
  }

  private static HttpConnection connection(ProviderConfig config, ProviderContext context) {
    String apiKey = config.requireApiKey(context.secrets(), API_KEY_VARIABLE);
    return HttpConnection.bearer(config, config.baseUrl(context.secrets(), null, DEFAULT_BASE_URL), apiKey);
  }

  /** {@code mistral:<model>}, {@code mistral:chat:<model>} or {@code mistral:embed:<model>}: [api, model]. */
  static String[] apiAndModel(String id) {
    String rest = id.substring(Math.min(id.length(), "mistral:".length()));
    int colon = rest.indexOf(':');
    String first = colon < 0 ? rest : rest.substring(0, colon);
    boolean named = first.equals("chat") || EMBEDDING_APIS.contains(first);
    String[] parsed = named ? new String[] {first, colon < 0 ? "" : rest.substring(colon + 1)} : new String[] {"chat", rest};
    if (parsed[1].isBlank()) {
      throw new ProviderConfigException(
          "provider " + id + ": no model; write the id as mistral:<model>, e.g. mistral:mistral-small-latest");
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
