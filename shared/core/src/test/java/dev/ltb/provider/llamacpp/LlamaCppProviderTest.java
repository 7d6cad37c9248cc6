package dev.ltb.provider.llamacpp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
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
import dev.ltb.provider.TokenLogprob;
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

class LlamaCppProviderTest {

  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String KEY = "llama-key-7a6b5c4d3e2f";

  @Test
  void aStreamedCompletionIsAssembledEventByEventUntilStop() {
    ProviderFixtures.Fixture fixture = ProviderFixtures.load("llamacpp-completion-stream-final");
    server.stubFor(post("/completion").willReturn(fixture.response()));

    ProviderResponse response =
        provider("llamacpp:local", "\"stream\": true, \"n_predict\": 8, \"stop\": [\"?\\n\"], \"seed\": 42, \"cache_prompt\": true")
            .complete(ProviderRequest.ofText("Alice: Ask me any question.\nBob: What color is the sky on"));

    assertThat(response.output()).isEqualTo(" the planet Mars");
    assertThat(response.usage()).isEqualTo(new TokenUsage(16, 4, 0));
    assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(response.timeToFirstTokenMs()).isNotNull().isLessThanOrEqualTo(response.latencyMs());
    assertThat(response.costUsd()).isNull();
    server.verify(
        postRequestedFor(urlPathEqualTo("/completion"))
            .withHeader("Accept", equalTo("text/event-stream"))
            .withRequestBody(equalToJson(((ObjectNode) fixture.request().path("body").deepCopy()).put("model", "local").toString())));
  }

  @Test
  void aWholeCompletionWithLogprobsAndALengthStop() {
    server.stubFor(
        post("/completion")
            .willReturn(
                okJson(
                    """
                    {"index": 0, "content": " blue", "tokens": [], "id_slot": 0, "stop": true, "model": "local",
                     "tokens_predicted": 1, "tokens_evaluated": 9, "prompt": "The sky is", "has_new_line": false,
                     "truncated": false, "stop_type": "limit", "stopping_word": "", "tokens_cached": 4,
                     "timings": {"prompt_n": 5, "predicted_n": 1},
                     "completion_probabilities": [{"id": 6437, "token": " blue", "bytes": [32, 98, 108, 117, 101],
                       "logprob": -0.105, "top_logprobs": [{"id": 6437, "token": " blue", "bytes": [], "logprob": -0.105}]}]}""")));

    ProviderResponse response =
        provider("llamacpp:local", "\"max_tokens\": 1, \"logprobs\": true, \"temperature\": 0").complete(ProviderRequest.ofText("The sky is"));

    assertThat(response.output()).isEqualTo(" blue");
    assertThat(response.finishReason()).isEqualTo(FinishReason.LENGTH);
    assertThat(response.usage()).isEqualTo(new TokenUsage(9, 1, 4));
    assertThat(response.logprobs()).containsExactly(new TokenLogprob(" blue", -0.105));
    server.verify(
        postRequestedFor(urlPathEqualTo("/completion"))
            .withRequestBody(
                equalToJson(
                    "{\"prompt\": \"The sky is\", \"model\": \"local\", \"temperature\": 0.0, \"n_predict\": 1,"
                        + " \"n_probs\": 1, \"stream\": false}")));
  }

  @Test
  void theChatApiSendsTheConversationAndReadsTimingsUsage() {
    ProviderFixtures.Fixture fixture = ProviderFixtures.load("llamacpp-chat-completions-extras");
    ObjectNode answer = (ObjectNode) fixture.bodyJson();
    answer.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop")
        .putObject("message").put("role", "assistant").put("content", "A limerick.");
    server.stubFor(post("/v1/chat/completions").willReturn(okJson(answer.toString())));
    List<ChatMessage> messages =
        fixture.request().path("body").path("messages").valueStream()
            .map(message -> new ChatMessage(ChatMessage.Role.parse(message.get("role").asText()), List.of(new ContentPart.Text(message.get("content").asText()))))
            .toList();

    ProviderResponse response =
        provider("llamacpp:gpt-3.5-turbo", "\"api\": \"chat\"")
            .complete(new ProviderRequest(messages, "Write a limerick about python exceptions", true));

    assertThat(response.output()).isEqualTo("A limerick.");
    assertThat(response.usage()).isEqualTo(new TokenUsage(44, 48, 0));
    assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
    server.verify(
        postRequestedFor(urlPathEqualTo("/v1/chat/completions")).withRequestBody(equalToJson(fixture.request().path("body").toString())));
  }

  @Test
  void theChatApiStreamsToolCallsAndImages() {
    server.stubFor(
        post("/v1/chat/completions")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/event-stream")
                    .withBody(
                        """
                        data: {"choices":[{"index":0,"delta":{"role":"assistant","content":null,"tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":"}}]},"finish_reason":null}],"object":"chat.completion.chunk"}

                        data: {"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"\\"Paris\\"}"}}]},"finish_reason":null}],"object":"chat.completion.chunk"}

                        data: {"choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}],"object":"chat.completion.chunk","usage":{"completion_tokens":12,"prompt_tokens":80,"total_tokens":92},"timings":{"prompt_n":80,"predicted_n":12}}

                        data: [DONE]

                        """)));
    ChatMessage user =
        new ChatMessage(ChatMessage.Role.USER, List.of(new ContentPart.Text("Weather here?"), new ContentPart.Image(null, "image/png", "iVBOR")));

    ProviderResponse response =
        provider("llamacpp:qwen", "\"api\": \"chat\", \"stream\": true, \"tools\": [{\"type\": \"function\", \"function\": {\"name\": \"get_weather\"}}]")
            .complete(new ProviderRequest(List.of(user), "Weather here?", true));

    assertThat(response.toolCalls()).containsExactly(new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}"));
    assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    assertThat(response.usage()).isEqualTo(new TokenUsage(80, 12));
    assertThat(response.timeToFirstTokenMs()).isNotNull();
    server.verify(
        postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
            .withRequestBody(
                equalToJson(
                    """
                    {"model": "qwen", "stream": true, "stream_options": {"include_usage": true},
                     "tools": [{"type": "function", "function": {"name": "get_weather"}}],
                     "messages": [{"role": "user", "content": [{"type": "text", "text": "Weather here?"},
                       {"type": "image_url", "image_url": {"url": "data:image/png;base64,iVBOR"}}]}]}""")));
  }

  @Test
  void anErrorEventInsideTheStreamIsMappedByItsCode() {
    server.stubFor(
        post("/completion")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/event-stream")
                    .withBody(
                        "data: {\"index\":0,\"content\":\" the\",\"stop\":false,\"tokens_predicted\":1}\n\n"
                            + "data: {\"error\":{\"code\":400,\"message\":\"the request exceeds the available context size, try increasing it\",\"type\":\"exceed_context_size_error\"}}\n\n")));

    assertThatThrownBy(() -> provider("llamacpp:local", "\"stream\": true").complete(ProviderRequest.ofText("hi")))
        .isInstanceOf(ProviderException.InvalidRequest.class)
        .hasMessage(
            "llamacpp:local: the server failed while streaming: exceed_context_size_error: the request exceeds the"
                + " available context size, try increasing it");
  }

  @Test
  void aStreamThatEndsBeforeItsStopEventIsAServerError() {
    server.stubFor(post("/completion").willReturn(ProviderFixtures.load("llamacpp-completion-stream").response()));

    assertThatThrownBy(() -> provider("llamacpp:local", "\"stream\": true").complete(ProviderRequest.ofText("hi")))
        .isInstanceOf(ProviderException.ServerError.class)
        .hasMessage(
            "llamacpp:local: the stream ended before the last event (stop: true); the server may have failed mid-answer");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          400 | {"error":{"code":400,"message":"'prompt' is required","type":"invalid_request_error"}}           | INVALID_REQUEST | llamacpp:local: HTTP 400 invalid request: invalid_request_error: 'prompt' is required
          401 | {"error":{"code":401,"message":"Invalid API Key","type":"authentication_error"}}                 | AUTHENTICATION  | llamacpp:local: HTTP 401 authentication failed (check the API key): authentication_error: Invalid API Key
          429 | {"error":{"code":429,"message":"too many requests","type":"unavailable_error"}}                  | RATE_LIMITED    | llamacpp:local: HTTP 429 rate limited: unavailable_error: too many requests
          500 | {"error":{"code":500,"message":"Internal Server Error","type":"server_error"}}                   | SERVER_ERROR    | llamacpp:local: HTTP 500 server error: server_error: Internal Server Error
          503 | {"error":{"code":503,"message":"Loading model","type":"unavailable_error"}}                      | SERVER_ERROR    | llamacpp:local: HTTP 503 service unavailable: unavailable_error: Loading model
          """)
  void errorAnswersAreMappedToTheirKind(int status, String body, String kind, String message) {
    server.stubFor(post("/completion").willReturn(aResponse().withStatus(status).withHeader("Retry-After", "2").withBody(body)));

    assertThatThrownBy(() -> provider("llamacpp:local", "\"temperature\": 0").complete(ProviderRequest.ofText("hi")))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.kind().name()).isEqualTo(kind);
              if (status >= 429) assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
            })
        .hasMessage(message);
  }

  @Test
  void aMalformedBodyAndATimeout() {
    server.stubFor(post("/completion").willReturn(aResponse().withStatus(200).withBody("{\"content\": ")));
    assertThatThrownBy(() -> provider("llamacpp:local", "\"temperature\": 0").complete(ProviderRequest.ofText("hi")))
        .isInstanceOf(ProviderException.MalformedResponse.class);

    server.stubFor(post("/completion").willReturn(okJson("{\"content\": \"x\", \"stop\": true}").withFixedDelay(2000)));
    assertThatThrownBy(() -> provider("llamacpp:local", "\"timeoutMs\": 300").complete(ProviderRequest.ofText("hi")))
        .isInstanceOf(ProviderException.Timeout.class)
        .hasMessage("llamacpp:local: no response within 300 ms");
  }

  @Test
  void imagesNeedTheChatApiAndTheKeyIsNeverShown() {
    ChatMessage user = new ChatMessage(ChatMessage.Role.USER, List.of(new ContentPart.Image(null, "image/png", "iVBOR")));
    assertThatThrownBy(() -> provider("llamacpp:local", "\"temperature\": 0").complete(new ProviderRequest(List.of(user), "", true)))
        .isInstanceOf(ProviderException.InvalidRequest.class)
        .hasMessage("llamacpp:local: the /completion endpoint takes no images here; use config api: chat");

    server.stubFor(post("/completion").willReturn(aResponse().withStatus(401).withBody("{\"error\": {\"message\": \"bad key " + KEY + "\"}}")));
    Provider provider =
        new LlamaCppProvider.Factory()
            .create(spec("llamacpp:local", "{\"apiBaseUrl\": \"" + server.baseUrl() + "\"}"), context(Map.of("LLAMA_API_KEY", KEY)));
    assertThatThrownBy(() -> provider.complete(ProviderRequest.ofText("hi")))
        .isInstanceOf(ProviderException.Authentication.class)
        .hasMessageEndingWith("bad key [REDACTED]");
    server.verify(postRequestedFor(urlPathEqualTo("/completion")).withHeader("Authorization", equalTo("Bearer " + KEY)));
  }

  @Test
  void anUnknownApiIsAConfigError() {
    assertThatThrownBy(() -> provider("llamacpp:local", "\"api\": \"embeddings\""))
        .isInstanceOf(ProviderConfigException.class)
        .hasMessage("provider llamacpp:local: config api must be completion (native /completion) or chat (/v1/chat/completions)");
  }

  private static ResponseDefinitionBuilder okJson(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
  }

  private static Provider provider(String id, String config) {
    return new LlamaCppProvider.Factory()
        .create(spec(id, "{\"apiBaseUrl\": \"" + server.baseUrl() + "\", " + config + "}"), context(Map.of()));
  }

  private static ProviderSpec spec(String id, String config) {
    try {
      return ProviderSpec.of(id, Json.mapper().readTree(config));
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static ProviderContext context(Map<String, String> environment) {
    return new ProviderContext(ProviderContext.defaultHttpClient(), SecretResolver.of(environment), null);
  }
}
