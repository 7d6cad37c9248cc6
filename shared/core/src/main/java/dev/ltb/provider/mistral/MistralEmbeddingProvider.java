package dev.ltb.provider.mistral;

import dev.ltb.provider.AbstractEmbeddingProvider;
import dev.ltb.provider.Embedding;
import dev.ltb.provider.ProviderException;
import dev.ltb.provider.TokenUsage;
import dev.ltb.provider.http.HttpConnection;
import dev.ltb.provider.http.HttpJsonTransport;
import dev.ltb.provider.mistral.internal.MistralEmbeddingRequest;
import dev.ltb.provider.mistral.internal.MistralEmbeddingResponse;
import java.net.http.HttpClient;
import java.util.List;

/**
 * {@code mistral:embed:<model>} (e.g. {@code mistral:embed:mistral-embed}): Mistral's embeddings API, {@code
 * POST /v1/embeddings}, one text per call; config {@code output_dimension} and {@code output_dtype} (float by
 * default). Built by {@link MistralProviderFactory}.
 */
public final class MistralEmbeddingProvider extends AbstractEmbeddingProvider {

  private final String model;
  private final Integer outputDimension;
  private final String outputDtype;
  private final HttpConnection connection;
  private final HttpJsonTransport transport;

  MistralEmbeddingProvider(
      String id, String model, Integer outputDimension, String outputDtype, HttpConnection connection,
      HttpClient client) {
    super(id);
    this.model = model;
    this.outputDimension = outputDimension;
    this.outputDtype = outputDtype;
    this.connection = connection;
    this.transport = new HttpJsonTransport(client, id);
  }

  public String model() {
    return model;
  }

  @Override
  protected Embedding doEmbed(String text) {
    MistralEmbeddingResponse answer =
        transport.postJson(
            connection.resolve("/v1/embeddings"), connection.headers(),
            new MistralEmbeddingRequest(model, text, outputDimension, outputDtype), connection.timeout(),
            MistralEmbeddingResponse.class);
    if (answer.data() == null || answer.data().isEmpty() || answer.data().getFirst().embedding() == null
        || answer.data().getFirst().embedding().length == 0) {
      throw new ProviderException.MalformedResponse(id() + ": the answer has no embedding", 200, null);
    }
    long tokens = answer.usage() == null || answer.usage().promptTokens() == null ? 0 : answer.usage().promptTokens();
    return new Embedding(answer.data().getFirst().embedding(), new TokenUsage(tokens, 0));
  }

  @Override
  protected List<String> secrets() {
    return connection.secrets();
  }
}
