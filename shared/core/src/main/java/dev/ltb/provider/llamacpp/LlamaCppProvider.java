package dev.ltb.provider.llamacpp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.provider.AbstractProvider;
import dev.ltb.provider.ModelPrice;
import dev.ltb.provider.PriceTable;
import dev.ltb.provider.ProviderConfig;
import dev.ltb.provider.ProviderContext;
import dev.ltb.provider.ProviderDescriptor;
import dev.ltb.provider.ProviderException;
import dev.ltb.provider.ProviderFactory;
import dev.ltb.provider.ProviderRequest;
import dev.ltb.provider.ProviderResponse;
import dev.ltb.provider.http.HttpConnection;
import dev.ltb.provider.http.HttpErrorMapper;
import dev.ltb.provider.http.HttpJsonTransport;
import dev.ltb.provider.http.SseEvent;
import dev.ltb.provider.http.SseStream;
import dev.ltb.provider.llamacpp.internal.LlamaCppChatAnswer;
import dev.ltb.provider.llamacpp.internal.LlamaCppChatCompletion;
import dev.ltb.provider.llamacpp.internal.LlamaCppCompletion;
import dev.ltb.provider.llamacpp.internal.LlamaCppCompletionAnswer;
import dev.ltb.provider.llamacpp.internal.LlamaCppMapper;
import dev.ltb.provider.llamacpp.internal.LlamaCppSettings;
import dev.ltb.suite.ProviderSpec;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code llamacpp:<name>}: a llama.cpp server ({@code llama-server}). By default its native {@code POST
 * /completion} (prompt, {@code n_predict}, {@code temperature}, {@code stop}, {@code n_probs} for logprobs,
 * {@code json_schema}, {@code grammar}; SSE events with {@code content} and a last {@code stop: true} event
 * carrying {@code stop_type}, {@code tokens_predicted}/{@code tokens_evaluated} and {@code timings}); with
 * config {@code api: chat} its OpenAI-compatible {@code POST /v1/chat/completions} (system and multi-turn
 * messages, images, tools, {@code response_format}, logprobs). {@code <name>} is sent as {@code model} (a
 * router server picks the model by it; a single-model server ignores it); plain {@code llamacpp} sends none.
 *
 * <p>Server: {@code apiBaseUrl}, else {@code LLAMACPP_BASE_URL}, else http://localhost:8080. Key (servers
 * started with {@code --api-key}): {@code apiKey}, {@code apiKeyEnvar}, else {@code LLAMA_API_KEY}, sent as
 * {@code Authorization: Bearer}.
 */
public final class LlamaCppProvider extends AbstractProvider {

  private static final Logger LOG = LoggerFactory.getLogger(LlamaCppProvider.class);

  static final String DEFAULT_BASE_URL = "http://localhost:8080";

  private static final List<String> CONNECTION_KEYS =
      List.of("api", "apiKey", "apiKeyEnvar", "apiBaseUrl", "headers", "timeoutMs", "cost", "inputCost", "outputCost");

  public static final ProviderDescriptor DESCRIPTOR =
      new ProviderDescriptor(
          "llamacpp",
          "llamacpp:<name>",
          "llama.cpp server: native /completion (SSE, n_probs logprobs) or, with api: chat, /v1/chat/completions",
          keys());

  private static List<String> keys() {
    List<String> keys = new ArrayList<>(CONNECTION_KEYS);
    keys.addAll(LlamaCppSettings.KEYS);
    return List.copyOf(keys);
  }

  /** Which endpoint the provider calls. */
  enum Api {
    COMPLETION,
    CHAT
  }

  private final String model;
  private final Api api;
  private final LlamaCppSettings settings;
  private final HttpConnection connection;
  private final Optional<ModelPrice> price;
  private final HttpJsonTransport transport;

  private LlamaCppProvider(
      String id,
      String model,
      Api api,
      LlamaCppSettings settings,
      HttpConnection connection,
      Optional<ModelPrice> price,
      HttpClient client) {
    super(id);
    this.model = model;
    this.api = api;
    this.settings = settings;
    this.connection = connection;
    this.price = price;
    this.transport = new HttpJsonTransport(client, id);
  }

  @Override
  protected ProviderResponse doComplete(ProviderRequest request) {
    ProviderResponse response;
    boolean usageReported;
    if (api == Api.CHAT) {
      LlamaCppChatAnswer answer = chat(LlamaCppMapper.toChatRequest(model, settings, request));
      response = answer.toResponse();
      usageReported = answer.usageReported();
    } else {
      LlamaCppCompletionAnswer answer = completion(completionRequest(request));
      response = answer.toResponse();
      usageReported = answer.usageReported();
    }
    if (!usageReported) return response;
    return response.withCost(price.map(known -> known.costUsd(response.usage())).orElse(null));
  }

  @Override
  protected List<String> secrets() {
    return connection.secrets();
  }

  private ObjectNode completionRequest(ProviderRequest request) {
    try {
      return LlamaCppMapper.toCompletionRequest(model, settings, request);
    } catch (IllegalArgumentException e) {
      throw new ProviderException.InvalidRequest(id() + ": " + e.getMessage(), 0);
    }
  }

  private LlamaCppCompletionAnswer completion(ObjectNode body) {
    if (!settings.stream()) {
      LlamaCppCompletion whole =
          transport.postJson(
              connection.resolve("/completion"), connection.headers(), body, connection.timeout(),
              LlamaCppCompletion.class);
      LlamaCppCompletionAnswer answer = new LlamaCppCompletionAnswer(null);
      answer.accept(whole);
      return answer;
    }
    return transport.postStreaming(
        connection.resolve("/completion"),
        connection.headersWith("Accept", "text/event-stream"),
        body,
        connection.timeout(),
        response -> {
          LlamaCppCompletionAnswer answer = new LlamaCppCompletionAnswer(response::elapsedMillis);
          try (SseStream events = new SseStream(response.body())) {
            for (SseEvent event : events) {
              LlamaCppCompletion chunk = event.json(LlamaCppCompletion.class);
              if (chunk.hasError()) throw failedMidStream(chunk.error());
              answer.accept(chunk);
              if (answer.finished()) break;
            }
          }
          if (!answer.finished()) throw endedEarly("the last event (stop: true)");
          return answer;
        });
  }

  private LlamaCppChatAnswer chat(ObjectNode body) {
    if (!settings.stream()) {
      LlamaCppChatCompletion whole =
          transport.postJson(
              connection.resolve("/v1/chat/completions"), connection.headers(), body, connection.timeout(),
              LlamaCppChatCompletion.class);
      if (whole.choices() == null || whole.choices().isEmpty())
        throw new ProviderException.MalformedResponse(id() + ": the answer has no choices", 200, null);
      LlamaCppChatAnswer answer = new LlamaCppChatAnswer(null);
      answer.accept(whole);
      return answer;
    }
    return transport.postStreaming(
        connection.resolve("/v1/chat/completions"),
        connection.headersWith("Accept", "text/event-stream"),
        body,
        connection.timeout(),
        response -> {
          LlamaCppChatAnswer answer = new LlamaCppChatAnswer(response::elapsedMillis);
          try (SseStream events = new SseStream(response.body())) {
            for (SseEvent event : events) {
              LlamaCppChatCompletion chunk = event.json(LlamaCppChatCompletion.class);
              if (chunk.hasError()) throw failedMidStream(chunk.error());
              answer.accept(chunk);
            }
          }
          if (answer.chunks() == 0)
            throw new ProviderException.MalformedResponse(id() + ": the stream ended before any answer", 200, null);
          if (!answer.finished()) throw endedEarly("its last chunk (no finish_reason)");
          return answer;
        });
  }

  /** An error sent as a stream event: {@code {"error": {"code": 400, "message": ..., "type": ...}}}. */
  private ProviderException failedMidStream(JsonNode error) {
    String message =
        id() + ": the server failed while streaming: "
            + HttpErrorMapper.vendorMessage(JsonNodeFactory.instance.objectNode().set("error", error).toString());
    int code = error.path("code").asInt(0);
    if (code >= 400 && code < 500) return new ProviderException.InvalidRequest(message, 200);
    return new ProviderException.ServerError(message, 200, null);
  }

  private ProviderException endedEarly(String what) {
    return new ProviderException.ServerError(
        id() + ": the stream ended before " + what + "; the server may have failed mid-answer", 200, null);
  }

  /** Builds {@code llamacpp:<name>} providers. */
  public static final class Factory implements ProviderFactory {

    @Override
    public ProviderDescriptor descriptor() {
      return DESCRIPTOR;
    }

    @Override
    public LlamaCppProvider create(ProviderSpec spec, ProviderContext context) {
      String name = spec.id().substring(Math.min(spec.id().length(), "llamacpp:".length()));
      ProviderConfig config = ProviderConfig.of(spec);
      List<String> ignored = config.unknownKeys(DESCRIPTOR.configKeys());
      if (!ignored.isEmpty()) {
        LOG.warn(
            "provider {}: config key(s) {} are not used; to send them to the server put them under passthrough",
            spec.id(), String.join(", ", ignored));
      }
      Api api =
          switch (config.string("api").orElse("completion").strip().toLowerCase(Locale.ROOT)) {
            case "completion" -> Api.COMPLETION;
            case "chat" -> Api.CHAT;
            default -> throw config.error("api", "must be completion (native /completion) or chat (/v1/chat/completions)");
          };
      String apiKey = config.apiKey(context.secrets(), "LLAMA_API_KEY").orElse(null);
      HttpConnection connection =
          HttpConnection.bearer(config, config.baseUrl(context.secrets(), "LLAMACPP_BASE_URL", DEFAULT_BASE_URL), apiKey);
      return new LlamaCppProvider(
          spec.id(), name.isBlank() ? null : name, api, LlamaCppSettings.from(config), connection,
          name.isBlank() ? PriceTable.configured(config) : PriceTable.builtIn().resolve(config, name),
          context.httpClient());
    }
  }
}
