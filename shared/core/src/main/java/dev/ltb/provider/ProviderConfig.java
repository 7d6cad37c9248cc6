package dev.ltb.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ltb.suite.ProviderSpec;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Typed, validated reads of a provider's {@code config} from the suite. Every problem becomes a {@link
 * ProviderConfigException} that names the provider, the key and what was expected, so a bad suite fails
 * before anything is called. A key whose value is null counts as absent.
 *
 * <p>Also the one place that resolves the settings every HTTP provider shares: the API key ({@code apiKey},
 * else the variable named by {@code apiKeyEnvar}, else the vendor's variable), the base URL ({@code
 * apiBaseUrl}, else the vendor's variable, else the default) and the request timeout ({@code timeoutMs}).
 */
public final class ProviderConfig {

  /** Per HTTP request, including a streamed body; the engine's item timeout bounds the whole item anyway. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(120);

  /** Keys that {@link #apiKey}, {@link #baseUrl} and {@link #requestTimeout} read. */
  public static final List<String> CONNECTION_KEYS = List.of("apiKey", "apiKeyEnvar", "apiBaseUrl", "timeoutMs");

  private final String providerId;
  private final String path;
  private final JsonNode node;

  private ProviderConfig(String providerId, String path, JsonNode node) {
    this.providerId = providerId;
    this.path = path;
    this.node = node == null || node.isNull() ? JsonNodeFactory.instance.objectNode() : node;
    if (!this.node.isObject()) throw new ProviderConfigException(where() + "config must be a map of settings");
  }

  public static ProviderConfig of(ProviderSpec spec) {
    return new ProviderConfig(spec.id(), "", spec.config());
  }

  public static ProviderConfig of(String providerId, JsonNode config) {
    return new ProviderConfig(providerId, "", config);
  }

  public String providerId() {
    return providerId;
  }

  /** The raw config (read-only by convention). */
  public JsonNode json() {
    return node;
  }

  public boolean has(String key) {
    return value(key) != null;
  }

  public Set<String> keys() {
    Set<String> keys = new LinkedHashSet<>();
    node.fieldNames().forEachRemaining(keys::add);
    return Collections.unmodifiableSet(keys);
  }

  public Optional<JsonNode> node(String key) {
    return Optional.ofNullable(value(key));
  }

  /** A scalar as text (numbers and booleans are accepted as written). */
  public Optional<String> string(String key) {
    JsonNode value = value(key);
    if (value == null) return Optional.empty();
    if (!value.isValueNode()) throw error(key, "must be a text value, was " + describe(value));
    return Optional.of(value.asText());
  }

  public String requireString(String key) {
    return string(key).filter(text -> !text.isBlank()).orElseThrow(() -> error(key, "is required"));
  }

  public Optional<Double> number(String key) {
    JsonNode value = value(key);
    if (value == null) return Optional.empty();
    if (value.isNumber()) return Optional.of(value.doubleValue());
    if (value.isTextual()) {
      try {
        return Optional.of(Double.parseDouble(value.asText().strip()));
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw error(key, "must be a number, was " + describe(value));
  }

  public Optional<Double> number(String key, double min, double max) {
    Optional<Double> number = number(key);
    number.ifPresent(
        value -> {
          if (value < min || value > max) throw error(key, "must be between " + min + " and " + max + ", was " + value);
        });
    return number;
  }

  public Optional<Long> longValue(String key) {
    Optional<Double> number = number(key);
    if (number.isEmpty()) return Optional.empty();
    double value = number.get();
    if (value != Math.rint(value) || Math.abs(value) > 9.007199254740992E15)
      throw error(key, "must be a whole number, was " + describe(value(key)));
    return Optional.of((long) value);
  }

  public Optional<Integer> integer(String key) {
    return longValue(key).map(
        value -> {
          if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) throw error(key, "is too large: " + value);
          return value.intValue();
        });
  }

  public Optional<Integer> integer(String key, int min, int max) {
    Optional<Integer> integer = integer(key);
    integer.ifPresent(
        value -> {
          if (value < min || value > max) throw error(key, "must be between " + min + " and " + max + ", was " + value);
        });
    return integer;
  }

  public Optional<Boolean> bool(String key) {
    JsonNode value = value(key);
    if (value == null) return Optional.empty();
    if (value.isBoolean()) return Optional.of(value.booleanValue());
    if (value.isTextual() && (value.asText().equalsIgnoreCase("true") || value.asText().equalsIgnoreCase("false")))
      return Optional.of(Boolean.parseBoolean(value.asText()));
    throw error(key, "must be true or false, was " + describe(value));
  }

  /** A nested map of settings, read with the same rules (messages name the full path, e.g. {@code cost.input}). */
  public Optional<ProviderConfig> object(String key) {
    JsonNode value = value(key);
    if (value == null) return Optional.empty();
    if (!value.isObject()) throw error(key, "must be a map of settings, was " + describe(value));
    return Optional.of(new ProviderConfig(providerId, path + key + ".", value));
  }

  /** A single string or a list of strings. */
  public List<String> strings(String key) {
    JsonNode value = value(key);
    if (value == null) return List.of();
    if (value.isValueNode()) return List.of(value.asText());
    if (!value.isArray()) throw error(key, "must be a text or a list of texts, was " + describe(value));
    List<String> strings = new ArrayList<>();
    for (JsonNode element : value) {
      if (!element.isValueNode() || element.isNull())
        throw error(key, "must contain only texts, found " + describe(element));
      strings.add(element.asText());
    }
    return List.copyOf(strings);
  }

  /** A map of text values, e.g. extra HTTP {@code headers}. */
  public Map<String, String> stringMap(String key) {
    JsonNode value = value(key);
    if (value == null) return Map.of();
    if (!value.isObject()) throw error(key, "must be a map of texts, was " + describe(value));
    Map<String, String> map = new LinkedHashMap<>();
    value.properties().forEach(
        field -> {
          if (!field.getValue().isValueNode() || field.getValue().isNull())
            throw error(key + "." + field.getKey(), "must be a text value, was " + describe(field.getValue()));
          map.put(field.getKey(), field.getValue().asText());
        });
    return Collections.unmodifiableMap(map);
  }

  /** {@code timeoutMs}, else {@link #DEFAULT_REQUEST_TIMEOUT}. */
  public Duration requestTimeout() {
    return longValue("timeoutMs")
        .map(
            millis -> {
              if (millis < 1) throw error("timeoutMs", "must be at least 1 (milliseconds), was " + millis);
              return Duration.ofMillis(millis);
            })
        .orElse(DEFAULT_REQUEST_TIMEOUT);
  }

  /**
   * The API key: config {@code apiKey}, else the variable named by config {@code apiKeyEnvar}, else {@code
   * defaultVariable} (e.g. {@code OPENAI_API_KEY}), each looked up through the secret resolver.
   */
  public Optional<String> apiKey(SecretResolver secrets, String defaultVariable) {
    Optional<String> inline = string("apiKey").filter(key -> !key.isBlank());
    if (inline.isPresent()) return inline;
    String variable = string("apiKeyEnvar").filter(name -> !name.isBlank()).orElse(defaultVariable);
    return variable == null ? Optional.empty() : secrets.resolve(variable).filter(key -> !key.isBlank());
  }

  /** Like {@link #apiKey} but required, with a message that says where to put it. */
  public String requireApiKey(SecretResolver secrets, String defaultVariable) {
    return apiKey(secrets, defaultVariable)
        .orElseThrow(
            () -> new ProviderConfigException(
                where() + "no API key: set the environment variable "
                    + string("apiKeyEnvar").orElse(defaultVariable) + " or config apiKey"));
  }

  /**
   * The base URL without a trailing slash: config {@code apiBaseUrl}, else the variable {@code variable}
   * (e.g. {@code OPENAI_BASE_URL}), else {@code defaultUrl}.
   */
  public URI baseUrl(SecretResolver secrets, String variable, String defaultUrl) {
    Optional<String> configured = string("apiBaseUrl").filter(url -> !url.isBlank());
    if (configured.isPresent()) return httpUrl("apiBaseUrl", configured.get());
    Optional<String> fromEnvironment = variable == null ? Optional.empty() : secrets.resolve(variable);
    if (fromEnvironment.isPresent()) return httpUrl(variable + " (environment)", fromEnvironment.get());
    return httpUrl("default base URL", defaultUrl);
  }

  /** Keys present in the config that the provider does not know. */
  public List<String> unknownKeys(Collection<String> known) {
    return keys().stream().filter(key -> !known.contains(key)).toList();
  }

  /** Fails on keys the provider does not know (for our own providers, where a typo is surely a mistake). */
  public void rejectUnknownKeys(Collection<String> known) {
    List<String> unknown = unknownKeys(known);
    if (unknown.isEmpty()) return;
    String allowed = known.isEmpty() ? "this provider takes no config" : "known keys: " + String.join(", ", known);
    throw new ProviderConfigException(where() + "unknown config key(s) " + String.join(", ", unknown) + "; " + allowed);
  }

  /** An error about one key, in the common wording. */
  public ProviderConfigException error(String key, String problem) {
    return new ProviderConfigException(where() + "config " + path + key + " " + problem);
  }

  private URI httpUrl(String source, String text) {
    String trimmed = text.strip();
    while (trimmed.endsWith("/")) trimmed = trimmed.substring(0, trimmed.length() - 1);
    try {
      URI uri = new URI(trimmed);
      if (uri.getScheme() != null && (uri.getScheme().equals("http") || uri.getScheme().equals("https"))
          && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new ProviderConfigException(
        where() + source + " \"" + text + "\" is not an http(s) URL such as https://api.example.com/v1");
  }

  private JsonNode value(String key) {
    JsonNode value = node.get(key);
    return value == null || value.isNull() || value.isMissingNode() ? null : value;
  }

  private String where() {
    return "provider " + providerId + ": ";
  }

  private static String describe(JsonNode value) {
    if (value.isObject()) return "a map";
    if (value.isArray()) return "a list";
    if (value.isTextual()) return "\"" + value.asText() + "\"";
    return value.toString();
  }
}
