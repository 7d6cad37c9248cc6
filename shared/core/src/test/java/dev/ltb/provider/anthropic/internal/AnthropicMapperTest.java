package dev.ltb.provider.anthropic.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.json.Json;
import dev.ltb.provider.ChatMessage;
import dev.ltb.provider.ContentPart;
import dev.ltb.provider.FinishReason;
import dev.ltb.provider.ProviderConfig;
import dev.ltb.provider.ProviderConfigException;
import dev.ltb.provider.ProviderErrorKind;
import dev.ltb.provider.ProviderException;
import dev.ltb.provider.ProviderFixtures;
import dev.ltb.provider.ProviderRequest;
import dev.ltb.provider.ProviderResponse;
import dev.ltb.provider.TokenUsage;
import dev.ltb.provider.ToolCall;
import dev.ltb.provider.http.SseEvent;
import dev.ltb.provider.http.SseStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnthropicMapperTest {

  @Test
  void buildsTheRequestWithTheSystemPromptOnTopAndImagesAsBlocks() throws IOException {
    MessagesSettings settings =
        MessagesSettings.from(
            config(
                """
                max_tokens: 256
                temperature: 0.2
                top_p: 0.9
                top_k: 40
                stop_sequences: END
                passthrough: {metadata: {user_id: bench}, temperature: 0.3}
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
                        new ContentPart.Image(null, "image/png", "iVBORw0KGgo="),
                        new ContentPart.Image("https://example.com/cat.jpg", null, null),
                        new ContentPart.Text("What is in these pictures?")))),
            "(chat)",
            true);

    ObjectNode body = AnthropicMapper.toRequest("claude-haiku-4-5", settings, request);

    assertThat(body)
        .isEqualTo(
            json(
                """
                {"model": "claude-haiku-4-5", "max_tokens": 256, "system": "Be brief.",
                 "messages": [
                   {"role": "user", "content": "Hi"},
                   {"role": "assistant", "content": "Hello!"},
                   {"role": "user", "content": [
                     {"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": "iVBORw0KGgo="}},
                     {"type": "image", "source": {"type": "url", "url": "https://example.com/cat.jpg"}},
                     {"type": "text", "text": "What is in these pictures?"}]}],
                 "temperature": 0.3, "top_p": 0.9, "top_k": 40, "stop_sequences": ["END"],
                 "metadata": {"user_id": "bench"}}
                """));
  }

  @Test
  void defaultsMaxTokensBecauseTheApiRequiresIt() {
    ObjectNode body =
        AnthropicMapper.toRequest("m", MessagesSettings.from(config("{}")), ProviderRequest.ofText("Say hello there!"));

    assertThat(body)
        .isEqualTo(
            json(
                """
                {"model": "m", "max_tokens": 1024, "messages": [{"role": "user", "content": "Say hello there!"}]}
                """));
  }

  @Test
  void convertsOpenAiFunctionToolsAndShortToolChoices() {
    MessagesSettings settings =
        MessagesSettings.from(
            config(
                """
                tools:
                  - type: function
                    function:
                      name: get_weather
                      description: Weather in a city
                      parameters: {type: object, properties: {city: {type: string}}}
                  - name: lookup
                    input_schema: {type: object}
                tool_choice: any
                stream: true
                """));

    ObjectNode body = AnthropicMapper.toRequest("m", settings, ProviderRequest.ofText("Weather in Paris?"));

    assertThat(body.get("tools"))
        .isEqualTo(
            json(
                """
                [{"name": "get_weather", "description": "Weather in a city",
                  "input_schema": {"type": "object", "properties": {"city": {"type": "string"}}}},
                 {"name": "lookup", "input_schema": {"type": "object"}}]
                """));
    assertThat(body.get("tool_choice")).isEqualTo(json("{\"type\": \"any\"}"));
    assertThat(body.get("stream").asBoolean()).isTrue();
  }

  @Test
  void sendsAToolTurnAsAUserTurn() {
    ProviderRequest request =
        new ProviderRequest(
            List.of(
                ChatMessage.user("Weather?"),
                new ChatMessage(ChatMessage.Role.TOOL, List.of(new ContentPart.Text("21 C")))),
            "(chat)",
            true);

    ObjectNode body = AnthropicMapper.toRequest("m", MessagesSettings.from(config("{}")), request);

    assertThat(body.get("messages"))
        .isEqualTo(json("[{\"role\":\"user\",\"content\":\"Weather?\"},{\"role\":\"user\",\"content\":\"21 C\"}]"));
  }

  @Test
  void aPromptOfOnlySystemMessagesCannotBeSent() {
    ProviderRequest request = new ProviderRequest(List.of(ChatMessage.system("You are terse.")), "x", true);

    assertThatThrownBy(() -> AnthropicMapper.toRequest("m", MessagesSettings.from(config("{}")), request))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the prompt has only system messages; the Messages API needs a user turn");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
          temperature: 1.5              | provider anthropic:messages:m: config temperature must be between 0.0 and 1.0, was 1.5
          max_tokens: 0                 | provider anthropic:messages:m: config max_tokens must be between 1 and 2147483647, was 0
          tool_choice: required         | provider anthropic:messages:m: config tool_choice must be auto, any, none or a map such as {type: tool, name: get_weather}
          'tools: {name: x}'            | provider anthropic:messages:m: config tools must be a list of tools such as [{name, description, input_schema}]
          output_config: json           | provider anthropic:messages:m: config output_config must be a map such as {format: {type: json_schema, schema: {...}}}
          """)
  void rejectsBadSettings(String yaml, String message) {
    assertThatThrownBy(() -> MessagesSettings.from(config(yaml)))
        .isInstanceOf(ProviderConfigException.class)
        .hasMessage(message);
  }

  @Test
  void mapsAMessage() {
    MessagesResult result = AnthropicMapper.toResult(message("anthropic-messages"), null);

    assertThat(result.response())
        .isEqualTo(
            ProviderResponse.of(
                "I apologize, but I'm getting an error when trying to fetch the weather for San Francisco. This appears"
                    + " to be a temporary issue with the weather service. Could you try again in a moment, or let me know"
                    + " if you'd like me to attempt to retrieve the weather for a different location?",
                new TokenUsage(760, 63, 0), null, FinishReason.STOP));
    assertThat(result.model()).isEqualTo("claude-haiku-4-5-20251001");
    assertThat(result.usageReported()).isTrue();
  }

  @Test
  void mapsToolUseToToolCallsAndShowsThemAsTheOutput() {
    MessagesResult result = AnthropicMapper.toResult(message("anthropic-messages-tool-use"), null);

    assertThat(result.response().toolCalls())
        .containsExactly(
            new ToolCall(
                "toolu_01A9HHF5Ezy3oBrKmSgfASm9", "get_weather", "{\"location\":\"San Francisco, CA\",\"units\":\"f\"}"));
    assertThat(result.response().finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    assertThat(json(result.response().output()))
        .isEqualTo(
            json(
                """
                [{"type": "tool_use", "id": "toolu_01A9HHF5Ezy3oBrKmSgfASm9", "name": "get_weather",
                  "input": {"location": "San Francisco, CA", "units": "f"}}]
                """));
  }

  @Test
  void countsCacheReadsAndWritesAsPromptTokens() {
    Message.Usage usage = new Message.Usage(100L, 20L, 1800L, 200L);

    assertThat(AnthropicMapper.usage(usage)).isEqualTo(new TokenUsage(2100, 20, 1800));
  }

  @Test
  void leavesThinkingOutOfTheOutput() {
    Message message =
        new Message(
            "msg", "message", "claude-sonnet-4-5",
            List.of(
                new Message.ContentBlock("thinking", null, null, null, null),
                new Message.ContentBlock("text", "42", null, null, null)),
            "end_turn", new Message.Usage(10L, 50L, null, null));

    assertThat(AnthropicMapper.toResult(message, null).response().output()).isEqualTo("42");
  }

  @Test
  void aMessageWithoutContentIsMalformed() {
    Message empty = new Message("msg", "message", "m", null, "end_turn", null);

    assertThatThrownBy(() -> AnthropicMapper.toResult(empty, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the answer has no content");
  }

  @Test
  void assemblesAStreamedAnswer() {
    MessagesResult result = stream("anthropic-messages-stream");

    assertThat(result.response().output()).isEqualTo("Hello there!");
    assertThat(result.response().usage()).isEqualTo(new TokenUsage(11, 6, 0));
    assertThat(result.response().finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(result.response().timeToFirstTokenMs()).isEqualTo(1L);
    assertThat(result.model()).isEqualTo("claude-3-opus-latest");
  }

  @Test
  void assemblesStreamedToolInputFromItsPieces() {
    MessagesResult result = stream("anthropic-messages-stream-tool-use");

    assertThat(result.response().toolCalls())
        .containsExactly(
            new ToolCall(
                "toolu_018acGYLtfR52q9yDbWaEdQZ", "get_weather", "{\"location\":\"San Francisco, CA\",\"units\":\"f\"}"));
    assertThat(result.response().finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    assertThat(result.response().usage())
        .as("message_delta counts are cumulative")
        .isEqualTo(new TokenUsage(656, 74, 0));
  }

  @Test
  void toleratesPaddedDataLines() {
    MessagesResult result = stream("anthropic-messages-stream-text-after-tool");

    assertThat(result.response().output())
        .isEqualTo(
            "The weather in San Francisco, CA is currently:\n- **Temperature:** 68°F\n- **Condition:** Sunny\n\nIt's a"
                + " nice sunny day!");
    assertThat(result.response().usage()).isEqualTo(new TokenUsage(770, 38, 0));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
          overloaded_error      | SERVER_ERROR
          api_error             | SERVER_ERROR
          rate_limit_error      | RATE_LIMITED
          authentication_error  | AUTHENTICATION
          invalid_request_error | INVALID_REQUEST
          something_new         | SERVER_ERROR
          """)
  void mapsErrorEventsByTheirType(String type, ProviderErrorKind kind) {
    String data = "{\"type\": \"error\", \"error\": {\"type\": \"" + type + "\", \"message\": \"Oops\"}}";

    ProviderException error = AnthropicMapper.streamError("anthropic:messages:m", json(data).get("error"), data);

    assertThat(error.kind()).isEqualTo(kind);
    assertThat(error.getMessage())
        .isEqualTo("anthropic:messages:m: the server failed while streaming: " + type + ": Oops");
  }

  private static MessagesResult stream(String fixture) {
    AtomicLong clock = new AtomicLong();
    StreamAccumulator accumulator = new StreamAccumulator(clock::incrementAndGet);
    try (SseStream events = new SseStream(ProviderFixtures.open(ProviderFixtures.load(fixture).name() + ".txt"))) {
      for (SseEvent event : events) accumulator.accept(event.json(StreamEvent.class));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(accumulator.started()).isTrue();
    assertThat(accumulator.stopped()).isTrue();
    return accumulator.finish();
  }

  private static Message message(String fixture) {
    try {
      return Json.mapper().readValue(ProviderFixtures.load(fixture).body(), Message.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ProviderConfig config(String yaml) {
    try {
      return ProviderConfig.of("anthropic:messages:m", Json.yaml().readTree(yaml));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode json(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
