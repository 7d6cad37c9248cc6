package dev.ltb.provider.mistral;

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

class MistralChatProviderTest {

  @RegisterExtension
  static WireMockExtension mistral = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final String KEY = "mistral-key-0c1d2e3f4a5b6c7d";

  @Test
  void sendsMistralsOwnFieldsAndReadsTheAnswerWithItsCost() {
    mistral.stubFor(post("/v1/chat/completions").willReturn(ProviderFixtures.load("mistral-chat-completions").response()));
    Provider provider =
        provider(
            "mistral:mistral-large-latest",
            """
            "temperature": 0.3, "top_p": 0.95, "max_tokens": 300, "stop": "###", "seed": 7, "safe_prompt": true,
            "response_format": "json_object\"""");

    ProviderResponse response = provider.complete(ProviderRequest.ofText("How far is the moon from earth?"));

    assertThat(response.output()).startsWith("The distance between the **Earth and the Moon** varies").endsWith("measured?");
    assertThat(response.usage()).isEqualTo(new TokenUsage(11, 268));
    assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(response.costUsd()).isEqualTo((11 * 2.00 + 268 * 6.00) / 1_000_000d);
    assertThat(response.timeToFirstTokenMs()).isNull();
    mistral.verify(
        postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
            .withHeader("Authorization", equalTo("Bearer " + KEY))
            .withHeader("Accept", equalTo("application/json"))
            .withRequestBody(
                equalToJson(
                    """
                    {"model": "mistral-large-latest",
                     "messages": [{"role": "user", "content": "How far is the moon from earth?"}],
                     "temperature": 0.3, "top_p": 0.95, "max_tokens": 300, "stop": ["###"], "random_seed": 7,
                     "safe_prompt": true, "response_format": {"type": "json_object"}}""")));
  }

  @Test
  void imagesAreSentAsImageUrlParts() {
    mistral.stubFor(post("/v1/chat/completions").willReturn(ProviderFixtures.load("mistral-chat-completions").response()));
    ChatMessage user =
        new ChatMessage(
            ChatMessage.Role.USER,
            List.of(new ContentPart.Text("What is this?"), new ContentPart.Image(null, "image/jpeg", "/9j/4AAQ")));

    provider("mistral:chat:pixtral-12b-2409", "\"temperature\": 0")
        .complete(new ProviderRequest(List.of(user), "What is this?", true));

    mistral.verify(
        postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
            .withRequestBody(
                equalToJson(
                    """
                    {"model": "pixtral-12b-2409", "temperature": 0.0, "messages": [{"role": "user", "content": [
                      {"type": "text", "text": "What is this?"},
                      {"type": "image_url", "image_url": "data:image/jpeg;base64,/9j/4AAQ"}]}]}""")));
  }

  @Test
  void aToolCallComesBackInTheCommonShape() {
    ProviderFixtures.Fixture fixture = ProviderFixtures.load("mistral-chat-completions-tool-calls");
    mistral.stubFor(post("/v1/chat/completions").willReturn(fixture.response()));
    String tools = fixture.request().path("body").path("tools").toString();

    ProviderResponse response =
        provider("mistral:mistral-large-latest", "\"tools\": " + tools + ", \"tool_choice\": \"any\", \"parallel_tool_calls\": false")
            .complete(ProviderRequest.ofText("What's the status of my transaction T1001?"));

    ToolCall call = new ToolCall("D681PevKs", "retrieve_payment_status", "{\"transaction_id\": \"T1001\"}");
    assertThat(response.toolCalls()).containsExactly(call);
    assertThat(response.output()).isEqualTo(ToolCall.outputJson(List.of(call)));
    assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    mistral.verify(
        postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
            .withRequestBody(
                equalToJson(
                    "{\"tools\": " + tools + ", \"tool_choice\": \"any\", \"parallel_tool_calls\": false}", true, true)));
  }

  @Test
  void aStreamedAnswerIsAssembledChunkByChunk() {
    mistral.stubFor(
        post("/v1/chat/completions").willReturn(ProviderFixtures.load("mistral-chat-completions-stream").response()));

    ProviderResponse response =
        provider("mistral:mistral-large-latest", "\"stream\": true").complete(ProviderRequest.ofText("How far?"));

    assertThat(response.output()).isEqualTo("384400");
    assertThat(response.usage()).isEqualTo(new TokenUsage(19, 7));
    assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(response.timeToFirstTokenMs()).isNotNull().isLessThanOrEqualTo(response.latencyMs());
    mistral.verify(
        postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
            .withHeader("Accept", equalTo("text/event-stream"))
            .withRequestBody(equalToJson("{\"stream\": true}", true, true)));
  }

  @Test
  void modelLengthCountsAsLength() {
    mistral.stubFor(
        post("/v1/chat/completions")
            .willReturn(
                okJson(
                    "{\"id\": \"x\", \"object\": \"chat.completion\", \"model\": \"open-mistral-nemo\", \"choices\":"
                        + " [{\"index\": 0, \"message\": {\"role\": \"assistant\", \"content\": \"Once upon\"},"
                        + " \"finish_reason\": \"model_length\"}], \"usage\": {\"prompt_tokens\": 5,"
                        + " \"completion_tokens\": 2, \"total_tokens\": 7}}")));

    ProviderResponse response = provider("mistral:open-mistral-nemo", "\"max_tokens\": 2").complete(ProviderRequest.ofText("Tell"));

    assertThat(response.finishReason()).isEqualTo(FinishReason.LENGTH);
    assertThat(response.costUsd()).isEqualTo(7 * 0.15 / 1_000_000d);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          mistral-error-401 | AUTHENTICATION  | mistral:mistral-small-latest: HTTP 401 authentication failed (check the API key): Unauthorized
          mistral-error-422 | INVALID_REQUEST | mistral:mistral-small-latest: HTTP 422 unprocessable request: invalid_request_error: max_completion_tokens: Extra inputs are not permitted
          mistral-error-429 | RATE_LIMITED    | mistral:mistral-small-latest: HTTP 429 rate limited: 1300: Rate limit exceeded
          """)
  void documentedErrorBodiesAreMappedToTheirKind(String fixture, String kind, String message) {
    mistral.stubFor(
        post("/v1/chat/completions").willReturn(ProviderFixtures.load(fixture).response().withHeader("Retry-After", "3")));

    assertThatThrownBy(() -> provider("mistral:mistral-small-latest", "\"temperature\": 0").complete(ProviderRequest.ofText("hi")))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.kind().name()).isEqualTo(kind);
              if (kind.equals("RATE_LIMITED")) assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
            })
        .hasMessage(message);
  }

  @Test
  void aServerErrorIsRetryable() {
    mistral.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(500).withBody("{\"message\": \"Internal server error\"}")));

    assertThatThrownBy(() -> provider("mistral:mistral-small-latest", "\"temperature\": 0").complete(ProviderRequest.ofText("hi")))
        .isInstanceOfSatisfying(ProviderException.ServerError.class, e -> assertThat(e.retryable()).isTrue())
        .hasMessage("mistral:mistral-small-latest: HTTP 500 server error: Internal server error");
  }

  @Test
  void aMalformedBodyAndAnEmptyAnswerAreMalformedResponses() {
    mistral.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(200).withBody("{\"choices\": [")));
    assertThatThrownBy(() -> provider("mistral:mistral-small-latest", "\"top_p\": 1").complete(ProviderRequest.ofText("hi")))
        .isInstanceOf(ProviderException.MalformedResponse.class);

    mistral.stubFor(post("/v1/chat/completions").willReturn(okJson("{\"id\": \"x\", \"choices\": []}")));
    assertThatThrownBy(() -> provider("mistral:mistral-small-latest", "\"top_p\": 1").complete(ProviderRequest.ofText("hi")))
        .isInstanceOf(ProviderException.MalformedResponse.class)
        .hasMessage("mistral:mistral-small-latest: the answer has no choices");
  }

  @Test
  void anErrorInsideTheStreamIsAServerError() {
    mistral.stubFor(
        post("/v1/chat/completions")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/event-stream")
                    .withBody(
                        "data: {\"id\":\"a\",\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"38\"},"
                            + "\"finish_reason\":null}]}\n\n"
                            + "data: {\"object\":\"error\",\"message\":\"Service unavailable.\",\"type\":\"internal_error\","
                            + "\"param\":null,\"code\":\"3000\"}\n\n")));

    assertThatThrownBy(() -> provider("mistral:mistral-small-latest", "\"stream\": true").complete(ProviderRequest.ofText("hi")))
        .isInstanceOf(ProviderException.ServerError.class)
        .hasMessage("mistral:mistral-small-latest: the server failed while streaming: 3000: Service unavailable.");
  }

  @Test
  void aStreamCutBeforeItsLastChunkIsAServerError() {
    mistral.stubFor(
        post("/v1/chat/completions")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/event-stream")
                    .withBody("data: {\"id\":\"a\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"38\"}}]}\n\n")));

    assertThatThrownBy(() -> provider("mistral:mistral-small-latest", "\"stream\": true").complete(ProviderRequest.ofText("hi")))
        .isInstanceOf(ProviderException.ServerError.class)
        .hasMessageContaining("the stream ended before its last chunk");
  }

  @Test
  void aSlowAnswerIsATimeout() {
    mistral.stubFor(
        post("/v1/chat/completions").willReturn(ProviderFixtures.load("mistral-chat-completions").response().withFixedDelay(2000)));

    assertThatThrownBy(() -> provider("mistral:mistral-small-latest", "\"timeoutMs\": 250").complete(ProviderRequest.ofText("hi")))
        .isInstanceOf(ProviderException.Timeout.class)
        .hasMessage("mistral:mistral-small-latest: no response within 250 ms");
  }

  @Test
  void theKeyIsRequiredAndNeverShownInErrors() {
    assertThatThrownBy(() -> new MistralProviderFactory().create(spec("mistral:mistral-small-latest", "{}"), context(Map.of())))
        .isInstanceOf(ProviderConfigException.class)
        .hasMessage(
            "provider mistral:mistral-small-latest: no API key: set the environment variable MISTRAL_API_KEY or config"
                + " apiKey");

    mistral.stubFor(
        post("/v1/chat/completions").willReturn(aResponse().withStatus(401).withBody("{\"message\": \"Bad key " + KEY + "\"}")));
    assertThatThrownBy(() -> provider("mistral:mistral-small-latest", "\"top_p\": 1").complete(ProviderRequest.ofText("hi")))
        .isInstanceOf(ProviderException.Authentication.class)
        .hasMessage("mistral:mistral-small-latest: HTTP 401 authentication failed (check the API key): Bad key [REDACTED]");
  }

  static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJson(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
  }

  private static Provider provider(String id, String config) {
    String json = "{\"apiBaseUrl\": \"" + mistral.baseUrl() + "\", " + config + "}";
    return new MistralProviderFactory().create(spec(id, json), context(Map.of("MISTRAL_API_KEY", KEY)));
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
