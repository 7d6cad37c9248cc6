package dev.ltb.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProviderConfigTest {

  @Test
  void readsTypedValues() {
    ProviderConfig config =
        config(
            """
            temperature: 0.2
            max_tokens: 256
            stream: true
            model: gpt-4o
            stop: ["\\n", END]
            headers: {X-Team: bench}
            nested: {a: 1}
            nothing: null
            """);

    assertThat(config.number("temperature")).contains(0.2);
    assertThat(config.integer("max_tokens")).contains(256);
    assertThat(config.bool("stream")).contains(true);
    assertThat(config.string("model")).contains("gpt-4o");
    assertThat(config.strings("stop")).containsExactly("\n", "END");
    assertThat(config.strings("model")).containsExactly("gpt-4o");
    assertThat(config.stringMap("headers")).isEqualTo(Map.of("X-Team", "bench"));
    assertThat(config.object("nested").orElseThrow().integer("a")).contains(1);
    assertThat(config.has("nothing")).isFalse();
    assertThat(config.number("missing")).isEmpty();
    assertThat(config.unknownKeys(List.of("temperature", "max_tokens", "stream", "model", "stop")))
        .containsExactly("headers", "nested", "nothing");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
          temperature: hot           | number  | provider p: config temperature must be a number, was "hot"
          max_tokens: 2.5            | integer | provider p: config max_tokens must be a whole number, was 2.5
          stream: maybe              | bool    | provider p: config stream must be true or false, was "maybe"
          model: [a, b]              | string  | provider p: config model must be a text value, was a list
          top_p: 1.5                 | range   | provider p: config top_p must be between 0.0 and 1.0, was 1.5
          cost: {input: x}           | nested  | provider p: config cost.input must be a number, was "x"
          headers: [a]               | map     | provider p: config headers must be a map of texts, was a list
          timeoutMs: 0               | timeout | provider p: config timeoutMs must be at least 1 (milliseconds), was 0
          """)
  void explainsWhatIsWrong(String yaml, String read, String message) {
    ProviderConfig config = config(yaml);

    assertThatThrownBy(
            () -> {
              switch (read) {
                case "number" -> config.number("temperature");
                case "integer" -> config.integer("max_tokens");
                case "bool" -> config.bool("stream");
                case "string" -> config.string("model");
                case "range" -> config.number("top_p", 0, 1);
                case "nested" -> config.object("cost").orElseThrow().number("input");
                case "map" -> config.stringMap("headers");
                case "timeout" -> config.requestTimeout();
                default -> throw new IllegalArgumentException(read);
              }
            })
        .isInstanceOf(ProviderConfigException.class)
        .hasMessage(message);
  }

  @Test
  void rejectsUnknownKeysWithTheKnownOnes() {
    assertThatThrownBy(() -> config("respones: {}\nseed: 1").rejectUnknownKeys(List.of("responses", "seed")))
        .isInstanceOf(ProviderConfigException.class)
        .hasMessage("provider p: unknown config key(s) respones; known keys: responses, seed");
  }

  @Test
  void configMustBeAMap() {
    assertThatThrownBy(() -> ProviderConfig.of("p", Json.mapper().getNodeFactory().textNode("x")))
        .isInstanceOf(ProviderConfigException.class)
        .hasMessage("provider p: config must be a map of settings");
  }

  @Test
  void requestTimeoutDefaultsAndReadsMillis() {
    assertThat(config("{}").requestTimeout()).isEqualTo(ProviderConfig.DEFAULT_REQUEST_TIMEOUT);
    assertThat(config("timeoutMs: 1500").requestTimeout()).isEqualTo(Duration.ofMillis(1500));
  }

  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "none",
      textBlock = """
          apiKey: inline                 | none                        | inline
          {}                             | OPENAI_API_KEY=from-env     | from-env
          apiKeyEnvar: MY_KEY            | MY_KEY=mine                 | mine
          apiKeyEnvar: MY_KEY            | OPENAI_API_KEY=from-env     | none
          apiKey: ''                     | OPENAI_API_KEY=from-env     | from-env
          {}                             | none                        | none
          """)
  void resolvesTheApiKey(String yaml, String variable, String expected) {
    SecretResolver secrets = secrets(variable);

    assertThat(config(yaml).apiKey(secrets, "OPENAI_API_KEY").orElse(null)).isEqualTo(expected);
  }

  @Test
  void aMissingKeySaysWhereToPutIt() {
    assertThatThrownBy(() -> config("apiKeyEnvar: TEAM_KEY").requireApiKey(secrets(null), "OPENAI_API_KEY"))
        .isInstanceOf(ProviderConfigException.class)
        .hasMessage("provider p: no API key: set the environment variable TEAM_KEY or config apiKey");
  }

  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "none",
      textBlock = """
          apiBaseUrl: http://localhost:11434/v1/   | OPENAI_BASE_URL=https://proxy/v1 | http://localhost:11434/v1
          {}                                       | OPENAI_BASE_URL=https://proxy/v1 | https://proxy/v1
          {}                                       | none                             | https://api.openai.com/v1
          """)
  void resolvesTheBaseUrl(String yaml, String variable, String expected) {
    URI url = config(yaml).baseUrl(secrets(variable), "OPENAI_BASE_URL", "https://api.openai.com/v1");

    assertThat(url).isEqualTo(URI.create(expected));
  }

  @Test
  void aBaseUrlMustBeHttp() {
    assertThatThrownBy(() -> config("apiBaseUrl: localhost:8080").baseUrl(secrets(null), "X", "https://a"))
        .isInstanceOf(ProviderConfigException.class)
        .hasMessage("provider p: apiBaseUrl \"localhost:8080\" is not an http(s) URL such as https://api.example.com/v1");
  }

  private static SecretResolver secrets(String assignment) {
    if (assignment == null) return SecretResolver.of(Map.of());
    String[] parts = assignment.split("=", 2);
    return SecretResolver.of(Map.of(parts[0], parts[1]));
  }

  static ProviderConfig config(String yaml) {
    try {
      JsonNode node = Json.yaml().readTree(yaml);
      return ProviderConfig.of("p", node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
