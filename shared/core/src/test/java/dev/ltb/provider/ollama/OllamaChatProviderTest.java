package dev.ltb.provider.ollama;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
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

class OllamaChatProviderTest {

  @RegisterExtension
  static WireMockExtension ollama = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String KEY = "ollama-key-5f3a9c1e77";

  @Test
  void sendsTheConversationAndOptionsAndReadsTheAnswer() {
    ollama.stubFor(post("/api/chat").willReturn(ProviderFixtures.load("ollama-chat").response()));
    Provider provider =
        provider(
            "llama3.2",
            """
            {"temperature": 0.2, "top_p": 0.9, "max_tokens": 64, "stop": ["\\n\\n"], "seed": 42, "format": "json",
             "options": {"num_ctx": 4096}, "keep_alive": "10m"}""");

    ProviderResponse response = provider.complete(ProviderRequest.ofText("why is the sky blue?"));

    assertThat(response.output()).isEqualTo("Hello! How are you today?");
    assertThat(response.usage()).isEqualTo(new TokenUsage(26, 298));
    assertThat(response.finishReason()).isEqualTo(FinishReason.UNKNOWN);
    assertThat(response.timeToFirstTokenMs()).isNull();
    assertThat(response.costUsd()).isNull();
    assertThat(response.latencyMs()).isPositive();
    ollama.verify(
        postRequestedFor(urlPathEqualTo("/api/chat"))
            .withHeader("Content-Type", equalTo("application/json"))
            .withHeader("Authorization", absent())
            .withRequestBody(
                equalToJson(
                    """
                    {"model": "llama3.2", "messages": [{"role": "user", "content": "why is the sky blue?"}],
                     "format": "json", "stream": false, "keep_alive": "10m",
                     "options": {"num_ctx": 4096, "temperature": 0.2, "top_p": 0.9, "num_predict": 64, "seed": 42,
                                 "stop": ["\\n\\n"]}}""")));
  }

  @Test
  void aSchemaFormatAndSystemMessagesAndImagesAreSent() {
    ollama.stubFor(post("/api/chat").willReturn(ProviderFixtures.load("ollama-chat").response()));
    Provider provider = provider("llava", "{\"format\": {\"type\": \"object\"}, \"cost\": {\"inputPerMillion\": 1, \"outputPerMillion\": 2}}");
    ChatMessage user =
        new ChatMessage(
            ChatMessage.Role.USER,
            List.of(new ContentPart.Text("what is in this image?"), new ContentPart.Image(null, "image/png", "iVBORw0K")));

    ProviderResponse response =
        provider.complete(new ProviderRequest(List.of(ChatMessage.system("Be brief."), user), "what is in this image?", true));

    assertThat(response.costUsd()).isEqualTo((26 * 1 + 298 * 2) / 1_000_000d);
    ollama.verify(
        postRequestedFor(urlPathEqualTo("/api/chat"))
            .withRequestBody(
                equalToJson(
                    """
                    {"model": "llava", "stream": false, "format": {"type": "object"},
                     "messages": [{"role": "system", "content": "Be brief."},
                                  {"role": "user", "content": "what is in this image?", "images": ["iVBORw0K"]}]}""")));
  }

  @Test
  void anImageByUrlIsRefusedBeforeCalling() {
    Provider provider = provider("llava", "{}");
    ChatMessage user =
        new ChatMessage(ChatMessage.Role.USER, List.of(new ContentPart.Image("https://example.com/cat.png", null, null)));

    assertThatThrownBy(() -> provider.complete(new ProviderRequest(List.of(user), "", true)))
        .isInstanceOf(ProviderException.InvalidRequest.class)
        .hasMessage(
            "ollama:chat:llava: Ollama takes images as base64 data only; give the image as a file or inline data,"
                + " not as an http(s) URL");
    assertThat(ollama.getAllServeEvents()).isEmpty();
  }

  @Test
  void aToolCallComesBackInTheCommonShape() {
    ProviderFixtures.Fixture fixture = ProviderFixtures.load("ollama-chat-tools");
    ollama.stubFor(post("/api/chat").willReturn(fixture.response()));
    String tools = fixture.request().path("body").path("tools").toString();
    Provider provider = provider("llama3.2", "{\"tools\": " + tools + "}");

    ProviderResponse response = provider.complete(ProviderRequest.ofText("what is the weather in tokyo?"));

    ToolCall call = new ToolCall(null, "get_weather", "{\"city\":\"Tokyo\"}");
    assertThat(response.toolCalls()).containsExactly(call);
    assertThat(response.output()).isEqualTo(ToolCall.outputJson(List.of(call)));
    assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    assertThat(response.usage()).isEqualTo(new TokenUsage(169, 18));
    ollama.verify(postRequestedFor(urlPathEqualTo("/api/chat")).withRequestBody(equalToJson(fixture.request().path("body").toString())));
  }

  @Test
  void aStreamedAnswerIsAssembledLineByLineAndTheFirstTokenTimed() {
    ollama.stubFor(post("/api/chat").willReturn(ProviderFixtures.load("ollama-chat-stream").response()));
    Provider provider = provider("llama3.2", "{\"stream\": true}");

    ProviderResponse response = provider.complete(ProviderRequest.ofText("why is the sky blue?"));

    assertThat(response.output()).isEqualTo("The");
    assertThat(response.usage()).isEqualTo(new TokenUsage(26, 282));
    assertThat(response.timeToFirstTokenMs()).isNotNull().isBetween(0L, response.latencyMs());
    ollama.verify(
        postRequestedFor(urlPathEqualTo("/api/chat"))
            .withHeader("Accept", equalTo("application/x-ndjson"))
            .withRequestBody(equalToJson("{\"model\": \"llama3.2\", \"stream\": true}", true, true)));
  }

  @Test
  void aStreamedToolCallIsCollected() {
    ollama.stubFor(post("/api/chat").willReturn(ProviderFixtures.load("ollama-chat-stream-tools").response()));

    ProviderResponse response = provider("llama3.2", "{\"stream\": true}").complete(ProviderRequest.ofText("weather?"));

    assertThat(response.toolCalls()).containsExactly(new ToolCall(null, "get_weather", "{\"city\":\"Tokyo\"}"));
    assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    assertThat(response.usage()).isEqualTo(new TokenUsage(169, 15));
    assertThat(response.timeToFirstTokenMs()).isNotNull();
  }

  @Test
  void anErrorLineInsideTheStreamIsAServerError() {
    ollama.stubFor(post("/api/chat").willReturn(ProviderFixtures.load("ollama-stream-midstream-error").response()));

    assertThatThrownBy(() -> provider("gemma4", "{\"stream\": true}").complete(ProviderRequest.ofText("hi")))
        .isInstanceOfSatisfying(
            ProviderException.ServerError.class, e -> assertThat(e.retryable()).isTrue())
        .hasMessage("ollama:chat:gemma4: the server failed while streaming: an error was encountered while running the model");
  }

  @Test
  void aStreamCutBeforeItsFinalLineIsAServerError() {
    ollama.stubFor(
        post("/api/chat")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/x-ndjson")
                    .withBody("{\"model\":\"llama3.2\",\"message\":{\"role\":\"assistant\",\"content\":\"The\"},\"done\":false}\n")));

    assertThatThrownBy(() -> provider("llama3.2", "{\"stream\": true}").complete(ProviderRequest.ofText("hi")))
        .isInstanceOf(ProviderException.ServerError.class)
        .hasMessage(
            "ollama:chat:llama3.2: the stream ended before its final line (done: true); the server may have stopped"
                + " mid-answer");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          400 | INVALID_REQUEST | ollama:chat:llama3.2: HTTP 400 invalid request: the model failed to generate a response
          401 | AUTHENTICATION  | ollama:chat:llama3.2: HTTP 401 authentication failed (check the API key): the model failed to generate a response
          404 | INVALID_REQUEST | ollama:chat:llama3.2: HTTP 404 not found (check the model name and apiBaseUrl): the model failed to generate a response
          429 | RATE_LIMITED    | ollama:chat:llama3.2: HTTP 429 rate limited: the model failed to generate a response
          500 | SERVER_ERROR    | ollama:chat:llama3.2: HTTP 500 server error: the model failed to generate a response
          """)
  void errorAnswersAreMappedToTheirKind(int status, String kind, String message) {
    ProviderFixtures.Fixture error = ProviderFixtures.load("ollama-error");
    ollama.stubFor(post("/api/chat").willReturn(error.response().withStatus(status).withHeader("Retry-After", "7")));

    assertThatThrownBy(() -> provider("llama3.2", "{}").complete(ProviderRequest.ofText("hi")))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.kind().name()).isEqualTo(kind);
              assertThat(e.httpStatus()).isEqualTo(status);
              if (status == 429 || status == 500) assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
            })
        .hasMessage(message);
  }

  @Test
  void aBodyThatIsNotJsonIsAMalformedResponse() {
    ollama.stubFor(post("/api/chat").willReturn(aResponse().withStatus(200).withBody("<html>proxy error</html>")));

    assertThatThrownBy(() -> provider("llama3.2", "{}").complete(ProviderRequest.ofText("hi")))
        .isInstanceOf(ProviderException.MalformedResponse.class)
        .hasMessageStartingWith("ollama:chat:llama3.2: response is not the expected JSON");
  }

  @Test
  void noAnswerWithinTheTimeoutIsATimeout() {
    ollama.stubFor(post("/api/chat").willReturn(ProviderFixtures.load("ollama-chat").response().withFixedDelay(2000)));

    assertThatThrownBy(() -> provider("llama3.2", "{\"timeoutMs\": 300}").complete(ProviderRequest.ofText("hi")))
        .isInstanceOf(ProviderException.Timeout.class)
        .hasMessage("ollama:chat:llama3.2: no response within 300 ms");
  }

  @Test
  void theKeyIsSentAsBearerAndNeverShownInErrors() {
    ollama.stubFor(
        post("/api/chat").willReturn(aResponse().withStatus(401).withBody("{\"error\": \"key " + KEY + " is revoked\"}")));
    Provider provider =
        new OllamaProviderFactory()
            .create(spec("ollama:chat:llama3.2", "{\"apiBaseUrl\": \"" + ollama.baseUrl() + "\"}"), context(Map.of("OLLAMA_API_KEY", KEY)));

    assertThatThrownBy(() -> provider.complete(ProviderRequest.ofText("hi")))
        .isInstanceOf(ProviderException.Authentication.class)
        .hasMessageNotContaining(KEY)
        .hasMessageContaining("key [REDACTED] is revoked");
    ollama.verify(postRequestedFor(urlPathEqualTo("/api/chat")).withHeader("Authorization", equalTo("Bearer " + KEY)));
  }

  private static Provider provider(String model, String config) {
    String withBase =
        config.strip().equals("{}")
            ? "{\"apiBaseUrl\": \"" + ollama.baseUrl() + "\"}"
            : config.strip().replaceFirst("^\\{", "{\"apiBaseUrl\": \"" + ollama.baseUrl() + "\", ");
    return new OllamaProviderFactory().create(spec("ollama:chat:" + model, withBase), context(Map.of()));
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
