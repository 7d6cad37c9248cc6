package dev.ltb.aws.bedrock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.ltb.aws.bedrock.BedrockTestKit.provider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.ltb.json.Json;
import dev.ltb.provider.ChatMessage;
import dev.ltb.provider.ContentPart;
import dev.ltb.provider.FinishReason;
import dev.ltb.provider.Provider;
import dev.ltb.provider.ProviderContext;
import dev.ltb.provider.ProviderErrorKind;
import dev.ltb.provider.ProviderException;
import dev.ltb.provider.ProviderFixtures;
import dev.ltb.provider.ProviderRequest;
import dev.ltb.provider.ProviderResponse;
import dev.ltb.provider.TokenUsage;
import dev.ltb.provider.ToolCall;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BedrockConverseProviderTest {

  @RegisterExtension
  static WireMockExtension bedrock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String MODEL = "anthropic.claude-3-haiku-20240307-v1:0";
  private static final String ID = "bedrock:" + MODEL;
  private static final String CONVERSE_PATH = "/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse";

  /** The fixture's tool, as a suite writes it (Bedrock's own shape). */
  private static final String TOOLS_CONFIG =
      """
      {"tools": [{"toolSpec": {"name": "top_song",
        "description": "Get the most popular song played on a radio station.",
        "inputSchema": {"json": {"type": "object", "properties": {"sign": {"type": "string",
          "description": "The call sign for the radio station for which you want the most popular song. Example calls signs are WZPZ and WKRP."}},
          "required": ["sign"]}}}}]}
      """;

  @Test
  void sendsTheConversationAndSettingsAndReadsTheAnswer() {
    bedrock.stubFor(post(urlPathEqualTo(CONVERSE_PATH)).willReturn(ProviderFixtures.load("bedrock-converse").response()));
    Provider provider =
        provider(
            bedrock, ID,
            """
            {"maxTokens": 200, "temperature": 0.5, "topP": 0.9, "stopSequences": ["\\n\\nHuman:"],
             "additionalModelRequestFields": {"top_k": 40}}
            """);

    ProviderResponse response =
        provider.complete(
            new ProviderRequest(
                List.of(ChatMessage.system("You are a comedian."), ChatMessage.user("Tell me a joke about atoms.")),
                "Tell me a joke about atoms.", true));

    assertThat(response.output()).isEqualTo("Why don't scientists trust atoms? Because they make up everything!");
    assertThat(response.usage()).isEqualTo(new TokenUsage(22, 16, 0));
    assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(response.costUsd()).isCloseTo((22 * 0.25 + 16 * 1.25) / 1_000_000d, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(response.toolCalls()).isEmpty();
    assertThat(response.timeToFirstTokenMs()).isNull();
    bedrock.verify(
        postRequestedFor(urlPathEqualTo(CONVERSE_PATH))
            .withHeader("Authorization", matching("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/\\d{8}/us-east-1/bedrock/aws4_request, .*"))
            .withHeader("Content-Type", matching("application/json.*"))
            .withRequestBody(
                equalToJson(
                    """
                    {"messages": [{"role": "user", "content": [{"text": "Tell me a joke about atoms."}]}],
                     "system": [{"text": "You are a comedian."}],
                     "inferenceConfig": {"maxTokens": 200, "temperature": 0.5, "topP": 0.9, "stopSequences": ["\\n\\nHuman:"]},
                     "additionalModelRequestFields": {"top_k": 40}}
                    """)));
  }

  @Test
  void passesToolsAndReturnsTheToolCall() {
    ProviderFixtures.Fixture fixture = ProviderFixtures.load("bedrock-converse-tool-use");
    bedrock.stubFor(post(urlPathEqualTo(CONVERSE_PATH)).willReturn(fixture.response()));

    ProviderResponse response =
        provider(bedrock, ID, TOOLS_CONFIG).complete(ProviderRequest.ofText("What is the most popular song on WZPZ?"));

    assertThat(response.toolCalls()).containsExactly(new ToolCall("tooluse_kZJMlvQmRJ6eAyJE5GIl7Q", "top_song", "{\"sign\":\"WZPZ\"}"));
    assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    assertThat(response.output()).isEmpty();
    bedrock.verify(postRequestedFor(urlPathEqualTo(CONVERSE_PATH)).withRequestBody(equalToJson(fixture.request().path("body").toString())));
  }

  @Test
  void sendsTheToolUseAndItsResultBackAndReadsTheFinalAnswer() {
    ProviderFixtures.Fixture fixture = ProviderFixtures.load("bedrock-converse-after-tool-result");
    bedrock.stubFor(post(urlPathEqualTo(CONVERSE_PATH)).willReturn(fixture.response()));
    String question = "What is the most popular song on WZPZ?";
    List<ChatMessage> conversation =
        List.of(
            ChatMessage.user(question),
            ChatMessage.assistant("", List.of(new ToolCall("tooluse_kZJMlvQmRJ6eAyJE5GIl7Q", "top_song", "{\"sign\": \"WZPZ\"}"))),
            ChatMessage.toolResult("tooluse_kZJMlvQmRJ6eAyJE5GIl7Q", "{\"song\": \"Elemental Hotel\", \"artist\": \"8 Storey Hike\"}"));

    ProviderResponse response = provider(bedrock, ID, TOOLS_CONFIG).complete(new ProviderRequest(conversation, question, true));

    assertThat(response.output()).isEqualTo("The most popular song on WZPZ is Elemental Hotel by 8 Storey Hike.");
    assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(response.usage()).isEqualTo(TokenUsage.NONE);
    bedrock.verify(postRequestedFor(urlPathEqualTo(CONVERSE_PATH)).withRequestBody(equalToJson(fixture.request().path("body").toString())));
  }

  @Test
  void countsCacheReadsAsInputAndPricesThemAsCached() {
    ObjectNode body = (ObjectNode) ProviderFixtures.load("bedrock-converse").bodyJson();
    ((ObjectNode) body.get("usage")).put("inputTokens", 100).put("cacheReadInputTokens", 1000).put("cacheWriteInputTokens", 0);
    bedrock.stubFor(post(urlPathEqualTo("/model/us.anthropic.claude-3-5-haiku-20241022-v1%3A0/converse"))
        .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(body.toString())));

    ProviderResponse response =
        provider(bedrock, "bedrock:us.anthropic.claude-3-5-haiku-20241022-v1:0", "{}").complete(ProviderRequest.ofText("hi"));

    assertThat(response.usage()).isEqualTo(new TokenUsage(1100, 16, 1000));
    assertThat(response.costUsd())
        .as("priced as the base model: 100 input at 0.80, 1000 cached at 0.08, 16 output at 4.00 per million")
        .isCloseTo((100 * 0.80 + 1000 * 0.08 + 16 * 4.00) / 1_000_000d, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void aModelMissingFromThePriceTableHasNoCost() {
    bedrock.stubFor(post(urlPathEqualTo("/model/example.unlisted-model-v1%3A0/converse"))
        .willReturn(ProviderFixtures.load("bedrock-converse").response()));

    ProviderResponse response = provider(bedrock, "bedrock:example.unlisted-model-v1:0", "{}").complete(ProviderRequest.ofText("hi"));

    assertThat(response.costUsd()).isNull();
    assertThat(response.usage()).isEqualTo(new TokenUsage(22, 16, 0));
  }

  @Test
  void aGuardrailInterventionIsAContentFilterFinish() {
    ObjectNode body = (ObjectNode) ProviderFixtures.load("bedrock-converse").bodyJson();
    body.put("stopReason", "guardrail_intervened");
    ((ObjectNode) body.at("/output/message/content/0")).put("text", "Sorry, I can't help with that.");
    bedrock.stubFor(post(urlPathEqualTo(CONVERSE_PATH))
        .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(body.toString())));

    ProviderResponse response =
        provider(bedrock, ID, "{\"guardrailIdentifier\": \"gr-123\", \"guardrailVersion\": \"1\"}")
            .complete(ProviderRequest.ofText("something forbidden"));

    assertThat(response.finishReason()).isEqualTo(FinishReason.CONTENT_FILTER);
    assertThat(response.output()).isEqualTo("Sorry, I can't help with that.");
    bedrock.verify(postRequestedFor(urlPathEqualTo(CONVERSE_PATH))
        .withRequestBody(equalToJson("{\"guardrailConfig\": {\"guardrailIdentifier\": \"gr-123\", \"guardrailVersion\": \"1\"}}", true, true)));
  }

  @Test
  void sendsImagesAsBytesFromBase64AndFiles(@TempDir Path suiteDir) throws IOException {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
    Files.write(suiteDir.resolve("cat.jpg"), png);
    String base64 = Base64.getEncoder().encodeToString(png);
    bedrock.stubFor(post(urlPathEqualTo(CONVERSE_PATH)).willReturn(ProviderFixtures.load("bedrock-converse").response()));
    Provider provider =
        BedrockTestKit.factory(bedrock).create(BedrockTestKit.spec(ID, "{}"), ProviderContext.defaults(suiteDir));
    ChatMessage message =
        new ChatMessage(
            ChatMessage.Role.USER,
            List.of(
                new ContentPart.Text("What is in these pictures?"),
                new ContentPart.Image(null, "image/png", base64),
                new ContentPart.Image("file://cat.jpg", null, null)));

    provider.complete(new ProviderRequest(List.of(message), "What is in these pictures?", true));

    bedrock.verify(
        postRequestedFor(urlPathEqualTo(CONVERSE_PATH))
            .withRequestBody(
                equalToJson(
                    """
                    {"messages": [{"role": "user", "content": [
                      {"text": "What is in these pictures?"},
                      {"image": {"format": "png", "source": {"bytes": "%s"}}},
                      {"image": {"format": "jpeg", "source": {"bytes": "%s"}}}]}]}
                    """.formatted(base64, base64))));
  }

  @Test
  void refusesImageUrlsBecauseBedrockDoesNotFetchThem() {
    ChatMessage message =
        new ChatMessage(ChatMessage.Role.USER, List.of(new ContentPart.Image("https://example.com/cat.png", null, null)));

    assertThatThrownBy(() -> provider(bedrock, ID, "{}").complete(new ProviderRequest(List.of(message), "", true)))
        .isInstanceOf(ProviderException.InvalidRequest.class)
        .hasMessage(ID + ": Bedrock does not fetch images from URLs (https://example.com/cat.png); give the image as a "
            + "file (file://path) or as base64 data");
    bedrock.verify(exactly(0), postRequestedFor(urlPathEqualTo(CONVERSE_PATH)));
  }

  /** Bedrock Runtime's restJson1 errors: the type in x-amzn-ErrorType, the message in the body. */
  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
          429 | ThrottlingException           | RATE_LIMITED       | Too many requests, please wait before trying again.
          400 | ServiceQuotaExceededException | RATE_LIMITED       | Your request exceeds the service quota for your account.
          400 | ValidationException           | INVALID_REQUEST    | The provided request is not valid
          404 | ResourceNotFoundException     | INVALID_REQUEST    | Could not resolve the foundation model from the provided model identifier.
          403 | AccessDeniedException         | AUTHENTICATION     | You don't have access to the model with the specified model ID.
          403 | UnrecognizedClientException   | AUTHENTICATION     | The security token included in the request is invalid.
          408 | ModelTimeoutException         | TIMEOUT            | Model has timed out in processing the request.
          424 | ModelErrorException           | SERVER_ERROR       | The system encountered an unexpected error during processing.
          429 | ModelNotReadyException        | SERVER_ERROR       | Model is not ready to serve inference requests.
          500 | InternalServerException       | SERVER_ERROR       | Internal server error
          503 | ServiceUnavailableException   | SERVER_ERROR       | Bedrock is unable to process your request.
          """)
  void mapsBedrockErrorsToTheTaxonomyWithoutRetrying(int status, String errorType, ProviderErrorKind kind, String message) {
    bedrock.stubFor(post(urlPathEqualTo(CONVERSE_PATH))
        .willReturn(aResponse()
            .withStatus(status)
            .withHeader("Content-Type", "application/json")
            .withHeader("x-amzn-ErrorType", errorType + ":http://internal.amazon.com/coral/com.amazon.bedrock/")
            .withBody(Json.write(java.util.Map.of("message", message)))));

    assertThatThrownBy(() -> provider(bedrock, ID, "{}").complete(ProviderRequest.ofText("hi")))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(kind);
              assertThat(e.getMessage()).startsWith(ID + ": HTTP " + status + " " + errorType + ": " + message);
              assertThat(e.getMessage()).doesNotContain(BedrockTestKit.SECRET_KEY);
              if (kind != ProviderErrorKind.TIMEOUT) assertThat(e.httpStatus()).isEqualTo(status);
            });
    bedrock.verify(exactly(1), postRequestedFor(urlPathEqualTo(CONVERSE_PATH)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
          not JSON      | <html>maintenance</html>
          no output     | {"stopReason": "end_turn", "usage": {"inputTokens": 1, "outputTokens": 1, "totalTokens": 2}}
          truncated     | {"output": {"message": {"role": "assistant", "content": [{"text": "Hel
          """)
  void aBodyThatIsNotAConverseAnswerIsMalformed(String label, String body) {
    bedrock.stubFor(post(urlPathEqualTo(CONVERSE_PATH))
        .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(body)));

    assertThatThrownBy(() -> provider(bedrock, ID, "{}").complete(ProviderRequest.ofText("hi")))
        .isInstanceOf(ProviderException.MalformedResponse.class)
        .hasMessageStartingWith(ID + ": ");
  }

  @Test
  void anAnswerSlowerThanTheTimeoutIsATimeout() {
    bedrock.stubFor(post(urlPathEqualTo(CONVERSE_PATH))
        .willReturn(ProviderFixtures.load("bedrock-converse").response().withFixedDelay(5_000)));

    assertThatThrownBy(() -> provider(bedrock, ID, "{\"timeoutMs\": 300}").complete(ProviderRequest.ofText("hi")))
        .isInstanceOf(ProviderException.Timeout.class)
        .hasMessageStartingWith(ID + ": ");
  }

  @Test
  void aRefusedConnectionIsUnavailable() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Provider provider =
        new BedrockProviderFactory(BedrockTestKit.fakeEndpoint(URI.create("http://127.0.0.1:" + closedPort)))
            .create(BedrockTestKit.spec(ID, "{}"), ProviderContext.defaults(Path.of(".")));

    assertThatThrownBy(() -> provider.complete(ProviderRequest.ofText("hi")))
        .isInstanceOfSatisfying(
            ProviderException.Unavailable.class,
            e -> assertThat(e.getMessage()).startsWith(ID + ": cannot reach Bedrock Runtime: ConnectException"));
  }
}
