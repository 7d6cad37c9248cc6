package dev.ltb.provider.http;

import dev.ltb.provider.ProviderConfig;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where and how a provider's requests go, resolved once from its config: the base URL, the headers sent with
 * every request (authorization included), the timeout per request and the API key to redact from errors.
 *
 * @param baseUrl the API root without a trailing slash, e.g. {@code https://api.mistral.ai}
 * @param headers sent with every request
 * @param timeout per request, including a streamed body
 * @param apiKey the key, or null for servers that need none; never logged
 */
public record HttpConnection(URI baseUrl, Map<String, String> headers, Duration timeout, String apiKey) {

  public HttpConnection {
    Objects.requireNonNull(baseUrl, "baseUrl");
    headers = Map.copyOf(headers);
    Objects.requireNonNull(timeout, "timeout");
  }

  /**
   * The usual setup: {@code Authorization: Bearer <key>} when there is a key, then the config's extra {@code
   * headers} (which may override it), and {@code timeoutMs}.
   */
  public static HttpConnection bearer(ProviderConfig config, URI baseUrl, String apiKey) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (apiKey != null) headers.put("Authorization", "Bearer " + apiKey);
    headers.putAll(config.stringMap("headers"));
    return new HttpConnection(baseUrl, headers, config.requestTimeout(), apiKey);
  }

  /** The URL of an API path such as {@code /v1/chat/completions}. */
  public URI resolve(String path) {
    return URI.create(baseUrl + path);
  }

  /** The headers plus one more, unless the config already sets it (e.g. {@code Accept} for a stream). */
  public Map<String, String> headersWith(String name, String value) {
    Map<String, String> all = new LinkedHashMap<>(headers);
    if (all.keySet().stream().noneMatch(name::equalsIgnoreCase)) all.put(name, value);
    return all;
  }

  /** What {@code AbstractProvider.secrets()} should return. */
  public List<String> secrets() {
    return apiKey == null ? List.of() : List.of(apiKey);
  }
}
