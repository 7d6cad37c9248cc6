package dev.ltb.provider.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ltb.provider.ProviderFixtures;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryAfterTest {

  private static final Clock NOW = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "none",
      textBlock = """
          retry-after: 7                                          | 7000
          Retry-After: 1.5                                        | 1500
          retry-after: Sun, 01 Jun 2025 12:00:30 GMT              | 30000
          retry-after: Sun, 01 Jun 2025 11:59:00 GMT              | 0
          retry-after-ms: 250                                     | 250
          retry-after-ms: 250; retry-after: 1                     | 250
          retry-after: soon                                       | none
          x-ratelimit-reset-requests: 1m30s                       | 90000
          x-ratelimit-reset-tokens: 20ms                          | 20
          x-ratelimit-reset-requests: 6s; x-ratelimit-reset-tokens: 2m0.5s | 120500
          x-ratelimit-reset-tokens: 7.66                          | 7660
          x-ratelimit-reset-tokens: 1h                            | 3600000
          retry-after: 2; x-ratelimit-reset-tokens: 1h            | 2000
          content-type: application/json                          | none
          """)
  void readsTheWaitFromHeaders(String headers, Long expectedMillis) {
    Optional<Duration> wait = RetryAfter.fromHeaders(headers(headers), NOW);

    assertThat(wait.map(Duration::toMillis)).isEqualTo(Optional.ofNullable(expectedMillis));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "none",
      textBlock = """
          Please try again in 6ms. Contact us                   | 6
          Rate limit reached. Please try again in 1.5s.         | 1500
          try again in 20 seconds                               | 20000
          Try again in 2 minutes                                | 120000
          {"details":[{"retryDelay": "36s"}]}                   | 36000
          Quota exceeded                                        | none
          """)
  void readsHintsFromTheErrorBody(String body, Long expectedMillis) {
    assertThat(RetryAfter.fromBody(body).map(Duration::toMillis)).isEqualTo(Optional.ofNullable(expectedMillis));
  }

  @Test
  void readsOpenAisMessageFromTheRecorded429() {
    String body = ProviderFixtures.load("openai-error-429-rate-limit").body();

    assertThat(RetryAfter.fromBody(body)).contains(Duration.ofMillis(6));
  }

  @ParameterizedTest
  @CsvSource({"1h2m3.5s, 3723500", "500ms, 500", "0s, 0", "3, 3000", "abc, -1", "2x, -1", "'', -1"})
  void parsesGoDurations(String text, long expectedMillis) {
    assertThat(RetryAfter.duration(text).map(Duration::toMillis).orElse(-1L)).isEqualTo(expectedMillis);
  }

  static HttpHeaders headers(String text) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (String header : text.split(";")) {
      int colon = header.indexOf(':');
      map.put(header.substring(0, colon).strip(), List.of(header.substring(colon + 1).strip()));
    }
    return HttpHeaders.of(map, (name, value) -> true);
  }
}
