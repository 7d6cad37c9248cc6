package dev.ltb.aws.bedrock;

import dev.ltb.aws.bedrock.internal.BedrockErrors;
import dev.ltb.aws.bedrock.internal.ConverseRequestMapper;
import dev.ltb.aws.bedrock.internal.ConverseResponseMapper;
import dev.ltb.aws.bedrock.internal.ConverseStreamCollector;
import dev.ltb.provider.AbstractProvider;
import dev.ltb.provider.ModelPrice;
import dev.ltb.provider.ProviderException;
import dev.ltb.provider.ProviderRequest;
import dev.ltb.provider.ProviderResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/**
 * {@code bedrock:<modelId>}: a model on Amazon Bedrock through the Runtime's Converse API, or ConverseStream
 * with config {@code stream: true} (which also measures the time to the first token). One request shape for
 * every model Bedrock serves: system prompt, multi-turn messages, images, inference settings, tools and
 * guardrails. Built by {@link BedrockProviderFactory}.
 */
public final class BedrockConverseProvider extends AbstractProvider implements AutoCloseable {

  /** Beyond the SDK's own call timeout, so that its clearer error wins when both fire. */
  private static final Duration STREAM_GRACE = Duration.ofSeconds(5);

  private final ConverseRequestMapper requests;
  private final BedrockRuntimeClient client;
  private final BedrockRuntimeAsyncClient streamingClient;
  private final ModelPrice price;
  private final Duration timeout;

  /**
   * @param client for Converse; null when streaming
   * @param streamingClient for ConverseStream; null when not streaming
   * @param price the model's price, or null when unknown
   */
  BedrockConverseProvider(
      String id,
      ConverseRequestMapper requests,
      BedrockRuntimeClient client,
      BedrockRuntimeAsyncClient streamingClient,
      ModelPrice price,
      Duration timeout) {
    super(id);
    this.requests = Objects.requireNonNull(requests, "requests");
    if ((client == null) == (streamingClient == null))
      throw new IllegalArgumentException("give either a Converse client or a ConverseStream client");
    this.client = client;
    this.streamingClient = streamingClient;
    this.price = price;
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  public boolean streaming() {
    return streamingClient != null;
  }

  @Override
  protected ProviderResponse doComplete(ProviderRequest request) {
    return streaming() ? converseStream(request) : converse(request);
  }

  private ProviderResponse converse(ProviderRequest request) {
    var converseRequest = requests.converse(request);
    try {
      return ConverseResponseMapper.fromConverse(id(), client.converse(converseRequest), price);
    } catch (SdkException e) {
      throw BedrockErrors.map(id(), e);
    }
  }

  private ProviderResponse converseStream(ProviderRequest request) {
    var streamRequest = requests.converseStream(request);
    ConverseStreamCollector collector = new ConverseStreamCollector(id(), System::nanoTime);
    CompletableFuture<Void> call;
    try {
      call = streamingClient.converseStream(streamRequest, collector.handler());
    } catch (SdkException e) {
      throw BedrockErrors.map(id(), e);
    }
    try {
      call.get(timeout.plus(STREAM_GRACE).toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw BedrockErrors.map(id(), e);
    } catch (TimeoutException e) {
      call.cancel(true);
      throw new ProviderException.Timeout(id() + ": the stream did not finish within " + timeout.toMillis() + " ms", e);
    } catch (InterruptedException e) {
      call.cancel(true);
      Thread.currentThread().interrupt();
      throw new ProviderException.Unavailable(id() + ": interrupted while streaming", e);
    }
    return collector.response(price);
  }

  @Override
  public void close() {
    if (client != null) client.close();
    if (streamingClient != null) streamingClient.close();
  }
}
