package dev.ltb.provider.generic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.json.Json;
import dev.ltb.provider.AbstractProvider;
import dev.ltb.provider.ChatMessage;
import dev.ltb.provider.FinishReason;
import dev.ltb.provider.ModelPrice;
import dev.ltb.provider.PriceTable;
import dev.ltb.provider.ProviderConfig;
import dev.ltb.provider.ProviderContext;
import dev.ltb.provider.ProviderDescriptor;
import dev.ltb.provider.ProviderException;
import dev.ltb.provider.ProviderFactory;
import dev.ltb.provider.ProviderRequest;
import dev.ltb.provider.ProviderResponse;
import dev.ltb.provider.TokenUsage;
import dev.ltb.provider.generic.internal.RequestTemplate;
import dev.ltb.provider.generic.internal.ResponsePath;
import dev.ltb.provider.http.HttpJsonTransport;
import dev.ltb.suite.ProviderSpec;
import dev.ltb.template.TemplateException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code http}, {@code http:<label>} or a URL as the id ({@code https://gateway.example.com/generate}): a
 * generic HTTP provider for in-house model gateways. Each call renders the config's {@code url}, {@code
 * headers} and {@code body} templates with the prompt ({@code {{prompt}}}, {@code {{messages}}}), the test's
 * variables ({@code {{vars.question}}}, or {@code {{question}}} as promptfoo writes it) and the key ({@code
 * {{apiKey}}}), sends them with {@code method} (POST by default), and reads the output at {@code output} (or
 * promptfoo's {@code transformResponse}): a JSON Pointer, a JSONPath or {@code json.a.b[0]}; without one the
 * whole body is the output. Token counts come from the {@code usage} paths ({@code input}, {@code output},
 * {@code cached}) and the stop reason from {@code finishReason}; errors are mapped like every vendor's.
 */
public final class GenericHttpProvider extends AbstractProvider {

  private static final List<String> KEYS =
      List.of(
          "url", "method", "headers", "body", "output", "transformResponse", "usage", "finishReason", "apiKey",
          "apiKeyEnvar", "timeoutMs", "cost", "inputCost", "outputCost");

  private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

  private final String method;
  private final RequestTemplate template;
  private final ResponsePath output;
  private final Map<String, ResponsePath> usage;
  private final ResponsePath finishReason;
  private final String apiKey;
  private final Duration timeout;
  private final Optional<ModelPrice> price;
  private final HttpJsonTransport transport;

  private GenericHttpProvider(
      String id,
      String method,
      RequestTemplate template,
      ResponsePath output,
      Map<String, ResponsePath> usage,
      ResponsePath finishReason,
      String apiKey,
      Duration timeout,
      Optional<ModelPrice> price,
      HttpClient client) {
    super(id);
    this.method = method;
    this.template = template;
    this.output = output;
    this.usage = Map.copyOf(usage);
    this.finishReason = finishReason;
    this.apiKey = apiKey;
    this.timeout = timeout;
    this.price = price;
    this.transport = new HttpJsonTransport(client, id);
  }

  @Override
  protected ProviderResponse doComplete(ProviderRequest request) {
    Map<String, Object> variables = variables(request);
    URI uri;
    Map<String, String> headers;
    String body;
    try {
      uri = uri(template.url(variables));
      headers = new LinkedHashMap<>(template.headers(variables));
      body = template.body(variables);
    } catch (TemplateException e) {
      throw new ProviderException.InvalidRequest(id() + ": the request template does not render: " + e.getMessage(), 0);
    }
    if (body != null && headers.keySet().stream().noneMatch("content-type"::equalsIgnoreCase))
      headers.put("Content-Type", template.jsonBody() || looksLikeJson(body) ? "application/json" : "text/plain; charset=utf-8");
    String answer =
        transport.send(
            method, uri, headers, body, timeout,
            response -> new String(response.body().readAllBytes(), StandardCharsets.UTF_8));
    return read(answer);
  }

  @Override
  protected List<String> secrets() {
    return apiKey == null ? List.of() : List.of(apiKey);
  }

  private ProviderResponse read(String answer) {
    JsonNode json = parse(answer);
    if (json == null && (output != null || !usage.isEmpty() || finishReason != null))
      throw malformed("the answer is not JSON, so output and usage paths cannot be read", answer);
    String text;
    if (output == null) {
      text = json != null && json.isTextual() ? json.asText() : answer;
    } else {
      JsonNode value =
          output.read(json).orElseThrow(() -> malformed("output path " + output + " matches nothing in the answer", answer));
      text = value.isValueNode() ? value.asText() : value.toString();
    }
    TokenUsage tokens = new TokenUsage(count(json, "input"), count(json, "output"), count(json, "cached"));
    boolean usageReported = json != null && usage.values().stream().anyMatch(path -> path.read(json).isPresent());
    FinishReason finish =
        finishReason == null || json == null
            ? FinishReason.UNKNOWN
            : finishReason.read(json).map(JsonNode::asText).map(FinishReason::fromVendor).orElse(FinishReason.UNKNOWN);
    Double cost = usageReported ? price.map(known -> known.costUsd(tokens)).orElse(null) : null;
    return new ProviderResponse(text, tokens, cost, finish, 0, null, List.of(), false, List.of());
  }

  private static JsonNode parse(String answer) {
    try {
      return Json.mapper().readTree(answer);
    } catch (JsonProcessingException notJson) {
      return null;
    }
  }

  private long count(JsonNode json, String which) {
    ResponsePath path = usage.get(which);
    if (path == null || json == null) return 0;
    return path.read(json).filter(JsonNode::isNumber).map(JsonNode::asLong).filter(count -> count >= 0).orElse(0L);
  }

  private Map<String, Object> variables(ProviderRequest request) {
    Map<String, Object> variables = new LinkedHashMap<>(request.origin().vars());
    variables.put("vars", request.origin().vars());
    variables.put("prompt", request.prompt());
    variables.put(
        "messages",
        request.messages().stream()
            .map(message -> Map.of("role", message.role().wireName(), "content", message.text()))
            .toList());
    variables.put("system", request.messages().stream()
        .filter(message -> message.role() == ChatMessage.Role.SYSTEM).map(ChatMessage::text).findFirst().orElse(""));
    if (apiKey != null) variables.put("apiKey", apiKey);
    return variables;
  }

  private URI uri(String text) {
    try {
      URI uri = new URI(text);
      if (uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) return uri;
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new ProviderException.InvalidRequest(id() + ": the url template rendered to \"" + text + "\", not an http(s) URL", 0);
  }

  private ProviderException malformed(String problem, String answer) {
    String single = answer.replaceAll("\\s+", " ").strip();
    String snippet = single.length() <= 200 ? single : single.substring(0, 197) + "...";
    return new ProviderException.MalformedResponse(id() + ": " + problem + ": " + snippet, 200, null);
  }

  private static boolean looksLikeJson(String body) {
    String text = body.strip();
    if (!(text.startsWith("{") || text.startsWith("["))) return false;
    try {
      Json.mapper().readTree(text);
      return true;
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  /** Builds generic HTTP providers for ids starting with {@code prefix} ({@code http} or {@code https}). */
  public static final class Factory implements ProviderFactory {

    private final ProviderDescriptor descriptor;

    /** The {@code http} factory (ids {@code http}, {@code http:<label>}, {@code http://...}). */
    public Factory() {
      this("http");
    }

    /** @param prefix {@code http}, or {@code https} so that {@code https://...} URLs work as ids too */
    public Factory(String prefix) {
      this.descriptor =
          new ProviderDescriptor(
              prefix,
              prefix + "[:<label>] or " + prefix + "://host/path",
              "Generic HTTP endpoint (in-house gateways): templated url, headers and body; output and usage by JSON"
                  + " path",
              KEYS);
    }

    @Override
    public ProviderDescriptor descriptor() {
      return descriptor;
    }

    @Override
    public GenericHttpProvider create(ProviderSpec spec, ProviderContext context) {
      ProviderConfig config = ProviderConfig.of(spec);
      config.rejectUnknownKeys(KEYS);
      boolean idIsUrl = spec.id().startsWith("http://") || spec.id().startsWith("https://");
      String url = config.string("url").filter(text -> !text.isBlank()).orElse(idIsUrl ? spec.id() : null);
      if (url == null)
        throw config.error("url", "is required (or write the URL as the id), e.g. url: https://gateway.example.com/v1/generate");
      String method = config.string("method").orElse("POST").strip().toUpperCase(Locale.ROOT);
      if (!METHODS.contains(method)) throw config.error("method", "must be one of GET, POST, PUT, PATCH, DELETE, was " + method);
      JsonNode body = config.node("body").orElse(null);
      if (body != null && !body.isContainerNode() && !body.isTextual())
        throw config.error("body", "must be a map, a list or a text template");
      if (body == null && !method.equals("GET") && !method.equals("DELETE"))
        throw config.error("body", "is required for " + method + ", e.g. body: {prompt: \"{{prompt}}\"}");
      if (config.has("output") && config.has("transformResponse"))
        throw config.error("transformResponse", "and output say the same; keep one");
      ResponsePath output =
          config.string("output").or(() -> config.string("transformResponse")).map(text -> path(config, "output", text)).orElse(null);
      Map<String, ResponsePath> usage = new LinkedHashMap<>();
      config.object("usage").ifPresent(
          paths -> {
            paths.rejectUnknownKeys(List.of("input", "output", "cached"));
            for (String key : paths.keys()) usage.put(key, path(paths, key, paths.requireString(key)));
          });
      ResponsePath finish = config.string("finishReason").map(text -> path(config, "finishReason", text)).orElse(null);
      String apiKey = config.apiKey(context.secrets(), null).orElse(null);
      if (config.has("apiKeyEnvar") && apiKey == null) config.requireApiKey(context.secrets(), null);
      return new GenericHttpProvider(
          spec.id(), method, new RequestTemplate(url, config.stringMap("headers"), body), output, usage, finish, apiKey,
          config.requestTimeout(), PriceTable.configured(config), context.httpClient());
    }

    private static ResponsePath path(ProviderConfig config, String key, String text) {
      try {
        return ResponsePath.parse(text);
      } catch (IllegalArgumentException e) {
        throw config.error(key, e.getMessage());
      }
    }
  }
}
