package dev.ltb.provider.cohere;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.provider.AbstractProvider;
import dev.ltb.provider.ModelPrice;
import dev.ltb.provider.ProviderException;
import dev.ltb.provider.ProviderRequest;
import dev.ltb.provider.ProviderResponse;
import dev.ltb.provider.cohere.internal.CohereAnswer;
import dev.ltb.provider.cohere.internal.CohereChatResponse;
import dev.ltb.provider.cohere.internal.CohereMapper;
import dev.ltb.provider.cohere.internal.CohereSettings;
import dev.ltb.provider.cohere.internal.CohereStreamEvent;
import dev.ltb.provider.http.HttpConnection;
import dev.ltb.provider.http.HttpJsonTransport;
import dev.ltb.provider.http.SseEvent;
import dev.ltb.provider.http.SseStream;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Optional;

/**
 * {@code cohere:<model>} (or {@code cohere:chat:<model>}): Cohere's Chat API v2, {@code POST /v2/chat}. Sends
 * the conversation (images as {@code image_url} parts) with {@code temperature}, {@code p}, {@code k}, {@code
 * max_tokens}, {@code stop_sequences}, {@code seed}, penalties, {@code response_format}, {@code tools} (calls
 * come back in the common shape), {@code tool_choice}, {@code safety_mode}, {@code logprobs} and {@code
 * thinking}; reads the finish reason (COMPLETE, MAX_TOKENS, TOOL_CALL, ...) and the usage in billed units.
 * With {@code stream: true} the answer is read from the typed events ({@code content-delta} ... {@code
 * message-end}) and the time to the first token measured. Built by {@link CohereProviderFactory}.
 */
public final class CohereChatProvider extends AbstractProvider {

  private final String model;
  private final CohereSettings settings;
  private final HttpConnection connection;
  private final Optional<ModelPrice> price;
  private final HttpJsonTransport transport;

  CohereChatProvider(
      String id,
      String model,
      CohereSettings settings,
      HttpConnection connection,
      Optional<ModelPrice> price,
      HttpClient client) {
    super(id);
    this.model = model;
    this.settings = settings;
    this.connection = connection;
    this.price = price;
    this.transport = new HttpJsonTransport(client, id);
  }

  public String model() {
    return model;
  }

  @Override
  protected ProviderResponse doComplete(ProviderRequest request) {
    ObjectNode body = CohereMapper.toRequest(model, settings, request);
    CohereAnswer answer = body.path("stream").asBoolean(false) ? streamed(body) : whole(body);
    ProviderResponse response = answer.toResponse();
    if (!answer.usageReported()) return response;
    return response.withCost(price.map(known -> known.costUsd(response.usage())).orElse(null));
  }

  @Override
  protected List<String> secrets() {
    return connection.secrets();
  }

  private CohereAnswer whole(ObjectNode body) {
    CohereChatResponse response =
        transport.postJson(
            connection.resolve("/v2/chat"), connection.headers(), body, connection.timeout(), CohereChatResponse.class);
    if (response.message() == null)
      throw new ProviderException.MalformedResponse(id() + ": the answer has no message", 200, null);
    CohereAnswer answer = new CohereAnswer(null);
    answer.accept(response);
    return answer;
  }

  private CohereAnswer streamed(ObjectNode body) {
    return transport.postStreaming(
        connection.resolve("/v2/chat"),
        connection.headersWith("Accept", "text/event-stream"),
        body,
        connection.timeout(),
        response -> {
          CohereAnswer answer = new CohereAnswer(response::elapsedMillis);
          try (SseStream events = new SseStream(response.body())) {
            for (SseEvent event : events) {
              answer.accept(event.json(CohereStreamEvent.class));
              if (answer.ended()) break;
            }
          }
          if (answer.error() != null) {
            throw new ProviderException.ServerError(
                id() + ": the server failed while streaming: " + answer.error(), 200, null);
          }
          if (!answer.ended()) {
            throw new ProviderException.ServerError(
                id() + ": the stream ended before its message-end event; the server may have stopped mid-answer", 200,
                null);
          }
          return answer;
        });
  }
}
