package dev.ltb.provider.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.provider.AbstractEmbeddingProvider;
import dev.ltb.provider.Embedding;
import dev.ltb.provider.ProviderException;
import dev.ltb.provider.TokenUsage;
import dev.ltb.provider.http.HttpConnection;
import dev.ltb.provider.http.HttpJsonTransport;
import dev.ltb.provider.ollama.internal.OllamaEmbedRequest;
import dev.ltb.provider.ollama.internal.OllamaEmbedResponse;
import java.net.http.HttpClient;
import java.util.List;

/**
 * {@code ollama:embed:<model>}: Ollama's embeddings API, {@code POST /api/embed}, one text per call; config
 * {@code truncate}, {@code dimensions}, {@code keep_alive} and {@code options}. Built by {@link
 * OllamaProviderFactory}.
 */
public final class OllamaEmbeddingProvider extends AbstractEmbeddingProvider {

  /**
   * What is sent besides the text.
   *
   * @param truncate false to fail on inputs longer than the context instead of cutting them, or null
   * @param dimensions the size of the vector, for models that can shorten it, or null
   */
  record Settings(Boolean truncate, Integer dimensions, JsonNode keepAlive, ObjectNode options) {}

  private final String model;
  private final Settings settings;
  private final HttpConnection connection;
  private final HttpJsonTransport transport;

  OllamaEmbeddingProvider(String id, String model, Settings settings, HttpConnection connection, HttpClient client) {
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
    OllamaEmbedRequest body =
        new OllamaEmbedRequest(
            model, text, settings.truncate(), settings.dimensions(), settings.keepAlive(), settings.options());
    OllamaEmbedResponse answer =
        transport.postJson(
            connection.resolve("/api/embed"), connection.headers(), body, connection.timeout(),
            OllamaEmbedResponse.class);
    if (answer.embeddings() == null || answer.embeddings().isEmpty() || answer.embeddings().getFirst() == null
        || answer.embeddings().getFirst().length == 0) {
      throw new ProviderException.MalformedResponse(id() + ": the answer has no embedding", 200, null);
    }
    long tokens = answer.promptEvalCount() == null ? 0 : answer.promptEvalCount();
    return new Embedding(answer.embeddings().getFirst(), new TokenUsage(tokens, 0));
  }

  @Override
  protected List<String> secrets() {
    return connection.secrets();
  }
}
