package dev.ltb.provider.anthropic;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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

class AnthropicMessagesProviderTest {

  @RegisterExtension
  static WireMockExtension anthropic =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  // Shaped like no known vendor key, so only the provider's own secrets() list can redact it.
  private static final String KEY = "team-key-7c1e9a4b2f6d3058";
  private static final String PATH = "/v1/messages";
  private static final String HELLO = "anthropic:messages:claude-3-opus-latest";

  @Test
  void answersAndSendsTheDocumentedRequest() {
    stub(ProviderFixtures.load("anthropic-messages").response());
    AnthropicMessagesProvider provider =
        provider("anthropic:messages:claude-haiku-4-5", "temperature: 0.2\nmax_tokens: 100\nstop_sequences: [\"\\n\\n\"]");
    List<ChatMessage> messages = List.of(ChatMessage.system("You are a weather bot."), ChatMessage.user("Weather in SF?"));

    ProviderResponse response = provider.complete(new ProviderRequest(messages, "Weather in SF?", true));

    assertThat(response.withLatency(0))
        .isEqualTo(
            ProviderResponse.of(
                "I apologize, but I'm getting an error when trying to fetch the weather for San Francisco. This appears"
                    + " to be a temporary issue with the weather service. Could you try again in a moment, or let me know"
                    + " if you'd like me to attempt to retrieve the weather for a different location?",
                new TokenUsage(760, 63, 0), (760 * 1.00 + 63 * 5.00) / 1e6, FinishReason.STOP));
    assertThat(response.latencyMs()).isPositive();
    anthropic.verify(
        postRequestedFor(urlPathEqualTo(PATH))
            .withHeader("x-api-key", equalTo(KEY))
            .withHeader("anthropic-version", equalTo("2023-06-01"))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(
                equalToJson(
                    """
                    {"model": "claude-haiku-4-5", "max_tokens": 100, "system": "You are a weather bot.",
                     "messages": [{"role": "user", "content": "Weather in SF?"}],
                     "temperature": 0.2, "stop_sequences": ["\\n\\n"]}
                    """)));
  }

  @Test
  void pricesPromptCacheReadsAtTheCachedRate() {
    ObjectNode body = (ObjectNode) ProviderFixtures.load("anthropic-messages").bodyJson();
    ((ObjectNode) body.path("usage")).put("input_tokens", 60).put("cache_read_input_tokens", 1900);
    stub(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body.toString()));

    ProviderResponse response = ask(provider("anthropic:messages:claude-haiku-4-5", "{}"), "Hi");

    assertThat(response.usage()).isEqualTo(new TokenUsage(1960, 63, 1900));
    assertThat(response.costUsd()).isCloseTo((60 * 1.00 + 1900 * 0.10 + 63 * 5.00) / 1e6, within(1e-12));
  }

  @Test
  void streamsTheAnswerChunkByChunk() {
    stub(ProviderFixtures.load("anthropic-messages-stream").response().withChunkedDribbleDelay(8, 800));

    ProviderResponse response = ask(provider(HELLO, "stream: true"), "Say hello there!");

    assertThat(response.output()).isEqualTo("Hello there!");
    assertThat(response.usage()).isEqualTo(new TokenUsage(11, 6, 0));
    assertThat(response.costUsd()).isCloseTo((11 * 15.00 + 6 * 75.00) / 1e6, within(1e-12));
    assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(response.timeToFirstTokenMs()).isNotNull().isPositive().isLessThan(response.latencyMs());
    anthropic.verify(
        postRequestedFor(urlPathEqualTo(PATH))
            .withHeader("Accept", equalTo("text/event-stream"))
            .withRequestBody(
                equalToJson(
                    """
                    {"model": "claude-3-opus-latest", "max_tokens": 1024, "stream": true,
                     "messages": [{"role": "user", "content": "Say hello there!"}]}
                    """)));
  }

  @Test
  void streamsToolUse() {
    ProviderFixtures.Fixture fixture = ProviderFixtures.load("anthropic-messages-stream-tool-use");
    stub(fixture.response());
    ObjectNode config = Json.mapper().createObjectNode().put("stream", true);
    config.set("tools", fixture.request().at("/body/tools"));

    ProviderResponse response =
        ask(provider("anthropic:messages:claude-haiku-4-5", config), "What is the weather in SF?");

    assertThat(response.toolCalls())
        .containsExactly(
            new ToolCall(
                "toolu_018acGYLtfR52q9yDbWaEdQZ", "get_weather", "{\"location\":\"San Francisco, CA\",\"units\":\"f\"}"));
    assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    assertThat(response.timeToFirstTokenMs()).isNotNull();
    anthropic.verify(
        postRequestedFor(urlPathEqualTo(PATH)).withRequestBody(equalToJson(fixture.request().path("body").toString())));
  }

  @Test
  void passesToolsThroughAndReturnsToolCalls() {
    ProviderFixtures.Fixture fixture = ProviderFixtures.load("anthropic-messages-tool-use");
    stub(fixture.response());
    ObjectNode config = Json.mapper().createObjectNode();
    config.set("tools", fixture.request().at("/body/tools"));

    ProviderResponse response = ask(provider("anthropic:messages:claude-haiku-4-5", config), "What is the weather in SF?");

    assertThat(response.toolCalls())
        .containsExactly(
            new ToolCall(
                "toolu_01A9HHF5Ezy3oBrKmSgfASm9", "get_weather", "{\"location\":\"San Francisco, CA\",\"units\":\"f\"}"));
    assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    assertThat(response.output()).contains("\"type\":\"tool_use\"", "\"name\":\"get_weather\"");
    anthropic.verify(
        postRequestedFor(urlPathEqualTo(PATH)).withRequestBody(equalToJson(fixture.request().path("body").toString())));
  }

  @Test
  void sendsImagesAsBase64AndUrlBlocks() {
    stub(ProviderFixtures.load("anthropic-messages").response());
    ChatMessage question =
        new ChatMessage(
            ChatMessage.Role.USER,
            List.of(
                new ContentPart.Image(null, "image/jpeg", "/9j/4AAQSkZJRg=="),
                new ContentPart.Image("https://example.com/chart.png", null, null),
                new ContentPart.Text("Compare these two images.")));

    provider("anthropic:messages:claude-sonnet-4-5", "{}").complete(new ProviderRequest(List.of(question), "x", true));

    anthropic.verify(
        postRequestedFor(urlPathEqualTo(PATH))
            .withRequestBody(
                equalToJson(
                    """
                    {"model": "claude-sonnet-4-5", "max_tokens": 1024,
                     "messages": [{"role": "user", "content": [
                       {"type": "image", "source": {"type": "base64", "media_type": "image/jpeg", "data": "/9j/4AAQSkZJRg=="}},
                       {"type": "image", "source": {"type": "url", "url": "https://example.com/chart.png"}},
                       {"type": "text", "text": "Compare these two images."}]}]}
                    """)));
  }

  @Test
  void acceptsAGatewayThatAnswersAStreamRequestWithOneDocument() {
    stub(ProviderFixtures.load("anthropic-messages").response());

    ProviderResponse response = ask(provider("anthropic:messages:claude-haiku-4-5", "stream: true"), "Hi");

    assertThat(response.output()).startsWith("I apologize");
    assertThat(response.usage()).isEqualTo(new TokenUsage(760, 63, 0));
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "none",
      textBlock = """
          400 | invalid_request_error | max_tokens: Field required | none | INVALID_REQUEST | -1 | invalid request
          401 | authentication_error | invalid x-api-key | none | AUTHENTICATION | -1 | authentication failed (check the API key)
          403 | permission_error | Your API key does not have permission to use the specified resource. | none | AUTHENTICATION | -1 | permission denied (check the API key's access to this model)
          404 | not_found_error | model: claude-nope | none | INVALID_REQUEST | -1 | not found (check the model name and apiBaseUrl)
          413 | request_too_large | Request exceeds the maximum allowed number of bytes. | none | INVALID_REQUEST | -1 | request too large
          429 | rate_limit_error | Number of request tokens has exceeded your per-minute rate limit | 17 | RATE_LIMITED | 17000 | rate limited
          500 | api_error | Internal server error | none | SERVER_ERROR | -1 | server error
          """)
  void mapsAnthropicErrorBodies(
      int status, String type, String vendorMessage, String retryAfter, ProviderErrorKind kind, long waitMillis,
      String label) {
    String body =
        "{\"type\": \"error\", \"error\": {\"type\": \"" + type + "\", \"message\": \"" + vendorMessage + "\"},"
            + " \"request_id\": \"req_011CSHoEeqs5C35K2UUqR7Fy\"}";
    ResponseDefinitionBuilder answer =
        aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    if (retryAfter != null) answer.withHeader("retry-after", retryAfter);
    stub(answer);

    assertThatThrownBy(() -> ask(provider(HELLO, "{}"), "Hi"))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(kind);
              assertThat(e.httpStatus()).isEqualTo(status);
              assertThat(e.retryAfter().map(Duration::toMillis).orElse(-1L)).isEqualTo(waitMillis);
              assertThat(e.getMessage())
                  .isEqualTo(HELLO + ": HTTP " + status + " " + label + ": " + type + ": " + vendorMessage);
            });
  }

  @Test
  void anOverloadedApiIsARetryableServerErrorWithTheWaitItAskedFor() {
    stub(ProviderFixtures.load("anthropic-error-529-overloaded").response().withHeader("retry-after", "5"));

    assertThatThrownBy(() -> ask(provider(HELLO, "{}"), "Hi"))
        .isInstanceOfSatisfying(
            ProviderException.ServerError.class,
            e -> {
              assertThat(e.retryable()).isTrue();
              assertThat(e.httpStatus()).isEqualTo(529);
              assertThat(e.retryAfter()).contains(Duration.ofSeconds(5));
              assertThat(e.getMessage()).isEqualTo(HELLO + ": HTTP 529 overloaded: overloaded_error: Overloaded");
            });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
          not JSON   | <html>Bad gateway</html>                         | anthropic:messages:claude-3-opus-latest: response is not the expected JSON (
          no content | {"id":"msg_1","type":"message","role":"assistant"} | anthropic:messages:claude-3-opus-latest: the answer has no content
          """)
  void rejectsMalformedAnswers(String why, String body, String message) {
    stub(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body));

    assertThatThrownBy(() -> ask(provider(HELLO, "{}"), "Hi"))
        .isInstanceOf(ProviderException.MalformedResponse.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void anOverloadedErrorEventFailsTheStreamAsAServerError() {
    stub(ProviderFixtures.load("anthropic-stream-error-overloaded").response());

    assertThatThrownBy(() -> ask(provider(HELLO, "stream: true"), "Hi"))
        .isInstanceOfSatisfying(
            ProviderException.ServerError.class,
            e -> {
              assertThat(e.retryable()).isTrue();
              assertThat(e.getMessage())
                  .isEqualTo(HELLO + ": the server failed while streaming: overloaded_error: Overloaded");
            });
  }

  @Test
  void anErrorEventMidwayThroughTheAnswerFailsTheCall() {
    String started = ProviderFixtures.text("anthropic-messages-stream.txt");
    String midway =
        started.substring(0, started.indexOf("event: content_block_stop"))
            + "event: error\ndata: {\"type\": \"error\", \"error\": {\"type\": \"overloaded_error\", \"message\":"
            + " \"Overloaded\"}}\n\n";
    stub(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(midway));

    assertThatThrownBy(() -> ask(provider(HELLO, "stream: true"), "Hi"))
        .isInstanceOf(ProviderException.ServerError.class)
        .hasMessage(HELLO + ": the server failed while streaming: overloaded_error: Overloaded");
  }

  @Test
  void aStreamCutBeforeMessageStopIsUnavailable() {
    String started = ProviderFixtures.text("anthropic-messages-stream.txt");
    String cut = started.substring(0, started.indexOf("event: content_block_stop"));
    stub(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(cut));

    assertThatThrownBy(() -> ask(provider(HELLO, "stream: true"), "Hi"))
        .isInstanceOf(ProviderException.Unavailable.class)
        .hasMessage(HELLO + ": the stream ended before message_stop (connection cut?); the answer is incomplete");
  }

  @Test
  void givesUpWhenTheAnswerIsTooSlow() {
    stub(ProviderFixtures.load("anthropic-messages").response().withFixedDelay(3000));

    assertThatThrownBy(() -> ask(provider(HELLO, "timeoutMs: 300"), "Hi"))
        .isInstanceOf(ProviderException.Timeout.class)
        .hasMessage(HELLO + ": no response within 300 ms");
  }

  @Test
  void sendsTheConfiguredVersionAndHeadersAndPassthroughFields() {
    stub(ProviderFixtures.load("anthropic-messages").response());

    provider(
            "anthropic:claude-haiku-4-5",
            "apiVersion: 2024-01-01\nheaders: {anthropic-beta: output-128k-2025-02-19}\n"
                + "output_config: {format: {type: json_schema, schema: {type: object}}}\n"
                + "thinking: {type: enabled, budget_tokens: 2048}\npassthrough: {service_tier: standard_only}")
        .complete(ProviderRequest.ofText("Hi"));

    anthropic.verify(
        postRequestedFor(urlPathEqualTo(PATH))
            .withHeader("anthropic-version", equalTo("2024-01-01"))
            .withHeader("anthropic-beta", equalTo("output-128k-2025-02-19"))
            .withRequestBody(matchingJsonPath("$.model", equalTo("claude-haiku-4-5")))
            .withRequestBody(matchingJsonPath("$.output_config.format.type", equalTo("json_schema")))
            .withRequestBody(matchingJsonPath("$.thinking.budget_tokens", equalTo("2048")))
            .withRequestBody(matchingJsonPath("$.service_tier", equalTo("standard_only"))));
  }

  @Test
  void readsKeyAndBaseUrlFromTheEnvironment() {
    stub(ProviderFixtures.load("anthropic-messages").response());
    ProviderContext context = context(Map.of("ANTHROPIC_API_KEY", KEY, "ANTHROPIC_BASE_URL", anthropic.baseUrl()));

    ProviderSpec spec = ProviderSpec.of("anthropic:messages:claude-haiku-4-5");

    ask(new AnthropicMessagesProvider.Factory().create(spec, context), "Hi");

    anthropic.verify(postRequestedFor(urlPathEqualTo(PATH)).withHeader("x-api-key", equalTo(KEY)));
  }

  @Test
  void acceptsABaseUrlThatAlreadyEndsInV1() {
    stub(ProviderFixtures.load("anthropic-messages").response());
    JsonNode config = Json.mapper().createObjectNode().put("apiBaseUrl", anthropic.baseUrl() + "/v1/");

    new AnthropicMessagesProvider.Factory()
        .create(ProviderSpec.of(HELLO, config), context(Map.of("ANTHROPIC_API_KEY", KEY)))
        .complete(ProviderRequest.ofText("Hi"));

    anthropic.verify(postRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void aPromptWithOnlyASystemMessageIsAnInvalidRequest() {
    ProviderRequest request = new ProviderRequest(List.of(ChatMessage.system("Be terse.")), "Be terse.", true);

    assertThatThrownBy(() -> provider(HELLO, "{}").complete(request))
        .isInstanceOf(ProviderException.InvalidRequest.class)
        .hasMessage(HELLO + ": the prompt has only system messages; the Messages API needs a user turn");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
          anthropic:messages:claude-haiku-4-5 | {}               | provider anthropic:messages:claude-haiku-4-5: no API key: set the environment variable ANTHROPIC_API_KEY or config apiKey
          anthropic:completion:claude-2.1     | apiKey: k        | provider anthropic:completion:claude-2.1: the legacy Text Completions API is not supported; use anthropic:messages:<model>
          anthropic:messages:                 | apiKey: k        | provider anthropic:messages:: no model; write the id as anthropic:messages:<model>, e.g. anthropic:messages:claude-sonnet-4-5
          anthropic:messages:claude-haiku-4-5 | 'apiKey: k\\ntop_k: -1' | provider anthropic:messages:claude-haiku-4-5: config top_k must be between 0 and 2147483647, was -1
          anthropic:messages:claude-haiku-4-5 | 'apiKey: k\\napiBaseUrl: api.anthropic.com' | provider anthropic:messages:claude-haiku-4-5: apiBaseUrl "api.anthropic.com" is not an http(s) URL such as https://api.example.com/v1
          """)
  void explainsABadSetup(String id, String yaml, String message) {
    ProviderSpec spec = ProviderSpec.of(id, yaml(yaml.replace("\\n", "\n")));

    assertThatThrownBy(() -> new AnthropicMessagesProvider.Factory().create(spec, context(Map.of())))
        .isInstanceOf(ProviderConfigException.class)
        .hasMessage(message);
  }

  @Test
  void theApiKeyNeverAppearsInAnErrorOrALogLine() {
    List<ResponseDefinitionBuilder> answersEchoingTheKey =
        List.of(
            aResponse()
                .withStatus(401)
                .withBody("{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid"
                    + " x-api-key " + KEY + "\"}}"),
            aResponse().withStatus(400).withBody("{\"error\":\"bad header x-api-key: " + KEY + "\"}"),
            aResponse().withStatus(529).withBody("<html>upstream rejected " + KEY + "</html>"),
            aResponse().withStatus(200).withBody("oops " + KEY),
            aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/event-stream")
                .withBody("event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\""
                    + KEY + "\"}}\n\n"));
    PrintStream originalErr = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    List<String> messages = new ArrayList<>();
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    try {
      for (ResponseDefinitionBuilder answer : answersEchoingTheKey) {
        stub(answer);
        for (String config : List.of("{}", "stream: true")) {
          try {
            provider(HELLO, config).complete(ProviderRequest.ofText("Hi"));
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
    assertThat(logText).as("debug logging was on").contains("POST /v1/messages");
    assertThat(logText).doesNotContain(KEY);
  }

  private static void stub(ResponseDefinitionBuilder answer) {
    anthropic.stubFor(post(PATH).willReturn(answer));
  }

  private static AnthropicMessagesProvider provider(String id, String yaml) {
    return provider(id, yaml(yaml));
  }

  private static AnthropicMessagesProvider provider(String id, JsonNode config) {
    ObjectNode withUrl = ((ObjectNode) config).deepCopy().put("apiBaseUrl", anthropic.baseUrl());
    return new AnthropicMessagesProvider.Factory()
        .create(ProviderSpec.of(id, withUrl), context(Map.of("ANTHROPIC_API_KEY", KEY)));
  }

  private static ProviderContext context(Map<String, String> secrets) {
    return new ProviderContext(ProviderContext.defaultHttpClient(), SecretResolver.of(secrets), Path.of("."));
  }

  private static ProviderResponse ask(AnthropicMessagesProvider provider, String prompt) {
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
