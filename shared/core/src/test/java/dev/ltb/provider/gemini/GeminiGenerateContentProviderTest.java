package dev.ltb.provider.gemini;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.ltb.json.Json;
import dev.ltb.provider.ChatMessage;
import dev.ltb.provider.ContentPart;
import dev.ltb.provider.FinishReason;
import dev.ltb.provider.ProviderConfigException;
import dev.ltb.provider.ProviderContext;
import dev.ltb.provider.ProviderErrorKind;
import dev.ltb.provider.ProviderException;
import dev.ltb.provider.ProviderFixtures;
import dev.ltb.provider.ProviderRequest;
import dev.ltb.provider.ProviderResponse;
import dev.ltb.provider.SecretResolver;
import dev.ltb.provider.TokenLogprob;
import dev.ltb.provider.TokenUsage;
import dev.ltb.provider.ToolCall;
import dev.ltb.suite.ProviderSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GeminiGenerateContentProviderTest {

  @RegisterExtension
  static WireMockExtension google =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  // Shaped like no known vendor key, so only the provider's own secrets() list can redact it.
  private static final String KEY = "team-key-3d8f1a6c9b2e4071";
  private static final String FLASH = "gemini:gemini-2.0-flash";
  private static final String GENERATE = "/v1beta/models/gemini-2.0-flash:generateContent";
  private static final String STREAM = "/v1beta/models/gemini-2.0-flash:streamGenerateContent";

  @Test
  void answersAndSendsTheDocumentedRequest() {
    stub(GENERATE, ProviderFixtures.load("gemini-generate-content").response());
    List<ChatMessage> messages =
        List.of(ChatMessage.system("Answer in one sentence."), ChatMessage.user("Where is Google headquarters?"));

    ProviderResponse response =
        provider("google:gemini-2.0-flash", "temperature: 0.2\nmaxOutputTokens: 100\nseed: 7")
            .complete(new ProviderRequest(messages, "Where is Google headquarters?", true));

    assertThat(response.withLatency(0))
        .isEqualTo(
            ProviderResponse.of(
                "Google's headquarters, also known as the Googleplex, is located in **Mountain View, California**.\n",
                new TokenUsage(7, 22, 0), (7 * 0.10 + 22 * 0.40) / 1e6, FinishReason.STOP));
    assertThat(response.latencyMs()).isPositive();
    google.verify(
        postRequestedFor(urlPathEqualTo(GENERATE))
            .withHeader("x-goog-api-key", equalTo(KEY))
            .withHeader("Content-Type", equalTo("application/json"))
            .withQueryParam("key", absent())
            .withRequestBody(
                equalToJson(
                    """
                    {"contents": [{"role": "user", "parts": [{"text": "Where is Google headquarters?"}]}],
                     "systemInstruction": {"parts": [{"text": "Answer in one sentence."}]},
                     "generationConfig": {"temperature": 0.2, "maxOutputTokens": 100, "seed": 7}}
                    """)));
  }

  @Test
  void streamsTheAnswerChunkByChunk() {
    stub(STREAM, ProviderFixtures.load("gemini-stream-generate-content").response().withChunkedDribbleDelay(6, 600));

    ProviderResponse response = ask(provider(FLASH, "stream: true"), "What is the capital of Wyoming?");

    assertThat(response.output()).isEqualTo("The capital of Wyoming is **Cheyenne**.\n");
    assertThat(response.usage()).isEqualTo(new TokenUsage(7, 10, 0));
    assertThat(response.costUsd()).isCloseTo((7 * 0.10 + 10 * 0.40) / 1e6, within(1e-12));
    assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(response.timeToFirstTokenMs()).isNotNull().isPositive().isLessThan(response.latencyMs());
    google.verify(
        postRequestedFor(urlPathEqualTo(STREAM))
            .withQueryParam("alt", equalTo("sse"))
            .withHeader("x-goog-api-key", equalTo(KEY))
            .withHeader("Accept", equalTo("text/event-stream"))
            .withRequestBody(
                equalToJson(
                    """
                    {"contents": [{"role": "user", "parts": [{"text": "What is the capital of Wyoming?"}]}]}
                    """)));
  }

  @Test
  void streamsAFunctionCall() {
    stub(STREAM, ProviderFixtures.load("gemini-stream-function-call").response());

    ProviderResponse response = ask(provider(FLASH, "stream: true"), "Temperature in San Jose?");

    assertThat(response.toolCalls()).containsExactly(new ToolCall(null, "getTemperature", "{\"city\":\"San Jose\"}"));
    assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    assertThat(response.costUsd()).as("no usage reported, so no cost").isNull();
  }

  @Test
  void passesToolsThroughAndReturnsFunctionCalls() {
    String recorded = ProviderFixtures.text("gemini-stream-function-call.txt").strip().substring("data: ".length());
    stub(GENERATE, aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(recorded));
    String tools =
        """
        tools:
          - functionDeclarations:
              - name: getTemperature
                description: The temperature in a city
                parameters: {type: OBJECT, properties: {city: {type: STRING}}, required: [city]}
        toolConfig: {functionCallingConfig: {mode: AUTO}}
        """;

    ProviderResponse response = ask(provider(FLASH, tools), "Temperature in San Jose?");

    assertThat(response.toolCalls()).containsExactly(new ToolCall(null, "getTemperature", "{\"city\":\"San Jose\"}"));
    assertThat(response.output())
        .isEqualTo("[{\"functionCall\":{\"name\":\"getTemperature\",\"args\":{\"city\":\"San Jose\"}}}]");
    google.verify(
        postRequestedFor(urlPathEqualTo(GENERATE))
            .withRequestBody(
                equalToJson(
                    """
                    {"contents": [{"role": "user", "parts": [{"text": "Temperature in San Jose?"}]}],
                     "tools": [{"functionDeclarations": [{"name": "getTemperature",
                       "description": "The temperature in a city",
                       "parameters": {"type": "OBJECT", "properties": {"city": {"type": "STRING"}}, "required": ["city"]}}]}],
                     "toolConfig": {"functionCallingConfig": {"mode": "AUTO"}}}
                    """)));
  }

  @Test
  void sendsImagesInlineAndByUri() {
    stub(GENERATE, ProviderFixtures.load("gemini-generate-content").response());
    ChatMessage question =
        new ChatMessage(
            ChatMessage.Role.USER,
            List.of(
                new ContentPart.Text("Compare these two images."),
                new ContentPart.Image(null, "image/jpeg", "/9j/4AAQSkZJRg=="),
                new ContentPart.Image(
                    "https://generativelanguage.googleapis.com/v1beta/files/abc-123", "image/png", null)));

    provider(FLASH, "{}").complete(new ProviderRequest(List.of(question), "x", true));

    google.verify(
        postRequestedFor(urlPathEqualTo(GENERATE))
            .withRequestBody(
                equalToJson(
                    """
                    {"contents": [{"role": "user", "parts": [
                      {"text": "Compare these two images."},
                      {"inlineData": {"mimeType": "image/jpeg", "data": "/9j/4AAQSkZJRg=="}},
                      {"fileData": {"mimeType": "image/png",
                                    "fileUri": "https://generativelanguage.googleapis.com/v1beta/files/abc-123"}}]}]}
                    """)));
  }

  @Test
  void asksForJsonWithASchemaAndForLogprobs() {
    String answer =
        """
        {"candidates": [{"content": {"role": "model", "parts": [{"text": "{\\"city\\": \\"Cheyenne\\"}"}]},
          "finishReason": "STOP",
          "logprobsResult": {"chosenCandidates": [
            {"token": "{\\"", "logProbability": -0.001}, {"token": "city", "logProbability": -0.02}]}}],
         "usageMetadata": {"promptTokenCount": 9, "candidatesTokenCount": 6, "totalTokenCount": 15},
         "modelVersion": "gemini-2.0-flash"}
        """;
    stub(GENERATE, aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(answer));

    String config = "responseSchema: {type: OBJECT, properties: {city: {type: STRING}}}\nlogprobs: 2";

    ProviderResponse response = ask(provider(FLASH, config), "Capital?");

    assertThat(response.output()).isEqualTo("{\"city\": \"Cheyenne\"}");
    assertThat(response.logprobs()).containsExactly(new TokenLogprob("{\"", -0.001), new TokenLogprob("city", -0.02));
    google.verify(
        postRequestedFor(urlPathEqualTo(GENERATE))
            .withRequestBody(matchingJsonPath("$.generationConfig.responseMimeType", equalTo("application/json")))
            .withRequestBody(matchingJsonPath("$.generationConfig.responseSchema.type", equalTo("OBJECT")))
            .withRequestBody(matchingJsonPath("$.generationConfig.responseLogprobs", equalTo("true")))
            .withRequestBody(matchingJsonPath("$.generationConfig.logprobs", equalTo("2"))));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"gemini-generate-content-prompt-blocked", "gemini-generate-content-empty-candidates"})
  void aBlockedPromptIsAnEmptyAnswerStoppedByTheContentFilter(String fixture) {
    stub(GENERATE, ProviderFixtures.load(fixture).response());

    ProviderResponse response = ask(provider(FLASH, "{}"), "Something unsafe");

    assertThat(response.withLatency(0))
        .isEqualTo(ProviderResponse.of("", TokenUsage.NONE, null, FinishReason.CONTENT_FILTER));
  }

  @Test
  void aStreamWhosePromptWasBlockedIsAContentFilterAnswerToo() {
    stub(STREAM, ProviderFixtures.load("gemini-stream-prompt-blocked").response());

    ProviderResponse response = ask(provider(FLASH, "stream: true"), "Something unsafe");

    assertThat(response.finishReason()).isEqualTo(FinishReason.CONTENT_FILTER);
    assertThat(response.output()).isEmpty();
  }

  @Test
  void anAnswerStoppedForSafetyIsKeptWithItsFinishReason() {
    stub(GENERATE, ProviderFixtures.load("gemini-generate-content-finish-safety").response());

    ProviderResponse response = ask(provider(FLASH, "{}"), "Count down");

    assertThat(response.output()).isEqualTo("Safety error incoming in 5, 4, 3, 2...");
    assertThat(response.finishReason()).isEqualTo(FinishReason.CONTENT_FILTER);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "none",
      textBlock = """
          400 | INVALID_ARGUMENT   | * GenerateContentRequest.contents: contents is not specified | none | INVALID_REQUEST | -1 | invalid request
          403 | PERMISSION_DENIED  | Method doesn't allow unregistered callers. | none | AUTHENTICATION | -1 | permission denied (check the API key's access to this model)
          404 | NOT_FOUND          | models/gemini-nope is not found for API version v1beta. | none | INVALID_REQUEST | -1 | not found (check the model name and apiBaseUrl)
          429 | RESOURCE_EXHAUSTED | Resource has been exhausted (e.g. check quota). | 30 | RATE_LIMITED | 30000 | rate limited
          500 | INTERNAL           | An internal error has occurred. | none | SERVER_ERROR | -1 | server error
          503 | UNAVAILABLE        | The model is overloaded. Please try again later. | none | SERVER_ERROR | -1 | service unavailable
          """)
  void mapsGoogleErrorBodies(
      int status, String code, String vendorMessage, String retryAfter, ProviderErrorKind kind, long waitMillis,
      String label) {
    String body =
        "{\"error\": {\"code\": " + status + ", \"message\": \"" + vendorMessage + "\", \"status\": \"" + code + "\"}}";
    ResponseDefinitionBuilder answer =
        aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    if (retryAfter != null) answer.withHeader("Retry-After", retryAfter);
    stub(GENERATE, answer);

    assertThatThrownBy(() -> ask(provider(FLASH, "{}"), "Hi"))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(kind);
              assertThat(e.httpStatus()).isEqualTo(status);
              assertThat(e.retryAfter().map(Duration::toMillis).orElse(-1L)).isEqualTo(waitMillis);
              assertThat(e.getMessage())
                  .isEqualTo(FLASH + ": HTTP " + status + " " + label + ": " + code + ": " + vendorMessage);
            });
  }

  @Test
  void aRejectedApiKeyIsAnAuthenticationErrorThoughGoogleAnswers400() {
    stub(GENERATE, ProviderFixtures.load("gemini-error-400-api-key").response());

    assertThatThrownBy(() -> ask(provider(FLASH, "{}"), "Hi"))
        .isInstanceOfSatisfying(
            ProviderException.Authentication.class,
            e -> {
              assertThat(e.retryable()).isFalse();
              assertThat(e.httpStatus()).isEqualTo(400);
              assertThat(e.getMessage())
                  .isEqualTo(FLASH + ": HTTP 400 invalid request: INVALID_ARGUMENT: API key not valid. Please pass a"
                      + " valid API key.");
            });
  }

  @Test
  void aQuotaErrorWaitsAsLongAsGoogleAsks() {
    ObjectNode body = (ObjectNode) ProviderFixtures.load("gemini-error-429-resource-exhausted").bodyJson();
    ((com.fasterxml.jackson.databind.node.ArrayNode) body.at("/error/details"))
        .addObject()
        .put("@type", "type.googleapis.com/google.rpc.RetryInfo")
        .put("retryDelay", "36s");
    stub(GENERATE, aResponse().withStatus(429).withHeader("Content-Type", "application/json").withBody(body.toString()));

    assertThatThrownBy(() -> ask(provider(FLASH, "{}"), "Hi"))
        .isInstanceOfSatisfying(
            ProviderException.RateLimited.class,
            e -> {
              assertThat(e.retryAfter()).contains(Duration.ofSeconds(36));
              assertThat(e.getMessage()).startsWith(FLASH + ": HTTP 429 rate limited: RESOURCE_EXHAUSTED: Quota exceeded");
            });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
          not JSON          | <html>Bad gateway</html>               | gemini:gemini-2.0-flash: response is not the expected JSON (
          no candidates     | {"modelVersion": "gemini-2.0-flash"}   | gemini:gemini-2.0-flash: the answer has no candidates
          """)
  void rejectsMalformedAnswers(String why, String body, String message) {
    stub(GENERATE, aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body));

    assertThatThrownBy(() -> ask(provider(FLASH, "{}"), "Hi"))
        .isInstanceOf(ProviderException.MalformedResponse.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void anErrorMidwayThroughTheStreamFailsTheCall() {
    String first = ProviderFixtures.text("gemini-stream-generate-content.txt").split("\n\n")[0];
    String stream =
        first + "\n\ndata: {\"error\": {\"code\": 503, \"message\": \"The model is overloaded. Please try again later.\","
            + " \"status\": \"UNAVAILABLE\"}}\n\n";
    stub(STREAM, aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(stream));

    assertThatThrownBy(() -> ask(provider(FLASH, "stream: true"), "Hi"))
        .isInstanceOfSatisfying(
            ProviderException.ServerError.class,
            e -> {
              assertThat(e.retryable()).isTrue();
              assertThat(e.getMessage())
                  .isEqualTo(FLASH + ": the server failed while streaming: UNAVAILABLE: The model is overloaded. Please"
                      + " try again later.");
            });
  }

  @Test
  void acceptsAGatewayThatAnswersAStreamRequestWithOneDocument() {
    stub(STREAM, ProviderFixtures.load("gemini-generate-content").response());

    ProviderResponse response = ask(provider(FLASH, "stream: true"), "Where is Google headquarters?");

    assertThat(response.output()).startsWith("Google's headquarters");
    assertThat(response.usage()).isEqualTo(new TokenUsage(7, 22, 0));
  }

  @Test
  void anEmptyStreamIsMalformed() {
    stub(STREAM, aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(""));

    assertThatThrownBy(() -> ask(provider(FLASH, "stream: true"), "Hi"))
        .isInstanceOf(ProviderException.MalformedResponse.class)
        .hasMessage(FLASH + ": the stream ended before any answer");
  }

  @Test
  void givesUpWhenTheAnswerIsTooSlow() {
    stub(GENERATE, ProviderFixtures.load("gemini-generate-content").response().withFixedDelay(3000));

    assertThatThrownBy(() -> ask(provider(FLASH, "timeoutMs: 300"), "Hi"))
        .isInstanceOf(ProviderException.Timeout.class)
        .hasMessage(FLASH + ": no response within 300 ms");
  }

  @Test
  void readsTheKeyAndTheBaseUrlFromTheEnvironment() {
    stub(GENERATE, ProviderFixtures.load("gemini-generate-content").response());
    ProviderContext context = context(Map.of("GEMINI_API_KEY", KEY, "GOOGLE_API_BASE_URL", google.baseUrl()));

    ask(new GeminiGenerateContentProvider.Factory("gemini").create(ProviderSpec.of(FLASH), context), "Hi");

    google.verify(postRequestedFor(urlPathEqualTo(GENERATE)).withHeader("x-goog-api-key", equalTo(KEY)));
  }

  @Test
  void googleApiKeyWinsOverGeminiApiKeyAsInGooglesSdks() {
    stub(GENERATE, ProviderFixtures.load("gemini-generate-content").response());
    ProviderContext context =
        context(
            Map.of("GEMINI_API_KEY", "gemini-key-0000", "GOOGLE_API_KEY", KEY, "GOOGLE_API_BASE_URL", google.baseUrl()));
    ProviderSpec spec = ProviderSpec.of("google:gemini-2.0-flash");

    ask(new GeminiGenerateContentProvider.Factory("google").create(spec, context), "Hi");

    google.verify(postRequestedFor(urlPathEqualTo(GENERATE)).withHeader("x-goog-api-key", equalTo(KEY)));
  }

  @Test
  void keepsTheApiVersionOfAConfiguredBaseUrl() {
    String v1 = "/v1/models/gemini-2.0-flash:generateContent";
    stub(v1, ProviderFixtures.load("gemini-generate-content").response());
    JsonNode config = Json.mapper().createObjectNode().put("apiBaseUrl", google.baseUrl() + "/v1/");

    new GeminiGenerateContentProvider.Factory("gemini")
        .create(ProviderSpec.of("gemini:models/gemini-2.0-flash", config), context(Map.of("GEMINI_API_KEY", KEY)))
        .complete(ProviderRequest.ofText("Hi"));

    google.verify(postRequestedFor(urlPathEqualTo(v1)));
  }

  @Test
  void sendsExtraHeadersAndPassthroughFields() {
    stub(GENERATE, ProviderFixtures.load("gemini-generate-content").response());

    provider(FLASH, "headers: {X-Team: bench}\npassthrough: {cachedContent: cachedContents/abc-123}")
        .complete(ProviderRequest.ofText("Hi"));

    google.verify(
        postRequestedFor(urlPathEqualTo(GENERATE))
            .withHeader("X-Team", equalTo("bench"))
            .withRequestBody(matchingJsonPath("$.cachedContent", equalTo("cachedContents/abc-123"))));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
          gemini:gemini-2.0-flash        | {}                  | provider gemini:gemini-2.0-flash: no API key: set the environment variable GEMINI_API_KEY (or GOOGLE_API_KEY) or config apiKey
          gemini:gemini-2.0-flash        | apiKeyEnvar: MY_KEY | provider gemini:gemini-2.0-flash: no API key: set the environment variable MY_KEY or config apiKey
          gemini:embed:text-embedding-004 | apiKey: k          | provider gemini:embed:text-embedding-004: text-embedding-004 is an embedding model; use it where an embedding provider is expected (similarity assertions), not as a provider
          google:                        | apiKey: k           | provider google:: write the id as google:<model>, e.g. google:gemini-2.5-flash
          gemini:gemini-2.0-flash        | 'apiKey: k\\ntopP: 2' | provider gemini:gemini-2.0-flash: config topP must be between 0.0 and 1.0, was 2.0
          """)
  void explainsABadSetup(String id, String yaml, String message) {
    ProviderSpec spec = ProviderSpec.of(id, yaml(yaml.replace("\\n", "\n")));
    String prefix = id.substring(0, id.indexOf(':'));

    assertThatThrownBy(() -> new GeminiGenerateContentProvider.Factory(prefix).create(spec, context(Map.of())))
        .isInstanceOf(ProviderConfigException.class)
        .hasMessage(message);
  }

  @Test
  void theApiKeyNeverAppearsInAnErrorOrALogLine() {
    List<ResponseDefinitionBuilder> answersEchoingTheKey =
        List.of(
            aResponse()
                .withStatus(400)
                .withBody("{\"error\":{\"code\":400,\"message\":\"API key not valid: " + KEY + "\",\"status\":"
                    + "\"INVALID_ARGUMENT\"}}"),
            aResponse().withStatus(403).withBody("{\"error\":\"bad header x-goog-api-key: " + KEY + "\"}"),
            aResponse().withStatus(503).withBody("<html>upstream rejected " + KEY + "</html>"),
            aResponse().withStatus(200).withBody("oops " + KEY),
            aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/event-stream")
                .withBody("data: {\"error\":{\"code\":500,\"message\":\"" + KEY + "\",\"status\":\"INTERNAL\"}}\n\n"));
    PrintStream originalErr = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    List<String> messages = new ArrayList<>();
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    try {
      for (ResponseDefinitionBuilder answer : answersEchoingTheKey) {
        stub(GENERATE, answer);
        stub(STREAM, answer);
        for (String config : List.of("{}", "stream: true")) {
          try {
            provider(FLASH, config).complete(ProviderRequest.ofText("Hi"));
          } catch (ProviderException e) {
            for (Throwable t = e; t != null; t = t.getCause()) messages.add(String.valueOf(t.getMessage()));
          }
        }
      }
    } finally {
      System.setErr(originalErr);
    }

    assertThat(messages).hasSizeGreaterThanOrEqualTo(2 * answersEchoingTheKey.size());
    assertThat(messages).noneMatch(message -> message.contains(KEY));
    assertThat(messages).anyMatch(message -> message.contains("[REDACTED]"));
    String logText = log.toString(StandardCharsets.UTF_8);
    assertThat(logText).as("debug logging was on").contains("POST " + GENERATE);
    assertThat(logText).doesNotContain(KEY);
  }

  private static void stub(String path, ResponseDefinitionBuilder answer) {
    google.stubFor(post(urlPathEqualTo(path)).willReturn(answer));
  }

  private static GeminiGenerateContentProvider provider(String id, String yaml) {
    ObjectNode config = ((ObjectNode) yaml(yaml)).put("apiBaseUrl", google.baseUrl());
    String prefix = id.substring(0, id.indexOf(':'));
    return new GeminiGenerateContentProvider.Factory(prefix)
        .create(ProviderSpec.of(id, config), context(Map.of("GEMINI_API_KEY", KEY)));
  }

  private static ProviderContext context(Map<String, String> secrets) {
    return new ProviderContext(ProviderContext.defaultHttpClient(), SecretResolver.of(secrets), Path.of("."));
  }

  private static ProviderResponse ask(GeminiGenerateContentProvider provider, String prompt) {
    return provider.complete(ProviderRequest.ofText(prompt));
  }

  private static JsonNode yaml(String yaml) {
    try {
      JsonNode node = Json.yaml().readTree(yaml);
      return node == null || node.isNull() || node.isMissingNode() ? Json.mapper().createObjectNode() : node;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
