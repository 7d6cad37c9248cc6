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
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
  static final List<String> CONNECTION_KEYS =
      concat(Connection.CONFIG_KEYS, List.of("cost", "inputCost", "outputCost"));

  private final String model;
  private final Connection connection;
  private final ChatSettings settings;
  private final Optional<ModelPrice> price;
  private final boolean sendModel;
  private final HttpJsonTransport transport;

  private OpenAiChatProvider(
      String id,
      String model,
      Connection connection,
      ChatSettings settings,
      Optional<ModelPrice> price,
      boolean sendModel,
      HttpClient client) {
    super(id);
    this.model = model;
    this.connection = connection;
    this.settings = settings;
    this.price = price;
    this.sendModel = sendModel;
    this.transport = new HttpJsonTransport(client, id);
  }

  /**
   * A chat provider for a service that picks the model from the URL (Azure deployments): the body carries no
   * {@code model}, and the price comes from the config or the model the answer names.
   */
  static OpenAiChatProvider withoutModelInBody(
      String id, String deployment, Connection connection, ChatSettings settings, Optional<ModelPrice> price,
      HttpClient client) {
    return new OpenAiChatProvider(id, deployment, connection, settings, price, false, client);
  }

  /** The model sent in every request. */
  public String model() {
    return model;
  }

  /** Where requests go (for tests of the vendor presets). */
  java.net.URI endpoint() {
    return connection.endpoint();
  }

  @Override
  protected ProviderResponse doComplete(ProviderRequest request) {
    ObjectNode body = OpenAiChatMapper.toRequest(model, settings, request);
    if (!sendModel) body.remove("model");
    ChatResult result = settings.stream() ? streamed(body) : whole(body);
    return result.response().withCost(cost(result));
  }

  @Override
  protected List<String> secrets() {
    return connection.secrets();
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
      warnAboutUnknownKeys(spec, config, descriptor.configKeys());
      String model = modelOf(spec.id());
      Connection connection = Connection.of(config, context, vendor, "/chat/completions");
      Optional<ModelPrice> price = PriceTable.builtIn().resolve(config, model);
      return new OpenAiChatProvider(
          spec.id(), model, connection, ChatSettings.from(config), price, true, context.httpClient());
    }

    private String modelOf(String id) {
      ModelId parsed = ModelId.parse(id, vendor.prefix());
      if (!parsed.api().equals("chat")) {
        throw new ProviderConfigException(
            "provider " + id + ": the " + parsed.api() + " API is not supported; use " + vendor.prefix()
                + ":chat:<model>");
      }
      return parsed.requireModel(id, vendor.prefix() + ":chat:<model>", vendor.prefix() + ":chat:gpt-4o-mini");
    }
  }

  /** Logs config keys the provider does not send; a typo should not pass silently, nor fail a long run. */
  static void warnAboutUnknownKeys(ProviderSpec spec, ProviderConfig config, List<String> known) {
    List<String> ignored = config.unknownKeys(known);
    if (!ignored.isEmpty()) {
      LOG.warn(
          "provider {}: config key(s) {} are not used; to send them to the API put them under passthrough",
          spec.id(), String.join(", ", ignored));
    }
  }

  static List<String> concat(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return List.copyOf(all);
  }
}
