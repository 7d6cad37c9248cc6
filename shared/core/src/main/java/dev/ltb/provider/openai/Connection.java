package dev.ltb.provider.openai;

import dev.ltb.provider.ProviderConfig;
import dev.ltb.provider.ProviderContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how the requests of one OpenAI-style provider go.
 *
 * @param endpoint the full URL requests are POSTed to
 * @param headers authorization and extra headers
 * @param timeout per request, including a streamed body
 * @param secrets the key or token in use (redacted from every error), empty when the server needs none
 */
record Connection(URI endpoint, Map<String, String> headers, Duration timeout, List<String> secrets) {

  /** The config keys {@link #of} reads. */
  static final List<String> CONFIG_KEYS =
      List.of("apiKey", "apiKeyEnvar", "apiBaseUrl", "apiHost", "organization", "headers", "timeoutMs");

  Connection {
    Objects.requireNonNull(endpoint, "endpoint");
    headers = Map.copyOf(headers);
    secrets = List.copyOf(secrets);
  }

  /**
   * The connection to {@code <base URL><path>} of an OpenAI-compatible vendor: base URL from {@code
   * apiBaseUrl} (or promptfoo's {@code apiHost}), the vendor's variable or its default; {@code Authorization:
   * Bearer} with the key from {@code apiKey}, {@code apiKeyEnvar} or the vendor's variable (required only at
   * the vendor's own default URL, when the vendor requires one); {@code OpenAI-Organization} from {@code
   * organization}; extra {@code headers}; {@code timeoutMs}.
   */
  static Connection of(
      ProviderConfig config, ProviderContext context, OpenAiCompatibleVendor vendor, String path) {
    URI baseUrl = baseUrl(config, context, vendor);
    String apiKey = config.apiKey(context.secrets(), vendor.apiKeyVariable()).orElse(null);
    if (apiKey == null && vendor.apiKeyRequired() && baseUrl.toString().equals(vendor.defaultBaseUrl()))
      config.requireApiKey(context.secrets(), vendor.apiKeyVariable());
    Map<String, String> headers = new LinkedHashMap<>();
    if (apiKey != null) headers.put("Authorization", "Bearer " + apiKey);
    config.string("organization").ifPresent(organization -> headers.put("OpenAI-Organization", organization));
    headers.putAll(config.stringMap("headers"));
    List<String> secrets = apiKey == null ? List.of() : List.of(apiKey);
    return new Connection(URI.create(baseUrl + path), headers, config.requestTimeout(), secrets);
  }

  /**
   * {@code apiBaseUrl}, else promptfoo's {@code apiHost} (meaning https://host/v1), else the vendor's variable
   * or default; a vendor without a default requires one of them.
   */
  static URI baseUrl(ProviderConfig config, ProviderContext context, OpenAiCompatibleVendor vendor) {
    Optional<String> host = config.string("apiHost").filter(text -> !config.has("apiBaseUrl"));
    if (host.isPresent()) return hostUrl(config, host.get());
    boolean configured = config.string("apiBaseUrl").filter(url -> !url.isBlank()).isPresent()
        || (vendor.baseUrlVariable() != null && context.secrets().resolve(vendor.baseUrlVariable()).isPresent());
    if (vendor.defaultBaseUrl() == null && !configured) {
      throw config.error(
          "apiBaseUrl",
          "is required: the root of the server's OpenAI-compatible API, e.g. http://localhost:8000/v1");
    }
    return config.baseUrl(context.secrets(), vendor.baseUrlVariable(), vendor.defaultBaseUrl());
  }

  private static URI hostUrl(ProviderConfig config, String host) {
    try {
      URI uri = new URI("https://" + host.strip() + "/v1");
      if (uri.getHost() != null) return uri;
    } catch (URISyntaxException e) {
      // reported below
    }
    throw config.error("apiHost", "must be a host name such as api.example.com, was \"" + host + "\"");
  }
}
