package dev.ltb.provider.cohere;

import dev.ltb.provider.AbstractEmbeddingProvider;
import dev.ltb.provider.Embedding;
import dev.ltb.provider.ProviderException;
import dev.ltb.provider.TokenUsage;
import dev.ltb.provider.cohere.internal.CohereEmbedRequest;
import dev.ltb.provider.cohere.internal.CohereEmbedResponse;
import dev.ltb.provider.http.HttpConnection;
import dev.ltb.provider.http.HttpJsonTransport;
import java.net.http.HttpClient;
import java.util.List;

/**
 * {@code cohere:embed:<model>} (e.g. {@code cohere:embed:embed-v4.0}): Cohere's Embed API v2, {@code POST
 * /v2/embed}, one text per call, float vectors. Config {@code input_type} (default {@code classification}, the
 * type Cohere recommends for comparing texts with each other), {@code truncate}, {@code output_dimension},
 * {@code max_tokens}. Built by {@link CohereProviderFactory}.
 */
public final class CohereEmbeddingProvider extends AbstractEmbeddingProvider {

  /** What is sent besides the text. */
  record Settings(String inputType, String truncate, Integer outputDimension, Integer maxTokens) {}

  private final String model;
  private final Settings settings;
  private final HttpConnection connection;
  private final HttpJsonTransport transport;

  CohereEmbeddingProvider(String id, String model, Settings settings, HttpConnection connection, HttpClient client) {
    super(id);
    this.model = model;
    this.settings = settings;
    this.connection = connection;
    this.transport = new HttpJsonTransport(client, id);
  }

  public String model() {
    return model;
  }

  @Override
  protected Embedding doEmbed(String text) {
    CohereEmbedRequest body =
        new CohereEmbedRequest(
            model, List.of(text), settings.inputType(), List.of("float"), settings.truncate(),
            settings.outputDimension(), settings.maxTokens());
    CohereEmbedResponse answer =
        transport.postJson(
            connection.resolve("/v2/embed"), connection.headers(), body, connection.timeout(), CohereEmbedResponse.class);
    if (answer.embeddings() == null || answer.embeddings().floats() == null || answer.embeddings().floats().isEmpty()
        || answer.embeddings().floats().getFirst() == null || answer.embeddings().floats().getFirst().length == 0) {
      throw new ProviderException.MalformedResponse(id() + ": the answer has no float embedding", 200, null);
    }
    Double billed =
        answer.meta() == null || answer.meta().billedUnits() == null ? null : answer.meta().billedUnits().inputTokens();
    return new Embedding(answer.embeddings().floats().getFirst(), new TokenUsage(billed == null ? 0 : Math.round(billed), 0));
  }

  @Override
  protected List<String> secrets() {
    return connection.secrets();
  }
}
