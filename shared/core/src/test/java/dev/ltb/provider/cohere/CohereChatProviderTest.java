package dev.ltb.provider.cohere;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.ltb.json.Json;
import dev.ltb.provider.ChatMessage;
import dev.ltb.provider.ContentPart;
import dev.ltb.provider.FinishReason;
import dev.ltb.provider.Provider;
import dev.ltb.provider.ProviderConfigException;
import dev.ltb.provider.ProviderContext;
import dev.ltb.provider.ProviderException;
import dev.ltb.provider.ProviderFixtures;
import dev.ltb.provider.ProviderRequest;
import dev.ltb.provider.ProviderResponse;
import dev.ltb.provider.SecretResolver;
import dev.ltb.provider.TokenUsage;
import dev.ltb.provider.ToolCall;
import dev.ltb.suite.ProviderSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CohereChatProviderTest {

  @RegisterExtension
  static WireMockExtension cohere = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final String KEY = "co-key-9f8e7d6c5b4a3210";

  @Test
  void sendsTheV2BodyAndReadsTextUsageAndFinishReason() {
    cohere.stubFor(post("/v2/chat").willReturn(ProviderFixtures.load("cohere-chat-v2").response()));
    Provider provider =
        provider(
            "cohere:command-r-plus",
            """
            "temperature": 0.3, "top_p": 0.75, "k": 40, "max_tokens": 500, "stop": ["END"], "seed": 11,
            "response_format": "json_object", "safety_mode": "strict\"""");

    ProviderResponse response = provider.complete(ProviderRequest.ofText("Tell me about LLMs"));

    assertThat(response.output()).startsWith("LLMs stand for Large Language Models").endsWith("in various domains.");
    assertThat(response.usage()).isEqualTo(new TokenUsage(5, 418));
    assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(response.costUsd()).isEqualTo((5 * 3.00 + 418 * 15.00) / 1_000_000d);
    cohere.verify(
        postRequestedFor(urlPathEqualTo("/v2/chat"))
            .withHeader("Authorization", equalTo("Bearer " + KEY))
            .withRequestBody(
                equalToJson(
                    """
                    {"model": "command-r-plus", "messages": [{"role": "user", "content": "Tell me about LLMs"}],
                     "stream": false, "temperature": 0.3, "p": 0.75, "k": 40, "max_tokens": 500,
                     "stop_sequences": ["END"], "seed": 11, "response_format": {"type": "json_object"},
                     "safety_mode": "STRICT"}""")));
  }

  @Test
  void systemMessagesAndImagesAreSentAsV2Messages() {
    cohere.stubFor(post("/v2/chat").willReturn(ProviderFixtures.load("cohere-chat-v2").response()));
    ChatMessage user =
        new ChatMessage(
            ChatMessage.Role.USER,
            List.of(new ContentPart.Text("Describe"), new ContentPart.Image("https://example.com/a.png", null, null)));

    provider("cohere:chat:command-a-vision-07-2025", "\"temperature\": 0")
        .complete(new ProviderRequest(List.of(ChatMessage.system("Be terse."), user), "Describe", true));

    cohere.verify(
        postRequestedFor(urlPathEqualTo("/v2/chat"))
            .withRequestBody(
                equalToJson(
                    """
                    {"model": "command-a-vision-07-2025", "stream": false, "temperature": 0.0, "messages": [
                      {"role": "system", "content": "Be terse."},
                      {"role": "user", "content": [{"type": "text", "text": "Describe"},
                        {"type": "image_url", "image_url": {"url": "https://example.com/a.png"}}]}]}""")));
  }

  @Test
  void toolCallsComeBackInTheCommonShape() {
    ProviderFixtures.Fixture fixture = ProviderFixtures.load("cohere-chat-v2-tool-calls");
    cohere.stubFor(post("/v2/chat").willReturn(fixture.response()));
    String tools = fixture.request().path("body").path("tools").toString();

    ProviderResponse response =
        provider("cohere:command-r", "\"tools\": " + tools + ", \"tool_choice\": \"required\"")
            .complete(ProviderRequest.ofText("Sales summary?"));

    List<ToolCall> calls =
        List.of(
            new ToolCall("query_daily_sales_report_hgxxmkby3wta", "query_daily_sales_report", "{\"day\": \"2023-09-29\"}"),
            new ToolCall("query_product_catalog_rpg0z5h8yyz2", "query_product_catalog", "{\"category\": \"Electronics\"}"));
    assertThat(response.toolCalls()).isEqualTo(calls);
    assertThat(response.output()).isEqualTo(ToolCall.outputJson(calls));
    assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    assertThat(response.usage()).isEqualTo(new TokenUsage(127, 69));
    cohere.verify(
        postRequestedFor(urlPathEqualTo("/v2/chat"))
            .withRequestBody(equalToJson("{\"tools\": " + tools + ", \"tool_choice\": \"REQUIRED\"}", true, true)));
  }

  @Test
  void aStreamIsAssembledFromItsContentDeltas() {
    cohere.stubFor(post("/v2/chat").willReturn(ProviderFixtures.load("cohere-chat-v2-stream").response()));

    ProviderResponse response =
        provider("cohere:command-a-plus-05-2026", "\"stream\": true").complete(ProviderRequest.ofText("Tell me about LLMs"));

    assertThat(response.output())
        .isEqualTo(
            "LLMs stand for Large Language Models, which are a type of neural network model specialized in processing"
                + " and generating human language.");
    assertThat(response.usage()).isEqualTo(new TokenUsage(5, 26));
    assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(response.timeToFirstTokenMs()).isNotNull().isLessThanOrEqualTo(response.latencyMs());
    assertThat(response.costUsd()).isNull();
    cohere.verify(
        postRequestedFor(urlPathEqualTo("/v2/chat"))
            .withHeader("Accept", equalTo("text/event-stream"))
            .withRequestBody(equalToJson("{\"model\": \"command-a-plus-05-2026\", \"stream\": true}", true, true)));
  }

  @Test
  void aStreamedToolCallIsAssembledFromItsStartAndArgumentDeltas() {
    cohere.stubFor(
        post("/v2/chat")
            .willReturn(
                sse(
                    event("message-start", "{\"type\":\"message-start\",\"id\":\"m1\",\"delta\":{\"message\":{\"role\":\"assistant\"}}}"),
                    event("tool-plan-delta", "{\"type\":\"tool-plan-delta\",\"delta\":{\"message\":{\"tool_plan\":\"I will look it up.\"}}}"),
                    event("tool-call-start", "{\"type\":\"tool-call-start\",\"index\":0,\"delta\":{\"message\":{\"tool_calls\":"
                        + "{\"id\":\"get_weather_1\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"\"}}}}}"),
                    event("tool-call-delta", "{\"type\":\"tool-call-delta\",\"index\":0,\"delta\":{\"message\":{\"tool_calls\":"
                        + "{\"function\":{\"arguments\":\"{\\\"city\\\": \"}}}}}"),
                    event("tool-call-delta", "{\"type\":\"tool-call-delta\",\"index\":0,\"delta\":{\"message\":{\"tool_calls\":"
                        + "{\"function\":{\"arguments\":\"\\\"Paris\\\"}\"}}}}}"),
                    event("tool-call-end", "{\"type\":\"tool-call-end\",\"index\":0}"),
                    event("message-end", "{\"type\":\"message-end\",\"delta\":{\"finish_reason\":\"TOOL_CALL\","
                        + "\"usage\":{\"billed_units\":{\"input_tokens\":20,\"output_tokens\":9},\"tokens\":{\"input_tokens\":900,\"output_tokens\":9}}}}"))));

    ProviderResponse response = provider("cohere:command-r", "\"stream\": true").complete(ProviderRequest.ofText("weather?"));

    assertThat(response.toolCalls()).containsExactly(new ToolCall("get_weather_1", "get_weather", "{\"city\": \"Paris\"}"));
    assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    assertThat(response.usage()).isEqualTo(new TokenUsage(20, 9));
    assertThat(response.timeToFirstTokenMs()).isNotNull();
  }

  @Test
  void anErrorAtTheEndOfTheStreamIsAServerError() {
    cohere.stubFor(
        post("/v2/chat")
            .willReturn(
                sse(
                    event("content-delta", "{\"type\":\"content-delta\",\"index\":0,\"delta\":{\"message\":{\"content\":{\"text\":\"LL\"}}}}"),
                    event("message-end", "{\"type\":\"message-end\",\"delta\":{\"finish_reason\":\"ERROR\",\"error\":\"internal error while generating\"}}"))));

    assertThatThrownBy(() -> provider("cohere:command-r", "\"stream\": true").complete(ProviderRequest.ofText("hi")))
        .isInstanceOf(ProviderException.ServerError.class)
        .hasMessage("cohere:command-r: the server failed while streaming: internal error while generating");
  }

  @Test
  void aStreamCutBeforeMessageEndIsAServerError() {
    cohere.stubFor(
        post("/v2/chat")
            .willReturn(sse(event("content-delta", "{\"type\":\"content-delta\",\"index\":0,\"delta\":{\"message\":{\"content\":{\"text\":\"LL\"}}}}"))));

    assertThatThrownBy(() -> provider("cohere:command-r", "\"stream\": true").complete(ProviderRequest.ofText("hi")))
        .isInstanceOf(ProviderException.ServerError.class)
        .hasMessage("cohere:command-r: the stream ended before its message-end event; the server may have stopped mid-answer");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          cohere-error-400 | 400 | INVALID_REQUEST | cohere:command-r: HTTP 400 invalid request: invalid request: message must be at least 1 token long or tool results must be specified.
          cohere-error-401 | 401 | AUTHENTICATION  | cohere:command-r: HTTP 401 authentication failed (check the API key): invalid api token
          cohere-error-429 | 429 | RATE_LIMITED    | cohere:command-r: HTTP 429 rate limited: You are past the per minute request limit, please wait and try again later.
          cohere-error-400 | 500 | SERVER_ERROR    | cohere:command-r: HTTP 500 server error: invalid request: message must be at least 1 token long or tool results must be specified.
          """)
  void documentedErrorBodiesAreMappedToTheirKind(String fixture, int status, String kind, String message) {
    cohere.stubFor(
        post("/v2/chat").willReturn(ProviderFixtures.load(fixture).response().withStatus(status).withHeader("Retry-After", "12")));

    assertThatThrownBy(() -> provider("cohere:command-r", "\"temperature\": 0").complete(ProviderRequest.ofText("hi")))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.kind().name()).isEqualTo(kind);
              if (status >= 429) assertThat(e.retryAfter()).contains(Duration.ofSeconds(12));
            })
        .hasMessage(message);
  }

  @Test
  void aMalformedBodyIsAMalformedResponseAndASlowOneATimeout() {
    cohere.stubFor(post("/v2/chat").willReturn(aResponse().withStatus(200).withBody("not json")));
    assertThatThrownBy(() -> provider("cohere:command-r", "\"k\": 1").complete(ProviderRequest.ofText("hi")))
        .isInstanceOf(ProviderException.MalformedResponse.class)
        .hasMessageStartingWith("cohere:command-r: response is not the expected JSON");

    cohere.stubFor(post("/v2/chat").willReturn(ProviderFixtures.load("cohere-chat-v2").response().withFixedDelay(2000)));
    assertThatThrownBy(() -> provider("cohere:command-r", "\"timeoutMs\": 300").complete(ProviderRequest.ofText("hi")))
        .isInstanceOf(ProviderException.Timeout.class)
        .hasMessage("cohere:command-r: no response within 300 ms");
  }

  @Test
  void theKeyComesFromEitherVariableAndNeverShowsInErrors() {
    CohereProviderFactory factory = new CohereProviderFactory();
    assertThatThrownBy(() -> factory.create(spec("cohere:command-r", "{}"), context(Map.of())))
        .isInstanceOf(ProviderConfigException.class)
        .hasMessage(
            "provider cohere:command-r: no API key: set the environment variable CO_API_KEY (or COHERE_API_KEY) or"
                + " config apiKey");

    cohere.stubFor(post("/v2/chat").willReturn(aResponse().withStatus(401).withBody("{\"message\": \"invalid api token " + KEY + "\"}")));
    Provider provider =
        factory.create(
            spec("cohere:command-r", "{\"apiBaseUrl\": \"" + cohere.baseUrl() + "\"}"), context(Map.of("COHERE_API_KEY", KEY)));
    assertThatThrownBy(() -> provider.complete(ProviderRequest.ofText("hi")))
        .isInstanceOf(ProviderException.Authentication.class)
        .hasMessage("cohere:command-r: HTTP 401 authentication failed (check the API key): invalid api token [REDACTED]");
    cohere.verify(postRequestedFor(urlPathEqualTo("/v2/chat")).withHeader("Authorization", equalTo("Bearer " + KEY)));
  }

  static String event(String type, String data) {
    return "event: " + type + "\ndata: " + data + "\n\n";
  }

  static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder sse(String... events) {
    return aResponse().withHeader("Content-Type", "text/event-stream").withBody(String.join("", events));
  }

  private static Provider provider(String id, String config) {
    String json = "{\"apiBaseUrl\": \"" + cohere.baseUrl() + "\", " + config + "}";
    return new CohereProviderFactory().create(spec(id, json), context(Map.of("CO_API_KEY", KEY)));
  }

  static ProviderSpec spec(String id, String config) {
    try {
      return ProviderSpec.of(id, Json.mapper().readTree(config));
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  static ProviderContext context(Map<String, String> environment) {
    return new ProviderContext(ProviderContext.defaultHttpClient(), SecretResolver.of(environment), null);
  }
}
