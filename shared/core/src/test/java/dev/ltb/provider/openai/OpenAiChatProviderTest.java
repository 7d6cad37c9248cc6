package dev.ltb.provider.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
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

class OpenAiChatProviderTest {

  @RegisterExtension
  static WireMockExtension openai = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  // Shaped like no known vendor key, so only the provider's own secrets() list can redact it.
  private static final String KEY = "team-key-4f9c2b7e1d6a8035";
  private static final String PATH = "/v1/chat/completions";

  @Test
  void answersAndSendsTheDocumentedRequest() {
    stub(ProviderFixtures.load("openai-chat-completions").response());
    OpenAiChatProvider provider =
        provider(
            "openai:chat:gpt-4o-mini", "temperature: 0.2\nmax_completion_tokens: 100\nseed: 7\nstop: [\"\\n\\n\"]");
    List<ChatMessage> messages =
        List.of(ChatMessage.system("You are a helpful assistant."), ChatMessage.user("Hello!"));
    ProviderRequest request = new ProviderRequest(messages, "Hello!", true);

    ProviderResponse response = provider.complete(request);

    assertThat(response.withLatency(0))
        .isEqualTo(
            ProviderResponse.of(
                "Hello! How can I assist you today?", new TokenUsage(19, 10, 0), (19 * 0.15 + 10 * 0.60) / 1e6,
                FinishReason.STOP));
    openai.verify(
        postRequestedFor(urlPathEqualTo(PATH))
            .withHeader("Authorization", equalTo("Bearer " + KEY))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(
                equalToJson(
                    """
                    {"model": "gpt-4o-mini",
                     "messages": [{"role": "system", "content": "You are a helpful assistant."},
                                  {"role": "user", "content": "Hello!"}],
                     "temperature": 0.2, "max_completion_tokens": 100, "seed": 7, "stop": ["\\n\\n"]}
                    """)));
  }

  @Test
  void pricesCachedPromptTokensAtTheCachedRate() {
    ObjectNode body = (ObjectNode) ProviderFixtures.load("openai-chat-completions").bodyJson();
    ((ObjectNode) body.path("usage")).put("prompt_tokens", 2006).put("completion_tokens", 300);
    ((ObjectNode) body.at("/usage/prompt_tokens_details")).put("cached_tokens", 1920);
    stub(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body.toString()));

    ProviderResponse response = ask(provider("openai:chat:gpt-4o", "{}"), "Hello!");

    assertThat(response.usage()).isEqualTo(new TokenUsage(2006, 300, 1920));
    assertThat(response.costUsd()).isCloseTo((86 * 2.50 + 1920 * 1.25 + 300 * 10.00) / 1e6, within(1e-12));
  }

  @Test
  void talksToAnOpenAiCompatibleServerWithoutAKey() {
    stub(ProviderFixtures.load("openai-chat-completions").response());
    ProviderSpec spec = ProviderSpec.of("openai:chat:llama3.2:3b", yaml("apiBaseUrl: " + openai.baseUrl() + "/v1/"));

    ProviderResponse response = ask(new OpenAiChatProvider.Factory().create(spec, context(Map.of())), "Hi");

    assertThat(response.output()).isEqualTo("Hello! How can I assist you today?");
    assertThat(response.costUsd()).as("no price for a local model").isNull();
    openai.verify(
        postRequestedFor(urlPathEqualTo(PATH))
            .withHeader("Authorization", absent())
            .withRequestBody(matchingJsonPath("$.model", equalTo("llama3.2:3b"))));
  }

  @Test
  void streamsTheAnswerChunkByChunk() {
    stub(ProviderFixtures.load("openai-chat-completions-stream").response().withChunkedDribbleDelay(6, 1200));

    ProviderResponse response =
        ask(provider("openai:chat:gpt-4o-2024-08-06", "stream: true"), "What's the weather like in SF?");

    assertThat(response.output())
        .isEqualTo(
            "I'm unable to provide real-time weather updates. To get the current weather in San Francisco, I recommend"
                + " checking a reliable weather website or a weather app.");
    assertThat(response.usage()).isEqualTo(new TokenUsage(14, 30, 0));
    assertThat(response.costUsd()).isCloseTo((14 * 2.50 + 30 * 10.00) / 1e6, within(1e-12));
    assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(response.timeToFirstTokenMs()).isNotNull().isLessThan(response.latencyMs());
    openai.verify(
        postRequestedFor(urlPathEqualTo(PATH))
            .withHeader("Accept", equalTo("text/event-stream"))
            .withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
            .withRequestBody(matchingJsonPath("$.stream_options.include_usage", equalTo("true"))));
  }

  @Test
  void streamsToolCalls() {
    stub(ProviderFixtures.load("openai-chat-completions-stream-tool-calls").response());

    ProviderResponse response =
        ask(provider("openai:chat:gpt-4o-2024-08-06", "stream: true"), "what's the weather in NYC?");

    assertThat(response.toolCalls())
        .containsExactly(new ToolCall("call_4XzlGBLtUe9dy3GVNV4jhq7h", "get_weather", "{\"city\":\"New York City\"}"));
    assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    assertThat(response.timeToFirstTokenMs()).isNotNull();
  }

  @Test
  void acceptsAServerThatAnswersAStreamRequestWithOneDocument() {
    stub(ProviderFixtures.load("openai-chat-completions").response());

    ProviderResponse response = ask(provider("openai:chat:gpt-4o-mini", "stream: true"), "Hello!");

    assertThat(response.output()).isEqualTo("Hello! How can I assist you today?");
    assertThat(response.usage()).isEqualTo(new TokenUsage(19, 10, 0));
  }

  @Test
  void passesToolsThroughAndReturnsToolCalls() {
    ProviderFixtures.Fixture fixture = ProviderFixtures.load("openai-chat-completions-tool-calls");
    stub(fixture.response());
    ObjectNode config = Json.mapper().createObjectNode();
    config.set("tools", fixture.request().at("/body/tools"));
    config.put("tool_choice", "auto");

    ProviderResponse response =
        ask(provider("openai:chat:gpt-4o-mini", config), "What is the weather like in Boston today?");

    assertThat(response.toolCalls())
        .containsExactly(new ToolCall("call_abc123", "get_current_weather", "{\n\"location\": \"Boston, MA\"\n}"));
    assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    assertThat(response.output()).contains("\"name\":\"get_current_weather\"");
    ObjectNode expected = (ObjectNode) fixture.request().path("body").deepCopy();
    expected.put("model", "gpt-4o-mini");
    openai.verify(postRequestedFor(urlPathEqualTo(PATH)).withRequestBody(equalToJson(expected.toString())));
  }

  @Test
  void returnsTokenLogprobsWhenAsked() {
    stub(ProviderFixtures.load("openai-chat-completions-logprobs").response());

    ProviderResponse response = ask(provider("openai:chat:gpt-4o-mini", "logprobs: true\ntop_logprobs: 2"), "Hello!");

    assertThat(response.logprobs()).hasSize(9);
    assertThat(response.logprobs().getFirst()).isEqualTo(new TokenLogprob("Hello", -0.31725305));
    openai.verify(
        postRequestedFor(urlPathEqualTo(PATH))
            .withRequestBody(matchingJsonPath("$.logprobs", equalTo("true")))
            .withRequestBody(matchingJsonPath("$.top_logprobs", equalTo("2"))));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "none",
      textBlock = """
          400 | none                               | none | INVALID_REQUEST | -1    | openai:chat:gpt-4o-mini: HTTP 400 invalid request: invalid_value: Invalid value for 'temperature': must be at most 2.
          401 | none                               | none | AUTHENTICATION  | -1    | openai:chat:gpt-4o-mini: HTTP 401 authentication failed (check the API key): invalid_api_key: Incorrect API key provided: sk-test-***8035.
          429 | openai-error-429-rate-limit        | 20   | RATE_LIMITED    | 20000 | openai:chat:gpt-4o-mini: HTTP 429 rate limited: rate_limit_exceeded: Rate limit reached for 10KTPM-200RPM in organization org-OASFC7k1Ff5IzueeLArhQtnT on tokens per min. Limit: 10000 / min. Please try again in 6ms. Contact us through our help center at help.openai.com if you continue to have issues.
          500 | ollama-error                       | none | SERVER_ERROR    | -1    | openai:chat:gpt-4o-mini: HTTP 500 server error: the model failed to generate a response
          529 | anthropic-error-529-overloaded     | 5    | SERVER_ERROR    | 5000  | openai:chat:gpt-4o-mini: HTTP 529 overloaded: overloaded_error: Overloaded
          """)
  void mapsErrorAnswers(
      int status, String fixture, String retryAfter, ProviderErrorKind kind, long waitMillis, String message) {
    String body =
        switch (status) {
          case 400 -> "{\"error\":{\"message\":\"Invalid value for 'temperature': must be at most 2.\",\"type\":"
              + "\"invalid_request_error\",\"param\":\"temperature\",\"code\":\"invalid_value\"}}";
          case 401 -> "{\"error\":{\"message\":\"Incorrect API key provided: sk-test-***8035.\",\"type\":"
              + "\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}";
          default -> ProviderFixtures.load(fixture).body();
        };
    ResponseDefinitionBuilder answer =
        aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    if (retryAfter != null) answer.withHeader("Retry-After", retryAfter);
    stub(answer);

    assertThatThrownBy(() -> provider("openai:chat:gpt-4o-mini", "{}").complete(ProviderRequest.ofText("Hi")))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(kind);
              assertThat(e.httpStatus()).isEqualTo(status);
              assertThat(e.retryAfter().map(Duration::toMillis).orElse(-1L)).isEqualTo(waitMillis);
              assertThat(e.getMessage()).isEqualTo(message);
            });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
          not JSON         | <html>Bad gateway</html>  | openai:chat:gpt-4o-mini: response is not the expected JSON (
          no choices       | {"id":"x","choices":[]}  | openai:chat:gpt-4o-mini: the answer has no choices
          """)
  void rejectsMalformedAnswers(String why, String body, String message) {
    stub(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body));

    assertThatThrownBy(() -> provider("openai:chat:gpt-4o-mini", "{}").complete(ProviderRequest.ofText("Hi")))
        .isInstanceOf(ProviderException.MalformedResponse.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void givesUpWhenTheAnswerIsTooSlow() {
    stub(ProviderFixtures.load("openai-chat-completions").response().withFixedDelay(3000));

    OpenAiChatProvider impatient = provider("openai:chat:gpt-4o-mini", "timeoutMs: 300");

    assertThatThrownBy(() -> ask(impatient, "Hi"))
        .isInstanceOf(ProviderException.Timeout.class)
        .hasMessage("openai:chat:gpt-4o-mini: no response within 300 ms");
  }

  @Test
  void anErrorInsideTheStreamIsAServerError() {
    String stream =
        """
        data: {"id":"c","model":"gpt-4o-mini","choices":[{"index":0,"delta":{"content":"Hel"}}]}

        data: {"error":{"message":"The server had an error while processing your request.","type":"server_error"}}

        """;
    stub(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(stream));

    assertThatThrownBy(() -> provider("openai:chat:gpt-4o-mini", "stream: true").complete(ProviderRequest.ofText("Hi")))
        .isInstanceOf(ProviderException.ServerError.class)
        .hasMessage(
            "openai:chat:gpt-4o-mini: the server failed while streaming: server_error: The server had an error while"
                + " processing your request.");
  }

  @Test
  void sendsOrganizationAndExtraHeadersAndPassthroughFields() {
    stub(ProviderFixtures.load("openai-chat-completions").response());

    provider("openai:gpt-4o-mini", "organization: org-42\nheaders: {X-Team: bench}\npassthrough: {service_tier: flex}")
        .complete(ProviderRequest.ofText("Hi"));

    openai.verify(
        postRequestedFor(urlPathEqualTo(PATH))
            .withHeader("OpenAI-Organization", equalTo("org-42"))
            .withHeader("X-Team", equalTo("bench"))
            .withRequestBody(matchingJsonPath("$.model", equalTo("gpt-4o-mini")))
            .withRequestBody(matchingJsonPath("$.service_tier", equalTo("flex"))));
  }

  @Test
  void readsTheBaseUrlFromTheEnvironment() {
    stub(ProviderFixtures.load("openai-chat-completions").response());
    ProviderContext context = context(Map.of("OPENAI_API_KEY", KEY, "OPENAI_BASE_URL", openai.baseUrl() + "/v1"));

    ask(new OpenAiChatProvider.Factory().create(ProviderSpec.of("openai:chat:gpt-4o-mini"), context), "Hi");

    openai.verify(postRequestedFor(urlPathEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer " + KEY)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
          openai:chat:gpt-4o-mini      | {}                 | provider openai:chat:gpt-4o-mini: no API key: set the environment variable OPENAI_API_KEY or config apiKey
          openai:assistant:asst_1      | apiKey: k          | provider openai:assistant:asst_1: the assistant API is not supported; use openai:chat:<model>
          openai:chat:                 | apiKey: k          | provider openai:chat:: no model; write the id as openai:chat:<model>, e.g. openai:chat:gpt-4o-mini
          openai:chat:gpt-4o-mini      | 'apiKey: k\\ntemperature: 3' | provider openai:chat:gpt-4o-mini: config temperature must be between 0.0 and 2.0, was 3.0
          openai:chat:gpt-4o-mini      | 'apiKey: k\\ntools: {a: 1}'  | provider openai:chat:gpt-4o-mini: config tools must be a list of tools such as [{type: function, function: {name, parameters}}]
          openai:chat:gpt-4o-mini      | 'apiKey: k\\napiHost: \"a b\"' | provider openai:chat:gpt-4o-mini: config apiHost must be a host name such as api.example.com, was "a b"
          """)
  void explainsABadSetup(String id, String yaml, String message) {

    ProviderSpec spec = ProviderSpec.of(id, yaml(yaml.replace("\\n", "\n")));

    assertThatThrownBy(() -> new OpenAiChatProvider.Factory().create(spec, context(Map.of())))
        .isInstanceOf(ProviderConfigException.class)
        .hasMessage(message);
  }

  @Test
  void theApiKeyNeverAppearsInAnErrorOrALogLine() {
    List<ResponseDefinitionBuilder> answersEchoingTheKey =
        List.of(
            aResponse().withStatus(401).withBody("{\"error\":{\"message\":\"Incorrect API key: " + KEY + "\"}}"),
            aResponse().withStatus(400).withBody("{\"error\":\"bad header Authorization: Bearer " + KEY + "\"}"),
            aResponse().withStatus(500).withBody("<html>upstream rejected " + KEY + "</html>"),
            aResponse().withStatus(200).withBody("oops " + KEY),
            aResponse().withStatus(200).withBody("{\"choices\": [], \"note\": \"" + KEY + "\"}"),
            aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/event-stream")
                .withBody("data: {\"error\":{\"message\":\"" + KEY + "\"}}\n\n"));
    PrintStream originalErr = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    List<String> messages = new ArrayList<>();
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    try {
      for (ResponseDefinitionBuilder answer : answersEchoingTheKey) {
        stub(answer);
        for (String config : List.of("{}", "stream: true")) {
          try {
            provider("openai:chat:gpt-4o-mini", config).complete(ProviderRequest.ofText("Hi"));
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
    assertThat(logText).as("debug logging was on").contains("POST /v1/chat/completions");
    assertThat(logText).doesNotContain(KEY);
  }

  private static void stub(ResponseDefinitionBuilder answer) {
    openai.stubFor(post(PATH).willReturn(answer));
  }

  private static OpenAiChatProvider provider(String id, String yaml) {
    return provider(id, yaml(yaml));
  }

  private static OpenAiChatProvider provider(String id, JsonNode config) {
    ObjectNode withUrl = ((ObjectNode) config).deepCopy().put("apiBaseUrl", openai.baseUrl() + "/v1");
    ProviderContext context = context(Map.of("OPENAI_API_KEY", KEY));
    return new OpenAiChatProvider.Factory().create(ProviderSpec.of(id, withUrl), context);
  }

  private static ProviderContext context(Map<String, String> secrets) {
    return new ProviderContext(ProviderContext.defaultHttpClient(), SecretResolver.of(secrets), Path.of("."));
  }

  private static ProviderResponse ask(OpenAiChatProvider provider, String prompt) {
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
