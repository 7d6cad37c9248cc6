package dev.ltb.provider.anthropic;

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
import dev.ltb.provider.anthropic.internal.AnthropicMapper;
import dev.ltb.provider.anthropic.internal.Message;
import dev.ltb.provider.anthropic.internal.MessagesResult;
import dev.ltb.provider.anthropic.internal.MessagesSettings;
import dev.ltb.provider.anthropic.internal.StreamAccumulator;
import dev.ltb.provider.anthropic.internal.StreamEvent;
import dev.ltb.provider.http.HttpJsonTransport;
import dev.ltb.provider.http.SseEvent;
import dev.ltb.provider.http.SseStream;
import dev.ltb.suite.ProviderSpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code anthropic:messages:<model>} (or {@code anthropic:<model>}): Anthropic's Messages API.
 *
 * <p>Sends the conversation (system messages as the top-level {@code system}, images as base64 or URL image
 * blocks) with {@code max_tokens} (required by the API, {@value MessagesSettings#DEFAULT_MAX_TOKENS} by
 * default), {@code temperature}, {@code top_p}, {@code top_k}, {@code stop_sequences}, {@code tools} and
 * {@code tool_choice}, {@code output_config} (structured output), {@code thinking}, and any other field under
 * {@code passthrough}. Returns the text, {@code tool_use} blocks as tool calls, usage with prompt-cache reads,
 * the normalized stop reason and the cost from {@link PriceTable}. With {@code stream: true} the answer is
 * read as server-sent events, the time to the first token measured, and an {@code error} event mid-stream
 * (e.g. {@code overloaded_error}) fails the call as the same HTTP error would.
 *
 * <p>Connection: {@code apiKey} / {@code apiKeyEnvar} / {@code ANTHROPIC_API_KEY} sent as {@code x-api-key};
 * {@code apiBaseUrl} / {@code ANTHROPIC_BASE_URL} / {@value #DEFAULT_BASE_URL}; {@code apiVersion} for the
 * {@code anthropic-version} header ({@value #DEFAULT_API_VERSION}); extra {@code headers} (e.g. {@code
 * anthropic-beta}); {@code timeoutMs} per request.
 */
public final class AnthropicMessagesProvider extends AbstractProvider {

  private static final Logger LOG = LoggerFactory.getLogger(AnthropicMessagesProvider.class);

  public static final String DEFAULT_BASE_URL = "https://api.anthropic.com";
  public static final String DEFAULT_API_VERSION = "2023-06-01";

  /** Config keys the factory reads besides {@link MessagesSettings#KEYS}. */
  private static final List<String> CONNECTION_KEYS =
      List.of(
          "apiKey", "apiKeyEnvar", "apiBaseUrl", "apiVersion", "headers", "timeoutMs", "cost", "inputCost",
          "outputCost");

  public static final ProviderDescriptor DESCRIPTOR =
      new ProviderDescriptor(
          "anthropic",
          "anthropic:messages:<model>",
          "Anthropic Messages API (Claude): streaming with time to first token, tools, images, prompt-cache usage",
          keys());

  private final String model;
  private final Connection connection;
  private final MessagesSettings settings;
  private final Optional<ModelPrice> price;
  private final HttpJsonTransport transport;

  /**
   * Where and how requests go.
   *
   * @param endpoint the {@code /v1/messages} URL
   * @param headers {@code x-api-key}, {@code anthropic-version} and extra headers
   * @param timeout per request, including a streamed body
   * @param apiKey the key (redacted from every error)
   */
  record Connection(URI endpoint, Map<String, String> headers, Duration timeout, String apiKey) {
    Connection {
      headers = Map.copyOf(headers);
    }
  }

  private AnthropicMessagesProvider(
      String id,
      String model,
      Connection connection,
      MessagesSettings settings,
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
      body = AnthropicMapper.toRequest(model, settings, request);
    } catch (IllegalArgumentException e) {
      throw new ProviderException.InvalidRequest(id() + ": " + e.getMessage(), 0);
    }
    MessagesResult result = settings.stream() ? streamed(body) : whole(body);
    return result.response().withCost(cost(result));
  }

  @Override
  protected List<String> secrets() {
    return List.of(connection.apiKey());
  }

  private MessagesResult whole(ObjectNode body) {
    Message message =
        transport.postJson(connection.endpoint(), connection.headers(), body, connection.timeout(), Message.class);
    return result(message, null);
  }

  private MessagesResult result(Message message, Long timeToFirstTokenMs) {
    try {
      return AnthropicMapper.toResult(message, timeToFirstTokenMs);
    } catch (IllegalArgumentException e) {
      throw new ProviderException.MalformedResponse(id() + ": " + e.getMessage(), 200, e);
    }
  }

  private MessagesResult streamed(ObjectNode body) {
    Map<String, String> headers = new LinkedHashMap<>(connection.headers());
    headers.putIfAbsent("Accept", "text/event-stream");
    return transport.postStreaming(
        connection.endpoint(),
        headers,
        body,
        connection.timeout(),
        response -> {
          // a gateway that does not stream answers with one JSON message
          if (response.isJson()) return result(response.json(Message.class), null);
          StreamAccumulator message = new StreamAccumulator(response::elapsedMillis);
          try (SseStream events = new SseStream(response.body())) {
            for (SseEvent event : events) {
              StreamEvent parsed = event.json(StreamEvent.class);
              if ("error".equals(parsed.type()) || "error".equals(event.event()))
                throw AnthropicMapper.streamError(id(), parsed.error(), event.data());
              message.accept(parsed);
              if (message.stopped()) break;
            }
          }
          if (!message.started()) {
            throw new ProviderException.MalformedResponse(
                id() + ": the stream ended before message_start", 200, null);
          }
          if (!message.stopped()) {
            throw new ProviderException.Unavailable(
                id() + ": the stream ended before message_stop (connection cut?); the answer is incomplete", null);
          }
          return message.finish();
        });
  }

  private Double cost(MessagesResult result) {
    if (!result.usageReported()) return null;
    return price
        .or(() -> PriceTable.builtIn().lookup(result.model()))
        .map(known -> known.costUsd(result.response().usage()))
        .orElse(null);
  }

  private static List<String> keys() {
    List<String> keys = new ArrayList<>(CONNECTION_KEYS);
    keys.addAll(MessagesSettings.KEYS);
    return List.copyOf(keys);
  }

  /** Builds {@code anthropic:messages:<model>} providers. */
  public static final class Factory implements ProviderFactory {

    @Override
    public ProviderDescriptor descriptor() {
      return DESCRIPTOR;
    }

    @Override
    public AnthropicMessagesProvider create(ProviderSpec spec, ProviderContext context) {
      ProviderConfig config = ProviderConfig.of(spec);
      List<String> ignored = config.unknownKeys(DESCRIPTOR.configKeys());
      if (!ignored.isEmpty()) {
        LOG.warn(
            "provider {}: config key(s) {} are not used; to send them to the API put them under passthrough",
            spec.id(), String.join(", ", ignored));
      }
      String model = modelOf(spec.id());
      String apiKey = config.requireApiKey(context.secrets(), "ANTHROPIC_API_KEY");
      URI baseUrl = config.baseUrl(context.secrets(), "ANTHROPIC_BASE_URL", DEFAULT_BASE_URL);
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("x-api-key", apiKey);
      String version = config.string("apiVersion").filter(text -> !text.isBlank()).orElse(DEFAULT_API_VERSION);
      headers.put("anthropic-version", version);
      headers.putAll(config.stringMap("headers"));
      // the SDKs' ANTHROPIC_BASE_URL is the API root; accept one that already ends in /v1 too
      String root = baseUrl.toString().endsWith("/v1") ? baseUrl.toString() : baseUrl + "/v1";
      Connection connection =
          new Connection(URI.create(root + "/messages"), headers, config.requestTimeout(), apiKey);
      return new AnthropicMessagesProvider(
          spec.id(), model, connection, MessagesSettings.from(config), PriceTable.builtIn().resolve(config, model),
          context.httpClient());
    }

    private static String modelOf(String id) {
      String rest = id.substring(Math.min(id.length(), "anthropic:".length()));
      if (rest.startsWith("completion:")) {
        throw new ProviderConfigException(
            "provider " + id
                + ": the legacy Text Completions API is not supported; use anthropic:messages:<model>");
      }
      String model = rest.startsWith("messages:") ? rest.substring("messages:".length()) : rest;
      if (model.isBlank() || model.equals("messages")) {
        throw new ProviderConfigException(
            "provider " + id + ": no model; write the id as anthropic:messages:<model>, e.g."
                + " anthropic:messages:claude-sonnet-4-5");
      }
      return model;
    }
  }
}
