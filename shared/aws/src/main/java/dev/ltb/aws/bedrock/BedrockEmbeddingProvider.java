package dev.ltb.aws.bedrock;

import dev.ltb.aws.bedrock.internal.BedrockErrors;
import dev.ltb.aws.bedrock.internal.EmbeddingFormat;
import dev.ltb.json.Json;
import dev.ltb.provider.AbstractProvider;
import dev.ltb.provider.Embedding;
import dev.ltb.provider.EmbeddingProvider;
import dev.ltb.provider.FinishReason;
import dev.ltb.provider.ModelPrice;
import dev.ltb.provider.ProviderRequest;
import dev.ltb.provider.ProviderResponse;
import dev.ltb.provider.TokenUsage;
import java.util.Objects;
import java.util.OptionalLong;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelResponse;

/**
 * {@code bedrock:embed:<modelId>}: text embeddings from Amazon Titan or Cohere Embed on Bedrock, through
 * InvokeModel. As a {@link dev.ltb.provider.Provider} in a run it answers with the vector as a JSON array.
 */
public final class BedrockEmbeddingProvider extends AbstractProvider implements EmbeddingProvider, AutoCloseable {

  /** Bedrock reports the tokens an InvokeModel call consumed in this header (Titan also puts it in the body). */
  static final String INPUT_TOKEN_HEADER = "X-Amzn-Bedrock-Input-Token-Count";

  private final String modelId;
  private final EmbeddingFormat format;
  private final BedrockRuntimeClient client;
  private final ModelPrice price;

  BedrockEmbeddingProvider(String id, String modelId, EmbeddingFormat format, BedrockRuntimeClient client, ModelPrice price) {
    super(id);
    this.modelId = Objects.requireNonNull(modelId, "modelId");
    this.format = Objects.requireNonNull(format, "format");
    this.client = Objects.requireNonNull(client, "client");
    this.price = price;
  }

  @Override
  public Embedding embed(String text) {
    InvokeModelRequest request =
        InvokeModelRequest.builder()
            .modelId(modelId)
            .contentType("application/json")
            .accept("application/json")
            .body(SdkBytes.fromUtf8String(format.requestBody(text)))
            .build();
    InvokeModelResponse response;
    try {
      response = client.invokeModel(request);
    } catch (SdkException e) {
      throw BedrockErrors.map(id(), e);
    }
    EmbeddingFormat.Parsed parsed = format.parse(id(), response.body().asUtf8String());
    OptionalLong tokens = parsed.inputTokens();
    if (tokens.isEmpty()) {
      tokens =
          response.sdkHttpResponse().firstMatchingHeader(INPUT_TOKEN_HEADER)
              .flatMap(BedrockEmbeddingProvider::count)
              .map(OptionalLong::of)
              .orElse(OptionalLong.empty());
    }
    return new Embedding(parsed.vector(), new TokenUsage(tokens.orElse(0), 0));
  }

  @Override
  protected ProviderResponse doComplete(ProviderRequest request) {
    Embedding embedding = embed(request.prompt());
    Double cost = price == null ? null : price.costUsd(embedding.usage());
    return ProviderResponse.of(Json.write(embedding.vector()), embedding.usage(), cost, FinishReason.STOP);
  }

  /** The cost of an embedding in USD, or null when the model's price is unknown. */
  public Double costUsd(Embedding embedding) {
    return price == null ? null : price.costUsd(embedding.usage());
  }

  @Override
  public void close() {
    client.close();
  }

  private static java.util.Optional<Long> count(String header) {
    try {
      return java.util.Optional.of(Long.parseLong(header.strip()));
    } catch (NumberFormatException e) {
      return java.util.Optional.empty();
    }
  }
}
