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
import dev.ltb.provider.http.SseEvent;
import dev.ltb.provider.http.SseStream;
import dev.ltb.provider.openai.internal.ChatCompletion;
import dev.ltb.provider.openai.internal.ChatCompletionChunk;
import dev.ltb.provider.openai.internal.ChatResult;
import dev.ltb.provider.openai.internal.ChatSettings;
import dev.ltb.provider.openai.internal.ChunkAccumulator;
import dev.ltb.provider.openai.internal.OpenAiChatMapper;
import dev.ltb.suite.ProviderSpec;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code openai:chat:<model>} (or {@code openai:<model>}): OpenAI's Chat Completions API, and every server
 * that speaks it (Ollama, llama.cpp, vLLM, LM Studio: set {@code apiBaseUrl}, the key is then optional).
 *
 * <p>Sends the conversation (system and multi-turn messages, images as {@code image_url} parts) with the
 * generation settings from the config: {@code temperature}, {@code top_p}, {@code max_tokens}, {@code
 * max_completion_tokens}, {@code stop}, {@code seed}, {@code presence_penalty}, {@code frequency_penalty},
 * {@code response_format} (JSON mode or a JSON schema), {@code tools} and {@code tool_choice}, {@code
 * parallel_tool_calls}, {@code logprobs} / {@code top_logprobs}, {@code reasoning_effort}, and any other
 * field under {@code passthrough}. Returns the text, tool calls, usage with cached prompt tokens, the
 * normalized finish reason, token logprobs when asked for, and the cost from {@link PriceTable}. With
 * {@code stream: true} the answer is read as server-sent events and the time to the first token measured.
 *
 * <p>Connection: {@code apiKey} / {@code apiKeyEnvar} / {@code OPENAI_API_KEY}; {@code apiBaseUrl} / {@code
 * OPENAI_BASE_URL} / https://api.openai.com/v1 (promptfoo's {@code apiHost} also works); {@code
 * organization}; extra {@code headers}; {@code timeoutMs} per request.
 */
public final class OpenAiChatProvider extends AbstractProvider {

  private static final Logger LOG = LoggerFactory.getLogger(OpenAiChatProvider.class);

  /** Config keys the factory reads besides {@link ChatSettings#KEYS}. */
  private static final List<String> CONNECTION_KEYS =
      List.of(
          "apiKey", "apiKeyEnvar", "apiBaseUrl", "apiHost", "organization", "headers", "timeoutMs", "cost", "inputCost",
          "outputCost");

  /** Other APIs of OpenAI that an id may name; not served by this provider. */
  private static final Set<String> OTHER_APIS =
      Set.of("completion", "embedding", "embeddings", "responses", "assistant", "image", "realtime", "moderation");

  private final String model;
  private final Connection connection;
  private final ChatSettings settings;
  private final Optional<ModelPrice> price;
  private final HttpJsonTransport transport;

  /**
   * Where and how requests go.
   *
   * @param endpoint the {@code /chat/completions} URL
   * @param headers authorization and extra headers
   * @param timeout per request, including a streamed body
   * @param apiKey the key (redacted from every error), or null for servers that need none
   */
  record Connection(URI endpoint, Map<String, String> headers, Duration timeout, String apiKey) {
    Connection {
      headers = Map.copyOf(headers);
    }
  }

  private OpenAiChatProvider(
      String id,
      String model,
      Connection connection,
      ChatSettings settings,
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
    ObjectNode body = OpenAiChatMapper.toRequest(model, settings, request);
    ChatResult result = settings.stream() ? streamed(body) : whole(body);
    return result.response().withCost(cost(result));
  }

  @Override
  protected List<String> secrets() {
    return connection.apiKey() == null ? List.of() : List.of(connection.apiKey());
  }

  private ChatResult whole(ObjectNode body) {
    ChatCompletion completion =
        transport.postJson(
            connection.endpoint(), connection.headers(), body, connection.timeout(), ChatCompletion.class);
    return result(completion);
  }

  private ChatResult result(ChatCompletion completion) {
    try {
      return OpenAiChatMapper.toResult(completion);
    } catch (IllegalArgumentException e) {
      throw new ProviderException.MalformedResponse(id() + ": " + e.getMessage(), 200, e);
    }
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
          // a server that does not stream answers with one JSON completion
          if (response.isJson()) return result(response.json(ChatCompletion.class));
          ChunkAccumulator answer = new ChunkAccumulator(response::elapsedMillis);
          try (SseStream events = new SseStream(response.body())) {
            for (SseEvent event : events) {
              ChatCompletionChunk chunk = event.json(ChatCompletionChunk.class);
              if (chunk.error() != null && !chunk.error().isNull()) throw failedMidStream(event);
              answer.accept(chunk);
            }
          }
          if (answer.chunks() == 0)
            throw new ProviderException.MalformedResponse(id() + ": the stream ended before any answer", 200, null);
          return answer.finish();
        });
  }

  private ProviderException failedMidStream(SseEvent event) {
    return new ProviderException.ServerError(
        id() + ": the server failed while streaming: " + HttpErrorMapper.vendorMessage(event.data()), 200, null);
  }

  private Double cost(ChatResult result) {
    if (!result.usageReported()) return null;
    return price
        .or(() -> PriceTable.builtIn().lookup(result.model()))
        .map(known -> known.costUsd(result.response().usage()))
        .orElse(null);
  }

  /** Builds chat providers for one OpenAI-compatible vendor ({@link OpenAiCompatibleVendor#OPENAI} by default). */
  public static final class Factory implements ProviderFactory {

    private final OpenAiCompatibleVendor vendor;
    private final ProviderDescriptor descriptor;

    public Factory() {
      this(OpenAiCompatibleVendor.OPENAI);
    }

    public Factory(OpenAiCompatibleVendor vendor) {
      this.vendor = vendor;
      List<String> keys = new ArrayList<>(CONNECTION_KEYS);
      keys.addAll(ChatSettings.KEYS);
      this.descriptor =
          new ProviderDescriptor(vendor.prefix(), vendor.prefix() + ":chat:<model>", vendor.description(), keys);
    }

    @Override
    public ProviderDescriptor descriptor() {
      return descriptor;
    }

    @Override
    public OpenAiChatProvider create(ProviderSpec spec, ProviderContext context) {
      ProviderConfig config = ProviderConfig.of(spec);
      List<String> ignored = config.unknownKeys(descriptor.configKeys());
      if (!ignored.isEmpty()) {
        LOG.warn(
            "provider {}: config key(s) {} are not used; to send them to the API put them under passthrough",
            spec.id(), String.join(", ", ignored));
      }
      String model = modelOf(spec.id());
      URI baseUrl = baseUrl(config, context);
      String apiKey = config.apiKey(context.secrets(), vendor.apiKeyVariable()).orElse(null);
      if (apiKey == null && baseUrl.toString().equals(vendor.defaultBaseUrl()))
        config.requireApiKey(context.secrets(), vendor.apiKeyVariable());
      Map<String, String> headers = new LinkedHashMap<>();
      if (apiKey != null) headers.put("Authorization", "Bearer " + apiKey);
      config.string("organization").ifPresent(organization -> headers.put("OpenAI-Organization", organization));
      headers.putAll(config.stringMap("headers"));
      Connection connection =
          new Connection(URI.create(baseUrl + "/chat/completions"), headers, config.requestTimeout(), apiKey);
      return new OpenAiChatProvider(
          spec.id(), model, connection, ChatSettings.from(config), PriceTable.builtIn().resolve(config, model),
          context.httpClient());
    }

    /** {@code apiBaseUrl} or the vendor's variable or default; promptfoo's {@code apiHost} means https://host/v1. */
    private URI baseUrl(ProviderConfig config, ProviderContext context) {
      Optional<String> host = config.string("apiHost").filter(text -> !config.has("apiBaseUrl"));
      if (host.isEmpty()) return config.baseUrl(context.secrets(), vendor.baseUrlVariable(), vendor.defaultBaseUrl());
      try {
        URI uri = new URI("https://" + host.get().strip() + "/v1");
        if (uri.getHost() != null) return uri;
      } catch (URISyntaxException e) {
        // reported below
      }
      throw config.error("apiHost", "must be a host name such as api.example.com, was \"" + host.get() + "\"");
    }

    private String modelOf(String id) {
      String rest = id.substring(Math.min(id.length(), vendor.prefix().length() + 1));
      String api = rest.contains(":") ? rest.substring(0, rest.indexOf(':')) : rest;
      if (OTHER_APIS.contains(api)) {
        throw new ProviderConfigException(
            "provider " + id + ": the " + api + " API is not supported; use " + vendor.prefix() + ":chat:<model>");
      }
      String model = api.equals("chat") ? rest.substring(Math.min(rest.length(), "chat:".length())) : rest;
      if (model.isBlank()) {
        throw new ProviderConfigException(
            "provider " + id + ": no model; write the id as " + vendor.prefix() + ":chat:<model>, e.g. "
                + vendor.prefix() + ":chat:gpt-4o-mini");
      }
      return model;
    }
  }
}
