package dev.ltb.provider.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ltb.provider.ProviderErrorKind;
import dev.ltb.provider.ProviderException;
import dev.ltb.provider.ProviderFixtures;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpErrorMapperTest {

  private static final HttpHeaders NO_HEADERS = HttpHeaders.of(Map.of(), (name, value) -> true);

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
          401 | {"error":{"message":"Incorrect API key provided","type":"invalid_request_error","code":"invalid_api_key"}} | AUTHENTICATION | p: HTTP 401 authentication failed (check the API key): invalid_api_key: Incorrect API key provided
          403 | {"error":{"type":"permission_error","message":"no access"}}  | AUTHENTICATION   | p: HTTP 403 permission denied (check the API key's access to this model): permission_error: no access
          400 | {"error":{"message":"Invalid value for 'temperature'","type":"invalid_request_error","param":"temperature","code":null}} | INVALID_REQUEST | p: HTTP 400 invalid request: invalid_request_error: Invalid value for 'temperature'
          404 | {"error":"model 'llama9' not found"}                         | INVALID_REQUEST  | p: HTTP 404 not found (check the model name and apiBaseUrl): model 'llama9' not found
          413 | ''                                                           | INVALID_REQUEST  | p: HTTP 413 request too large
          422 | {"detail":[{"loc":["body","messages"],"msg":"field required"}]} | INVALID_REQUEST | p: HTTP 422 unprocessable request: field required
          400 | {"error":{"message":"filtered","code":"content_filter"}}     | CONTENT_FILTERED | p: HTTP 400 invalid request: content_filter: filtered
          408 | {"message":"took too long"}                                  | TIMEOUT          | p: HTTP 408 request timeout: took too long
          500 | {"detail":"engine crashed"}                                  | SERVER_ERROR     | p: HTTP 500 server error: engine crashed
          422 | {"object":"error","message":{"detail":[{"type":"extra_forbidden","loc":["body","max_completion_tokens"],"msg":"Extra inputs are not permitted"}]},"type":"invalid_request_error"} | INVALID_REQUEST | p: HTTP 422 unprocessable request: invalid_request_error: max_completion_tokens: Extra inputs are not permitted
          502 | <html><body><h1>502 Bad Gateway</h1></body></html>           | SERVER_ERROR     | p: HTTP 502 bad gateway: 502 Bad Gateway
          503 | {"message":"try later","type":"unavailable"}                 | SERVER_ERROR     | p: HTTP 503 service unavailable: unavailable: try later
          418 | {"errors":[{"message":"I am a teapot"}]}                     | INVALID_REQUEST  | p: HTTP 418 client error: I am a teapot
          302 | ''                                                           | MALFORMED_RESPONSE | p: HTTP 302 unexpected status
          """)
  void mapsStatusAndVendorMessage(int status, String body, ProviderErrorKind kind, String message) {
    ProviderException e = HttpErrorMapper.map("p", status, NO_HEADERS, body);

    assertThat(e.kind()).isEqualTo(kind);
    assertThat(e.getMessage()).isEqualTo(message);
    assertThat(e.httpStatus()).isEqualTo(kind == ProviderErrorKind.TIMEOUT ? 0 : status);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
          openai-error-429-rate-limit        | RATE_LIMITED | 6     | openai: HTTP 429 rate limited: rate_limit_exceeded: Rate limit reached for 10KTPM-200RPM in organization org-OASFC7k1Ff5IzueeLArhQtnT on tokens per min. Limit: 10000 / min. Please try again in 6ms. Contact us through our help center at help.openai.com if you continue to have issues.
          anthropic-error-529-overloaded     | SERVER_ERROR | -1    | openai: HTTP 529 overloaded: overloaded_error: Overloaded
          ollama-error                       | SERVER_ERROR | -1    | openai: HTTP 500 server error: the model failed to generate a response
          """)
  void mapsRecordedVendorErrors(String fixture, ProviderErrorKind kind, long retryAfterMillis, String message) {
    ProviderFixtures.Fixture error = ProviderFixtures.load(fixture);

    ProviderException e = HttpErrorMapper.map("openai", error.status(), NO_HEADERS, error.body());

    assertThat(e.kind()).isEqualTo(kind);
    assertThat(e.getMessage()).isEqualTo(message);
    assertThat(e.retryAfter().map(Duration::toMillis).orElse(-1L)).isEqualTo(retryAfterMillis);
  }

  @Test
  void keepsGooglesStatusNameAndShortensLongMessages() {
    ProviderFixtures.Fixture error = ProviderFixtures.load("gemini-error-429-resource-exhausted");
    String longBody = "{\"error\":{\"message\":\"" + "word ".repeat(100) + "\"}}";

    ProviderException e = HttpErrorMapper.map("google:gemini-2.0-flash", 429, NO_HEADERS, error.body());

    assertThat(e.kind()).isEqualTo(ProviderErrorKind.RATE_LIMITED);
    assertThat(e.getMessage())
        .startsWith("google:gemini-2.0-flash: HTTP 429 rate limited: RESOURCE_EXHAUSTED: Quota exceeded");
    assertThat(HttpErrorMapper.vendorMessage(longBody)).hasSize(HttpErrorMapper.MAX_VENDOR_MESSAGE).endsWith("...");
  }

  @Test
  void serverErrorsCarryRetryAfterFromHeaders() {
    HttpHeaders headers = RetryAfterTest.headers("retry-after: 3");

    ProviderException e = HttpErrorMapper.map("p", 503, headers, "");

    assertThat(e.kind()).isEqualTo(ProviderErrorKind.SERVER_ERROR);
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
  }

  @Test
  void headersWinOverBodyHints() {
    String body = ProviderFixtures.load("openai-error-429-rate-limit").body();

    ProviderException e = HttpErrorMapper.map("p", 429, RetryAfterTest.headers("retry-after-ms: 1200"), body);

    assertThat(e.retryAfter()).isEqualTo(Optional.of(Duration.ofMillis(1200)));
  }
}
