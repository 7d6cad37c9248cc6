package dev.ltb.provider.openai.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.json.Json;
import dev.ltb.provider.ChatMessage;
import dev.ltb.provider.ContentPart;
import dev.ltb.provider.FinishReason;
import dev.ltb.provider.ProviderConfig;
import dev.ltb.provider.ProviderFixtures;
import dev.ltb.provider.ProviderRequest;
import dev.ltb.provider.ProviderResponse;
import dev.ltb.provider.TokenLogprob;
import dev.ltb.provider.TokenUsage;
import dev.ltb.provider.ToolCall;
import dev.ltb.provider.http.SseEvent;
import dev.ltb.provider.http.SseStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenAiChatMapperTest {

  @Test
  void buildsTheRequestFromSettingsAndConversation() throws IOException {
    ChatSettings settings =
        ChatSettings.from(
            config(
                """
                temperature: 0.2
                top_p: 0.9
                max_tokens: 64
                stop: END
                seed: 7
                response_format: json_object
                top_logprobs: 3
                passthrough: {service_tier: flex, temperature: 0.3}
                """));
    ProviderRequest request =
        new ProviderRequest(
            List.of(
                ChatMessage.system("Be brief."),
                ChatMessage.user("Hi"),
                ChatMessage.assistant("Hello!"),
                new ChatMessage(
                    ChatMessage.Role.USER,
                    List.of(
                        new ContentPart.Text("What is in these pictures?"),
                        new ContentPart.Image("https://example.com/cat.png", null, null),
                        new ContentPart.Image(null, "image/png", "iVBORw0KGgo=")))),
            "(chat)",
            true);

    ObjectNode body = OpenAiChatMapper.toRequest("gpt-4o-mini", settings, request);

    assertThat(Json.mapper().readTree(body.toString()))
        .isEqualTo(
            Json.mapper()
                .readTree(
                    """
                    {"model": "gpt-4o-mini",
                     "messages": [
                       {"role": "system", "content": "Be brief."},
                       {"role": "user", "content": "Hi"},
                       {"role": "assistant", "content": "Hello!"},
                       {"role": "user", "content": [
                         {"type": "text", "text": "What is in these pictures?"},
                         {"type": "image_url", "image_url": {"url": "https://example.com/cat.png"}},
                         {"type": "image_url", "image_url": {"url": "data:image/png;base64,iVBORw0KGgo="}}]}],
                     "temperature": 0.3, "top_p": 0.9, "max_tokens": 64, "stop": ["END"], "seed": 7,
                     "response_format": {"type": "json_object"}, "logprobs": true, "top_logprobs": 3,
                     "service_tier": "flex"}
                    """));
  }

  @Test
  void streamingAsksForUsage() {
    ChatSettings settings = ChatSettings.from(config("stream: true"));

    ObjectNode body = OpenAiChatMapper.toRequest("m", settings, ProviderRequest.ofText("x"));

    assertThat(body.path("stream").asBoolean()).isTrue();
    assertThat(body.at("/stream_options/include_usage").asBoolean()).isTrue();
  }

  @Test
  void mapsACompletion() throws IOException {
    ChatResult result = OpenAiChatMapper.toResult(completion("openai-chat-completions"));

    assertThat(result.response())
        .isEqualTo(
            ProviderResponse.of(
                "Hello! How can I assist you today?", new TokenUsage(19, 10, 0), null, FinishReason.STOP));
    assertThat(result.model()).isEqualTo("gpt-5.4");
    assertThat(result.usageReported()).isTrue();
  }

  @Test
  void mapsToolCallsAndShowsThemAsTheOutput() throws IOException {
    ChatResult result = OpenAiChatMapper.toResult(completion("openai-chat-completions-tool-calls"));

    assertThat(result.response().toolCalls())
        .containsExactly(new ToolCall("call_abc123", "get_current_weather", "{\n\"location\": \"Boston, MA\"\n}"));
    assertThat(result.response().finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    assertThat(Json.mapper().readTree(result.response().output()))
        .isEqualTo(
            Json.mapper()
                .readTree(
                    "[{\"id\":\"call_abc123\",\"type\":\"function\",\"function\":{\"name\":\"get_current_weather\","
                        + "\"arguments\":\"{\\n\\\"location\\\": \\\"Boston, MA\\\"\\n}\"}}]"));
  }

  @Test
  void mapsLogprobs() throws IOException {
    ChatResult result = OpenAiChatMapper.toResult(completion("openai-chat-completions-logprobs"));

    List<TokenLogprob> logprobs = result.response().logprobs();

    assertThat(logprobs).hasSize(9);
    assertThat(logprobs.subList(0, 2))
        .containsExactly(new TokenLogprob("Hello", -0.31725305), new TokenLogprob("!", -0.02380986));
  }

  @Test
  void readsCachedTokensAndTextParts() throws IOException {
    ChatCompletion completion =
        Json.mapper()
            .readValue(
                """
                {"model": "m",
                 "choices": [{"message": {"content": [{"type": "text", "text": "a"}, {"type": "text", "text": "b"}]},
                              "finish_reason": "stop"}],
                 "usage": {"prompt_tokens": 2006, "completion_tokens": 300,
                           "prompt_tokens_details": {"cached_tokens": 1920}}}
                """,
                ChatCompletion.class);

    ProviderResponse response = OpenAiChatMapper.toResult(completion).response();

    assertThat(response.output()).isEqualTo("ab");
    assertThat(response.usage()).isEqualTo(new TokenUsage(2006, 300, 1920));
  }

  @Test
  void aRefusalIsTheOutputWhenThereIsNoContent() throws IOException {
    ChatCompletion completion =
        Json.mapper()
            .readValue(
                """
                {"choices": [{"message": {"content": null, "refusal": "I can't help with that."},
                              "finish_reason": "stop"}]}
                """,
                ChatCompletion.class);

    ChatResult result = OpenAiChatMapper.toResult(completion);

    assertThat(result.response().output()).isEqualTo("I can't help with that.");
    assertThat(result.usageReported()).isFalse();
  }

  @Test
  void anAnswerWithoutChoicesIsRejected() throws IOException {
    ChatCompletion completion = Json.mapper().readValue("{\"id\":\"x\",\"choices\":[]}", ChatCompletion.class);

    assertThatThrownBy(() -> OpenAiChatMapper.toResult(completion))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the answer has no choices");
  }

  @Test
  void assemblesAStreamedAnswer() throws IOException {
    ChatResult result = accumulate("openai-chat-completions-stream.txt");

    assertThat(result.response())
        .isEqualTo(
            new ProviderResponse(
                "I'm unable to provide real-time weather updates. To get the current weather in San Francisco, I"
                    + " recommend checking a reliable weather website or a weather app.",
                new TokenUsage(14, 30, 0), null, FinishReason.STOP, 0, 42L, List.of(), false, List.of()));
    assertThat(result.model()).isEqualTo("gpt-4o-2024-08-06");
  }

  @Test
  void assemblesStreamedToolCallsFromTheirPieces() throws IOException {
    ChatResult result = accumulate("openai-chat-completions-stream-tool-calls.txt");

    assertThat(result.response().toolCalls())
        .containsExactly(new ToolCall("call_4XzlGBLtUe9dy3GVNV4jhq7h", "get_weather", "{\"city\":\"New York City\"}"));
    assertThat(result.response().finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    assertThat(result.response().usage()).isEqualTo(new TokenUsage(44, 16, 0));
    assertThat(result.response().timeToFirstTokenMs()).isEqualTo(42L);
  }

  @Test
  void collectsStreamedLogprobsAndTheLengthStop() throws IOException {
    assertThat(accumulate("openai-chat-completions-stream-logprobs.txt").response().logprobs())
        .containsExactly(new TokenLogprob("Foo", -0.0025094282), new TokenLogprob("!", -0.26638845));
    assertThat(accumulate("openai-chat-completions-stream-length.txt").response().finishReason())
        .isEqualTo(FinishReason.LENGTH);
  }

  private static ChatResult accumulate(String file) throws IOException {
    ChunkAccumulator accumulator = new ChunkAccumulator(() -> 42L);
    try (SseStream events = new SseStream(ProviderFixtures.open(file))) {
      for (SseEvent event : events) accumulator.accept(event.json(ChatCompletionChunk.class));
    }
    return accumulator.finish();
  }

  private static ChatCompletion completion(String fixture) throws IOException {
    return Json.mapper().readValue(ProviderFixtures.load(fixture).body(), ChatCompletion.class);
  }

  private static ProviderConfig config(String yaml) {
    try {
      JsonNode node = Json.yaml().readTree(yaml);
      return ProviderConfig.of("openai:chat:m", node);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
