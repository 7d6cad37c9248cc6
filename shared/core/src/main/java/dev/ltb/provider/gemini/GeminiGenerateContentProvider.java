package dev.ltb.provider.gemini;

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
import dev.ltb.provider.SecretResolver;
import dev.ltb.provider.gemini.internal.GeminiMapper;
import dev.ltb.provider.gemini.internal.GeminiResult;
import dev.ltb.provider.gemini.internal.GenerateContentResponse;
import dev.ltb.provider.gemini.internal.GenerationSettings;
import dev.ltb.provider.gemini.internal.StreamAccumulator;
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
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code google:<model>} and {@code gemini:<model>}: the Gemini API's {@code models/{model}:generateContent},
 * and {@code :streamGenerateContent?alt=sse} with {@code stream: true}.
 *
 * <p>Sends the conversation (system messages as {@code systemInstruction}, assistant turns with role {@code
 * model}, images as {@code inlineData} or, by URL, {@code fileData}) with the {@code generationConfig} fields
 * ({@code temperature}, {@code topP}, {@code topK}, {@code maxOutputTokens}, {@code stopSequences}, {@code
 * seed}, {@code responseMimeType} / {@code responseSchema} for JSON output, {@code responseLogprobs} / {@code
 * logprobs}, ...), {@code tools}, {@code toolConfig} and {@code safetySettings}. Returns the text, function
 * calls as tool calls, usage with context-cache reads, token logprobs when asked for, the normalized finish
 * reason and the cost from {@link PriceTable}. A blocked prompt is an empty answer with finish reason {@code
 * content_filter}.
 *
 * <p>Connection: {@code apiKey} / {@code apiKeyEnvar} / {@code GOOGLE_API_KEY} / {@code GEMINI_API_KEY}
 * (Google's SDKs prefer the first when both are set) sent as {@code x-goog-api-key}; {@code apiBaseUrl} /
 * {@code GOOGLE_API_BASE_URL} / {@value #DEFAULT_BASE_URL} ({@code /v1beta} is added to a base URL without an
 * API version); extra {@code headers}; {@code timeoutMs} per request.
 */
public final class GeminiGenerateContentProvider extends AbstractProvider {

  private static final Logger LOG = LoggerFactory.getLogger(GeminiGenerateContentProvider.class);

  public static final String DEFAULT_BASE_URL = "https://generativelanguage.googleapis.com/v1beta";

  /** Config keys the factory reads besides {@link GenerationSettings#KEYS}. */
  static final List<String> CONNECTION_KEYS =
      List.of("apiKey", "apiKeyEnvar", "apiBaseUrl", "headers", "timeoutMs", "cost", "inputCost", "outputCost");

  /** Google's answer to a key it does not accept is a 400 INVALID_ARGUMENT; the message says so. */
  private static final Pattern REJECTED_KEY =
      Pattern.compile("API key (not valid|expired|invalid)", Pattern.CASE_INSENSITIVE);

  private final String model;
  private final Connection connection;
  private final GenerationSettings settings;
  private final Optional<ModelPrice> price;
  private final HttpJsonTransport transport;

  /**
   * Where and how requests go.
   *
   * @param modelUrl {@code <base>/models/<model>}; the method ({@code :generateContent}) is appended per call
   * @param headers {@code x-goog-api-key} and extra headers
   * @param timeout per request, including a streamed body
   * @param apiKey the key (redacted from every error)
   */
  record Connection(String modelUrl, Map<String, String> headers, Duration timeout, String apiKey) {
    Connection {
      headers = Map.copyOf(headers);
    }
  }

  private GeminiGenerateContentProvider(
      String id,
      String model,
      Connection connection,
      GenerationSettings settings,
      Optional<ModelPrice> price,
      HttpClient client) {
    super(id);
    this.model = model;
    this.connection = connection;
    this.settings = settings;
    this.price = price;
    this.transport = new HttpJsonTransport(client, id);
  }

  /** The model named in every request URL. */
  public String model() {
    return model;
  }

  @Override
  protected ProviderResponse doComplete(ProviderRequest request) {
    ObjectNode body;
    try {
      body = GeminiMapper.toRequest(settings, request);
    } catch (IllegalArgumentException e) {
      throw new ProviderException.InvalidRequest(id() + ": " + e.getMessage(), 0);
    }
    GeminiResult result;
    try {
      result = settings.stream() ? streamed(body) : whole(body);
    } catch (ProviderException.InvalidRequest e) {
      if (!REJECTED_KEY.matcher(e.getMessage()).find()) throw e;
      throw new ProviderException.Authentication(e.getMessage(), e.httpStatus());
    }
    return result.response().withCost(cost(result));
  }

  @Override
  protected List<String> secrets() {
    return List.of(connection.apiKey());
  }

  private GeminiResult whole(ObjectNode body) {
    URI uri = URI.create(connection.modelUrl() + ":generateContent");
    GenerateContentResponse answer =
        transport.postJson(uri, connection.headers(), body, connection.timeout(), GenerateContentResponse.class);
    return result(answer, null);
  }

  private GeminiResult result(GenerateContentResponse answer, Long timeToFirstTokenMs) {
    try {
      return GeminiMapper.toResult(answer, timeToFirstTokenMs);
    } catch (IllegalArgumentException e) {
      throw new ProviderException.MalformedResponse(id() + ": " + e.getMessage(), 200, e);
    }
  }

  private GeminiResult streamed(ObjectNode body) {
    URI uri = URI.create(connection.modelUrl() + ":streamGenerateContent?alt=sse");
    Map<String, String> headers = new LinkedHashMap<>(connection.headers());
    headers.putIfAbsent("Accept", "text/event-stream");
    return transport.postStreaming(
        uri,
        headers,
        body,
        connection.timeout(),
        response -> {
          // a gateway that does not stream answers with one JSON document
          if (response.isJson()) return result(response.json(GenerateContentResponse.class), null);
          StreamAccumulator answer = new StreamAccumulator(response::elapsedMillis);
          try (SseStream events = new SseStream(response.body())) {
            for (SseEvent event : events) {
              GenerateContentResponse chunk = event.json(GenerateContentResponse.class);
              if (chunk.error() != null && !chunk.error().isNull())
                throw GeminiMapper.streamError(id(), chunk.error(), event.data());
              answer.accept(chunk);
            }
          }
          if (answer.chunks() == 0) {
            throw new ProviderException.MalformedResponse(
                id() + ": the stream ended before any answer", 200, null);
          }
          return result(answer);
        });
  }

  private GeminiResult result(StreamAccumulator answer) {
    try {
      return answer.finish();
    } catch (IllegalArgumentException e) {
      throw new ProviderException.MalformedResponse(id() + ": " + e.getMessage(), 200, e);
    }
  }

  private Double cost(GeminiResult result) {
    if (!result.usageReported()) return null;
    return price
        .or(() -> PriceTable.builtIn().lookup(result.model()))
        .map(known -> known.costUsd(result.response().usage()))
        .orElse(null);
  }

  /** Builds {@code <prefix>:<model>} providers; the bench registers {@code google} and {@code gemini}. */
  public static final class Factory implements ProviderFactory {

    private final String prefix;
    private final ProviderDescriptor descriptor;

    public Factory(String prefix) {
      this.prefix = prefix;
      List<String> keys = new ArrayList<>(CONNECTION_KEYS);
      keys.addAll(GenerationSettings.KEYS);
      this.descriptor =
          new ProviderDescriptor(
              prefix,
              prefix + ":<model>",
              "Google Gemini API (generateContent): streaming with time to first token, tools, images, JSON"
                  + " output, logprobs",
              keys);
    }

    @Override
    public ProviderDescriptor descriptor() {
      return descriptor;
    }

    @Override
    public GeminiGenerateContentProvider create(ProviderSpec spec, ProviderContext context) {
      ProviderConfig config = ProviderConfig.of(spec);
      List<String> ignored = config.unknownKeys(descriptor.configKeys());
      if (!ignored.isEmpty()) {
        LOG.warn(
            "provider {}: config key(s) {} are not used; to send them to the API put them under passthrough"
                + " (or generationConfig)",
            spec.id(), String.join(", ", ignored));
      }
      String model = modelOf(spec.id());
      String apiKey = apiKey(config, context.secrets());
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("x-goog-api-key", apiKey);
      headers.putAll(config.stringMap("headers"));
      String modelUrl = baseUrl(config, context.secrets()) + "/models/" + model;
      Connection connection = new Connection(modelUrl, headers, config.requestTimeout(), apiKey);
      return new GeminiGenerateContentProvider(
          spec.id(), model, connection, GenerationSettings.from(config),
          PriceTable.builtIn().resolve(config, model), context.httpClient());
    }

    private String modelOf(String id) {
      String model = id.substring(Math.min(id.length(), prefix.length() + 1));
      if (model.startsWith("models/")) model = model.substring("models/".length());
      if (model.startsWith("embed:")) {
        throw new ProviderConfigException(
            "provider " + id + ": " + model.substring("embed:".length()) + " is an embedding model; use it"
                + " where an embedding provider is expected (similarity assertions), not as a provider");
      }
      if (model.isBlank() || model.contains(":") || model.contains("/")) {
        throw new ProviderConfigException(
            "provider " + id + ": write the id as " + prefix + ":<model>, e.g. " + prefix + ":gemini-2.5-flash");
      }
      return model;
    }
  }

  /**
   * The key: config {@code apiKey}, else the variable named by {@code apiKeyEnvar}, else {@code GOOGLE_API_KEY},
   * else {@code GEMINI_API_KEY}.
   */
  static String apiKey(ProviderConfig config, SecretResolver secrets) {
    Optional<String> key = config.apiKey(secrets, "GOOGLE_API_KEY");
    if (key.isEmpty() && !config.has("apiKeyEnvar")) key = config.apiKey(secrets, "GEMINI_API_KEY");
    if (key.isPresent()) return key.get();
    if (config.has("apiKeyEnvar")) return config.requireApiKey(secrets, null);
    throw new ProviderConfigException(
        "provider " + config.providerId() + ": no API key: set the environment variable GEMINI_API_KEY (or"
            + " GOOGLE_API_KEY) or config apiKey");
  }

  /** The API root with its version: {@code apiBaseUrl} / {@code GOOGLE_API_BASE_URL} / the default. */
  static String baseUrl(ProviderConfig config, SecretResolver secrets) {
    String url = config.baseUrl(secrets, "GOOGLE_API_BASE_URL", DEFAULT_BASE_URL).toString();
    return url.matches(".*/v\\d+\\w*$") ? url : url + "/v1beta";
  }
}
