package dev.ltb.provider.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.provider.AbstractProvider;
import dev.ltb.provider.ModelPrice;
import dev.ltb.provider.PriceTable;
import dev.ltb.provider.ProviderConfig;
import dev.ltb.provider.ProviderConfigException;
import dev.ltb.provider.ProviderContext;
import dev.ltb.provider.ProviderDescriptor;
import dev.ltb.provider.ProviderException;
import dev.ltb.provider.ProviderFactory;
import dev.ltb.provider.ProviderRequest;
import dev.ltb.provider.ProviderResponse;
import dev.ltb.provider.http.HttpErrorMapper;
import dev.ltb.provider.http.HttpJsonTransport;
import dev.ltb.provider.http.RetryAfter;
import dev.ltb.provider.http.SseEvent;
import dev.ltb.provider.http.SseStream;
import dev.ltb.provider.openai.internal.ChatResult;
import dev.ltb.provider.openai.internal.ModelResponse;
import dev.ltb.provider.openai.internal.OpenAiResponsesMapper;
import dev.ltb.provider.openai.internal.ResponseStreamAccumulator;
import dev.ltb.provider.openai.internal.ResponseStreamEvent;
import dev.ltb.provider.openai.internal.ResponsesSettings;
import dev.ltb.suite.ProviderSpec;
import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code openai:responses:<model>}: OpenAI's Responses API ({@code POST /responses}).
 *
 * <p>Sends leading system messages as {@code instructions} (after config {@code instructions}) and the rest
 * of the conversation as {@code input} (images as {@code input_image} parts), with {@code temperature},
 * {@code top_p}, {@code max_output_tokens}, {@code tools} (function tools come back as {@code function_call}
 * items, returned as tool calls; built-in tools pass as they are), {@code tool_choice}, {@code
 * parallel_tool_calls}, {@code reasoning} (passed through; {@code reasoning_effort} is short for its effort),
 * {@code text} (output format; {@code response_format} is translated), logprobs ({@code top_logprobs}, with
 * {@code include: [message.output_text.logprobs]}) and any other field under {@code passthrough}. Returns
 * the text, usage with cached input tokens, the cost from {@link PriceTable} and the finish reason ({@code
 * incomplete} for {@code max_output_tokens} is length). With {@code stream: true} the typed server-sent
 * events are read ({@code response.output_text.delta} ... {@code response.completed}) and the time to the
 * first token measured. A response that failed, or an {@code error} event, is mapped to the error taxonomy
 * by its code ({@code rate_limit_exceeded} → rate limited, {@code server_error} → server error, ...).
 *
 * <p>Connection as for {@code openai:chat}: {@code apiKey} / {@code OPENAI_API_KEY}, {@code apiBaseUrl} /
 * {@code OPENAI_BASE_URL}, {@code organization}, {@code headers}, {@code timeoutMs}.
 */
public final class OpenAiResponsesProvider extends AbstractProvider {

  private final String model;
  private final Connection connection;
  private final ResponsesSettings settings;
  private final Optional<ModelPrice> price;
  private final HttpJsonTransport transport;

  private OpenAiResponsesProvider(
      String id,
      String model,
      Connection connection,
      ResponsesSettings settings,
      Optional<ModelPrice> price,
      HttpClient client) {
    super(id);
    this.model = model;
    this.connection = connection;
    this.settings = settings;
    this.price = price;
    this.transport = new HttpJsonTransport(client, id);
  }

  /** The model sent in every request. */
  public String model() {
    return model;
  }

  @Override
  protected ProviderResponse doComplete(ProviderRequest request) {
    ObjectNode body;
    try {
      body = OpenAiResponsesMapper.toRequest(model, settings, request);
    } catch (IllegalArgumentException e) {
      throw new ProviderException.InvalidRequest(id() + ": " + e.getMessage(), 0);
    }
    ChatResult result = settings.stream() ? streamed(body) : result(postWhole(body));
    return result.response().withCost(cost(result));
  }

  @Override
  protected List<String> secrets() {
    return connection.secrets();
  }

  private ModelResponse postWhole(ObjectNode body) {
    return transport.postJson(
        connection.endpoint(), connection.headers(), body, connection.timeout(), ModelResponse.class);
  }

  private ChatResult result(ModelResponse response) {
    if (OpenAiResponsesMapper.failed(response)) throw failure(response.error());
    return OpenAiResponsesMapper.toResult(response, null, null);
  }

  private ChatResult streamed(ObjectNode body) {
    Map<String, String> headers = new LinkedHashMap<>(connection.headers());
    headers.putIfAbsent("Accept", "text/event-stream");
    return transport.postStreaming(
        connection.endpoint(),
        headers,
        body,
        connection.timeout(),
        response -> {
          if (response.isJson()) return result(response.json(ModelResponse.class));
          ResponseStreamAccumulator answer = new ResponseStreamAccumulator(response::elapsedMillis);
          try (SseStream events = new SseStream(response.body())) {
            for (SseEvent sse : events) {
              ResponseStreamEvent event = sse.json(ResponseStreamEvent.class);
              String type = event.type() != null ? event.type() : sse.event();
              if (type.equals("error")) throw streamError(event, sse);
              answer.accept(type, event);
            }
          }
          ModelResponse last = answer.finalResponse();
          if (last == null) {
            throw new ProviderException.MalformedResponse(
                id() + ": the stream ended without response.completed", 200, null);
          }
          if (OpenAiResponsesMapper.failed(last)) throw failure(last.error());
          return answer.finish();
        });
  }

  /** A response with status {@code failed}, by its error code. */
  private ProviderException failure(ModelResponse.Error error) {
    String code = error == null || error.code() == null ? "" : error.code();
    String message = error == null || error.message() == null ? "" : error.message();
    String text = id() + ": the response failed: " + (code.isEmpty() ? message : code + ": " + message);
    return byCode(code, message, text);
  }

  /** An {@code error} event in the stream (the HTTP status was already 200). */
  private ProviderException streamError(ResponseStreamEvent event, SseEvent sse) {
    String code = event.code() == null ? "" : event.code();
    String message = event.message() != null ? event.message() : HttpErrorMapper.vendorMessage(sse.data());
    String text =
        id() + ": the server failed while streaming: " + (code.isEmpty() ? message : code + ": " + message);
    return byCode(code, message, text);
  }

  private static ProviderException byCode(String code, String message, String text) {
    return switch (code) {
      case "rate_limit_exceeded" ->
          new ProviderException.RateLimited(text, 200, RetryAfter.fromBody(message).orElse(null));
      case "server_error", "vector_store_timeout", "" -> new ProviderException.ServerError(text, 200, null);
      case "image_content_policy_violation" -> new ProviderException.ContentFiltered(text, 200);
      default -> new ProviderException.InvalidRequest(text, 200);
    };
  }

  private Double cost(ChatResult result) {
    if (!result.usageReported()) return null;
    return price
        .or(() -> PriceTable.builtIn().lookup(result.model()))
        .map(known -> known.costUsd(result.response().usage()))
        .orElse(null);
  }

  /** Builds {@code openai:responses:<model>} providers. */
  public static final class Factory implements ProviderFactory {

    public static final ProviderDescriptor DESCRIPTOR =
        new ProviderDescriptor(
            "openai",
            "openai:responses:<model>",
            "OpenAI Responses API (instructions, input items, function and built-in tools, reasoning)",
            OpenAiChatProvider.concat(OpenAiChatProvider.CONNECTION_KEYS, ResponsesSettings.KEYS));

    @Override
    public ProviderDescriptor descriptor() {
      return DESCRIPTOR;
    }

    @Override
    public OpenAiResponsesProvider create(ProviderSpec spec, ProviderContext context) {
      ProviderConfig config = ProviderConfig.of(spec);
      OpenAiChatProvider.warnAboutUnknownKeys(spec, config, DESCRIPTOR.configKeys());
      ModelId id = ModelId.parse(spec.id(), "openai");
      if (!id.api().equals("responses"))
        throw new ProviderConfigException(
            "provider " + spec.id() + ": not a Responses API id; write openai:responses:<model>");
      String model = id.requireModel(spec.id(), "openai:responses:<model>", "openai:responses:gpt-4o-mini");
      Connection connection = Connection.of(config, context, OpenAiCompatibleVendor.OPENAI, "/responses");
      Optional<ModelPrice> price = PriceTable.builtIn().resolve(config, model);
      return new OpenAiResponsesProvider(
          spec.id(), model, connection, ResponsesSettings.from(config), price, context.httpClient());
    }
  }
}
