package dev.ltb.aws.bedrock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.ltb.provider.FinishReason;
import dev.ltb.provider.ProviderException;
import dev.ltb.provider.ProviderFixtures;
import dev.ltb.provider.ProviderRequest;
import dev.ltb.provider.ProviderResponse;
import dev.ltb.provider.TokenUsage;
import dev.ltb.provider.ToolCall;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code stream: true}: ConverseStream over the async (Netty) client, answered in event-stream framing. */
class BedrockConverseStreamTest {

  @RegisterExtension
  static WireMockExtension bedrock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String ID = "bedrock:anthropic.claude-3-haiku-20240307-v1:0";
  private static final String STREAM_PATH = "/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse-stream";

  @Test
  void assemblesAStreamedTextAnswerAndMeasuresTheFirstToken() {
    stream(
        new EventStreamFrames()
            .event("messageStart", "{\"role\": \"assistant\"}")
            .event("contentBlockDelta", "{\"contentBlockIndex\": 0, \"delta\": {\"text\": \"Why don't scientists \"}}")
            .event("contentBlockDelta", "{\"contentBlockIndex\": 0, \"delta\": {\"text\": \"trust atoms?\"}}")
            .event("contentBlockStop", "{\"contentBlockIndex\": 0}")
            .event("messageStop", "{\"stopReason\": \"max_tokens\"}")
            .event("metadata", "{\"usage\": {\"inputTokens\": 22, \"outputTokens\": 6, \"totalTokens\": 28}, \"metrics\": {\"latencyMs\": 310}}"));

    try (BedrockConverseProvider provider = streamingProvider("{\"stream\": true, \"maxTokens\": 6}")) {
      ProviderResponse response = provider.complete(ProviderRequest.ofText("Tell me a joke about atoms."));

      assertThat(response.output()).isEqualTo("Why don't scientists trust atoms?");
      assertThat(response.finishReason()).isEqualTo(FinishReason.LENGTH);
      assertThat(response.usage()).isEqualTo(new TokenUsage(22, 6, 0));
      assertThat(response.costUsd()).isEqualTo((22 * 0.25 + 6 * 1.25) / 1_000_000d);
      assertThat(response.timeToFirstTokenMs()).isNotNull().isBetween(0L, response.latencyMs());
    }
    bedrock.verify(
        postRequestedFor(urlPathEqualTo(STREAM_PATH))
            .withHeader("Authorization", matching("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/.*"))
            .withRequestBody(
                equalToJson(
                    """
                    {"messages": [{"role": "user", "content": [{"text": "Tell me a joke about atoms."}]}],
                     "inferenceConfig": {"maxTokens": 6}}
                    """)));
  }

  @Test
  void assemblesAToolUseFromItsStartAndInputDeltas() {
    stream(
        new EventStreamFrames()
            .event("messageStart", "{\"role\": \"assistant\"}")
            .event("contentBlockDelta", "{\"contentBlockIndex\": 0, \"delta\": {\"text\": \"Let me look that up.\"}}")
            .event("contentBlockStop", "{\"contentBlockIndex\": 0}")
            .event("contentBlockStart",
                "{\"contentBlockIndex\": 1, \"start\": {\"toolUse\": {\"toolUseId\": \"tooluse_kZJMlvQmRJ6eAyJE5GIl7Q\", \"name\": \"top_song\"}}}")
            .event("contentBlockDelta", "{\"contentBlockIndex\": 1, \"delta\": {\"toolUse\": {\"input\": \"{\\\"sign\\\": \"}}}")
            .event("contentBlockDelta", "{\"contentBlockIndex\": 1, \"delta\": {\"toolUse\": {\"input\": \"\\\"WZPZ\\\"}\"}}}")
            .event("contentBlockStop", "{\"contentBlockIndex\": 1}")
            .event("messageStop", "{\"stopReason\": \"tool_use\"}")
            .event("metadata", "{\"usage\": {\"inputTokens\": 380, \"outputTokens\": 72, \"totalTokens\": 452}, \"metrics\": {\"latencyMs\": 1200}}"));
    String tools = ProviderFixtures.load("bedrock-converse-stream-event-shapes").request().path("body").path("toolConfig").toString();

    try (BedrockConverseProvider provider = streamingProvider("{\"stream\": true, \"tools\": " + BedrockTestKit.json(tools).path("tools") + "}")) {
      ProviderResponse response = provider.complete(ProviderRequest.ofText("What is the most popular song on WZPZ?"));

      assertThat(response.output()).isEqualTo("Let me look that up.");
      assertThat(response.toolCalls()).containsExactly(new ToolCall("tooluse_kZJMlvQmRJ6eAyJE5GIl7Q", "top_song", "{\"sign\": \"WZPZ\"}"));
      assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
      assertThat(response.usage()).isEqualTo(new TokenUsage(380, 72, 0));
    }
    bedrock.verify(postRequestedFor(urlPathEqualTo(STREAM_PATH)).withRequestBody(equalToJson("{\"toolConfig\": " + tools + "}", true, true)));
  }

  @Test
  void anExceptionInsideTheStreamIsMappedByItsType() {
    stream(
        new EventStreamFrames()
            .event("messageStart", "{\"role\": \"assistant\"}")
            .event("contentBlockDelta", "{\"contentBlockIndex\": 0, \"delta\": {\"text\": \"Why\"}}")
            .exception("throttlingException", "Too many tokens, please wait before trying again."));

    try (BedrockConverseProvider provider = streamingProvider("{\"stream\": true}")) {
      assertThatThrownBy(() -> provider.complete(ProviderRequest.ofText("hi")))
          .isInstanceOfSatisfying(
              ProviderException.RateLimited.class,
              e -> assertThat(e.getMessage()).contains("Too many tokens, please wait before trying again."));
    }
  }

  @Test
  void aStreamThatEndsBeforeMessageStopIsMalformed() {
    stream(
        new EventStreamFrames()
            .event("messageStart", "{\"role\": \"assistant\"}")
            .event("contentBlockDelta", "{\"contentBlockIndex\": 0, \"delta\": {\"text\": \"Why don't\"}}"));

    try (BedrockConverseProvider provider = streamingProvider("{\"stream\": true}")) {
      assertThatThrownBy(() -> provider.complete(ProviderRequest.ofText("hi")))
          .isInstanceOf(ProviderException.MalformedResponse.class)
          .hasMessage(ID + ": the ConverseStream ended before messageStop; the answer may be cut short");
    }
  }

  @Test
  void anErrorAnswerBeforeTheStreamIsMappedLikeConverse() {
    bedrock.stubFor(post(urlPathEqualTo(STREAM_PATH))
        .willReturn(aResponse()
            .withStatus(400)
            .withHeader("Content-Type", "application/json")
            .withHeader("x-amzn-ErrorType", "ValidationException:http://internal.amazon.com/coral/com.amazon.bedrock/")
            .withBody("{\"message\": \"The model returned the following errors: temperature: range: 0..1\"}")));

    try (BedrockConverseProvider provider = streamingProvider("{\"stream\": true}")) {
      assertThatThrownBy(() -> provider.complete(ProviderRequest.ofText("hi")))
          .isInstanceOf(ProviderException.InvalidRequest.class)
          .hasMessage(ID + ": HTTP 400 ValidationException: The model returned the following errors: temperature: range: 0..1");
    }
  }

  @Test
  void aStreamThatStallsHitsTheTimeout() {
    bedrock.stubFor(post(urlPathEqualTo(STREAM_PATH))
        .willReturn(aResponse()
            .withHeader("Content-Type", EventStreamFrames.CONTENT_TYPE)
            .withBody(new EventStreamFrames().event("messageStart", "{\"role\": \"assistant\"}").bytes())
            .withFixedDelay((int) Duration.ofSeconds(10).toMillis())));

    try (BedrockConverseProvider provider = streamingProvider("{\"stream\": true, \"timeoutMs\": 300}")) {
      assertThatThrownBy(() -> provider.complete(ProviderRequest.ofText("hi")))
          .isInstanceOf(ProviderException.Timeout.class)
          .hasMessageStartingWith(ID + ": ");
    }
  }

  private static void stream(EventStreamFrames frames) {
    bedrock.stubFor(post(urlPathEqualTo(STREAM_PATH))
        .willReturn(aResponse().withHeader("Content-Type", EventStreamFrames.CONTENT_TYPE).withBody(frames.bytes())));
  }

  private static BedrockConverseProvider streamingProvider(String config) {
    return (BedrockConverseProvider) BedrockTestKit.provider(bedrock, ID, config);
  }

}
