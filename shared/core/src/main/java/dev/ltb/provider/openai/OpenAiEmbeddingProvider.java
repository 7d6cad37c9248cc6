package dev.ltb.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.provider.AbstractEmbeddingProvider;
import dev.ltb.provider.Embedding;
import dev.ltb.provider.ProviderConfig;
import dev.ltb.provider.ProviderConfigException;
import dev.ltb.provider.ProviderContext;
import dev.ltb.provider.ProviderException;
import dev.ltb.provider.TokenUsage;
import dev.ltb.provider.http.HttpJsonTransport;
import dev.ltb.provider.openai.internal.EmbeddingList;
import dev.ltb.suite.ProviderSpec;
import java.net.http.HttpClient;
import java.util.List;

/**
 * {@code openai:embedding:<model>} (or {@code openai:embeddings:<model>}): OpenAI's embeddings API ({@code
 * POST /embeddings}, float vectors), and any OpenAI-compatible server that offers it via {@code apiBaseUrl}.
 * Config: {@code dimensions} (for models that can shorten their vectors), {@code passthrough}, and the
 * connection keys of {@code openai:chat}.
 */
public final class OpenAiEmbeddingProvider extends AbstractEmbeddingProvider {

  /** The config keys besides the connection's. */
  static final List<String> KEYS =
      OpenAiChatProvider.concat(Connection.CONFIG_KEYS, List.of("dimensions", "passthrough"));

  private final String model;
  private final Connection connection;
  private final Integer dimensions;
  private final ObjectNode passthrough;
  private final HttpJsonTransport transport;

  private OpenAiEmbeddingProvider(
      String id,
      String model,
      Connection connection,
      Integer dimensions,
      ObjectNode passthrough,
      HttpClient client) {
    super(id);
    this.model = model;
    this.connection = connection;
    this.dimensions = dimensions;
    this.passthrough = passthrough;
    this.transport = new HttpJsonTransport(client, id);
  }

  public String model() {
    return model;
  }

  @Override
  protected Embedding doEmbed(String text) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("input", text).put("model", model).put("encoding_format", "float");
    if (dimensions != null) body.put("dimensions", dimensions);
    body.setAll(passthrough);
    EmbeddingList answer =
        transport.postJson(
            connection.endpoint(), connection.headers(), body, connection.timeout(), EmbeddingList.class);
    if (answer.data() == null || answer.data().isEmpty() || answer.data().getFirst().embedding() == null
        || answer.data().getFirst().embedding().length == 0) {
      throw new ProviderException.MalformedResponse(id() + ": the answer has no embedding", 200, null);
    }
    EmbeddingList.Usage usage = answer.usage();
    long tokens = usage == null || usage.promptTokens() == null ? 0 : usage.promptTokens();
    return new Embedding(answer.data().getFirst().embedding(), new TokenUsage(tokens, 0));
  }

  @Override
  protected List<String> secrets() {
    return connection.secrets();
  }

  /** Builds {@code openai:embedding:<model>} providers. */
  public static final class Factory {

    public OpenAiEmbeddingProvider create(ProviderSpec spec, ProviderContext context) {
      ProviderConfig config = ProviderConfig.of(spec);
      config.rejectUnknownKeys(KEYS);
      ModelId id = ModelId.parse(spec.id(), "openai");
      if (!id.isEmbedding()) {
        throw new ProviderConfigException(
            "provider " + spec.id() + ": not an embedding model; write openai:embedding:<model>, e.g."
                + " openai:embedding:text-embedding-3-small");
      }
      String model =
          id.requireModel(spec.id(), "openai:embedding:<model>", "openai:embedding:text-embedding-3-small");
      JsonNode passthrough = config.node("passthrough").orElse(JsonNodeFactory.instance.objectNode());
      if (!passthrough.isObject()) throw config.error("passthrough", "must be a map of request fields");
      return new OpenAiEmbeddingProvider(
          spec.id(), model, Connection.of(config, context, OpenAiCompatibleVendor.OPENAI, "/embeddings"),
          config.integer("dimensions", 1, Integer.MAX_VALUE).orElse(null), ((ObjectNode) passthrough).deepCopy(),
          context.httpClient());
    }
  }
}
