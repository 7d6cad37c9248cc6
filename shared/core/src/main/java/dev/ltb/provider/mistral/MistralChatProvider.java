package dev.ltb.provider.mistral;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.json.Json;
import dev.ltb.provider.AbstractProvider;
import dev.ltb.provider.ModelPrice;
import dev.ltb.provider.PriceTable;
import dev.ltb.provider.ProviderException;
import dev.ltb.provider.ProviderRequest;
import dev.ltb.provider.ProviderResponse;
import dev.ltb.provider.http.HttpConnection;
import dev.ltb.provider.http.HttpErrorMapper;
import dev.ltb.provider.http.HttpJsonTransport;
import dev.ltb.provider.http.SseEvent;
import dev.ltb.provider.http.SseStream;
import dev.ltb.provider.mistral.internal.MistralAnswer;
import dev.ltb.provider.mistral.internal.MistralChatCompletion;
import dev.ltb.provider.mistral.internal.MistralMapper;
import dev.ltb.provider.mistral.internal.MistralSettings;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Optional;

/**
 * {@code mistral:<model>} (or {@code mistral:chat:<model>}): Mistral's chat completions API, {@code POST
 * /v1/chat/completions}. OpenAI-like, with Mistral's own fields: {@code random_seed} (or {@code seed}), {@code
 * safe_prompt}, {@code prompt_mode}, {@code response_format} (json_object or json_schema), {@code tools}, {@code
 * tool_choice} (auto, none, any, required), {@code parallel_tool_calls}; its {@code model_length} finish reason
 * counts as length. With {@code stream: true} the answer is read as server-sent events ending with {@code data:
 * [DONE]} and the time to the first token measured. Built by {@link MistralProviderFactory}.
 */
public final class MistralChatProvider extends AbstractProvider {

  private final String model;
  private final MistralSettings settings;
  private final HttpConnection connection;
  private final Optional<ModelPrice> price;
  private final HttpJsonTransport transport;

  MistralChatProvider(
      String id,
      String model,
      MistralSettings settings,
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
    ObjectNode body = MistralMapper.toRequest(model, settings, request);
    MistralAnswer answer = body.path("stream").asBoolean(false) ? streamed(body) : whole(body);
    ProviderResponse response = answer.toResponse();
    if (!answer.usageReported()) return response;
    return response.withCost(
        price.or(() -> PriceTable.builtIn().lookup(answer.model())).map(known -> known.costUsd(response.usage()))
            .orElse(null));
  }

  @Override
  protected List<String> secrets() {
    return connection.secrets();
  }

  private MistralAnswer whole(ObjectNode body) {
    MistralChatCompletion completion =
        transport.postJson(
            connection.resolve("/v1/chat/completions"), connection.headers(), body, connection.timeout(),
            MistralChatCompletion.class);
    if (completion.choices() == null || completion.choices().isEmpty())
      throw new ProviderException.MalformedResponse(id() + ": the answer has no choices", 200, null);
    MistralAnswer answer = new MistralAnswer(null);
    answer.accept(completion);
    return answer;
  }

  private MistralAnswer streamed(ObjectNode body) {
    return transport.postStreaming(
        connection.resolve("/v1/chat/completions"),
        connection.headersWith("Accept", "text/event-stream"),
        body,
        connection.timeout(),
        response -> {
          MistralAnswer answer = new MistralAnswer(response::elapsedMillis);
          try (SseStream events = new SseStream(response.body())) {
            for (SseEvent event : events) {
              JsonNode json = event.json();
              MistralChatCompletion chunk = Json.mapper().treeToValue(json, MistralChatCompletion.class);
              if (chunk.isError() || json.has("error")) {
                throw new ProviderException.ServerError(
                    id() + ": the server failed while streaming: " + HttpErrorMapper.vendorMessage(event.data()), 200,
                    null);
              }
              answer.accept(chunk);
            }
          }
          if (answer.chunks() == 0)
            throw new ProviderException.MalformedResponse(id() + ": the stream ended before any answer", 200, null);
          if (!answer.finished()) {
            throw new ProviderException.ServerError(
                id() + ": the stream ended before its last chunk (no finish_reason); the server may have stopped"
                    + " mid-answer",
                200,
                null);
          }
          return answer;
        });
  }
}
