package dev.ltb.provider.openai.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.json.Json;
import dev.ltb.provider.ChatMessage;
import dev.ltb.provider.ContentPart;
import dev.ltb.provider.FinishReason;
import dev.ltb.provider.ProviderConfig;
import dev.ltb.provider.ProviderFixtures;
import dev.ltb.provider.ProviderRequest;
import dev.ltb.provider.TokenUsage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenAiResponsesMapperTest {

  @Test
  void aConversationWithImagesIsAListOfInputMessages() {
    ProviderRequest request =
        new ProviderRequest(
            List.of(
                ChatMessage.system("Describe images."),
                ChatMessage.user("What is this?"),
                ChatMessage.assistant("A cat."),
                new ChatMessage(
                    ChatMessage.Role.USER,
                    List.of(
                        new ContentPart.Text("And this?"),
                        new ContentPart.Image("https://example.com/dog.png", null, null),
                        new ContentPart.Image(null, "image/png", "iVBORw0KGgo=")))),
            "And this?", true);

    JsonNode body = OpenAiResponsesMapper.toRequest("gpt-4o", settings("{}"), request);

    assertThat(body)
        .isEqualTo(
            json(
                """
                {"model": "gpt-4o", "instructions": "Describe images.",
                 "input": [
                   {"role": "user", "content": "What is this?"},
                   {"role": "assistant", "content": "A cat."},
                   {"role": "user", "content": [
                     {"type": "input_text", "text": "And this?"},
                     {"type": "input_image", "image_url": "https://example.com/dog.png", "detail": "auto"},
                     {"type": "input_image", "image_url": "data:image/png;base64,iVBORw0KGgo=", "detail": "auto"}]}]}
                """));
  }

  @Test
  void aPromptOfSystemMessagesOnlyIsSentAsInput() {
    JsonNode body =
        OpenAiResponsesMapper.toRequest(
            "gpt-4o", settings("{}"), new ProviderRequest(List.of(ChatMessage.system("Say hi.")), "Say hi.", true));

    assertThat(body).isEqualTo(json("{\"model\": \"gpt-4o\", \"input\": [{\"role\": \"system\", \"content\": \"Say hi.\"}]}"));
  }

  @Test
  void chatCompletionsToolsAndFormatsAreTranslated() {
    ResponsesSettings settings =
        settings(
            """
            tools:
              - {type: function, function: {name: get_weather, description: Weather, parameters: {type: object}}}
              - {type: web_search}
            tool_choice: {type: function, function: {name: get_weather}}
            response_format: json_object
            max_tokens: 64
            logprobs: true
            stream: true
            """);

    JsonNode body = OpenAiResponsesMapper.toRequest("gpt-4o", settings, ProviderRequest.ofText("Weather?"));

    assertThat(body)
        .isEqualTo(
            json(
                """
                {"model": "gpt-4o", "input": "Weather?", "max_output_tokens": 64,
                 "tools": [{"type": "function", "name": "get_weather", "description": "Weather",
                            "parameters": {"type": "object"}},
                           {"type": "web_search"}],
                 "tool_choice": {"type": "function", "name": "get_weather"},
                 "text": {"format": {"type": "json_object"}},
                 "include": ["message.output_text.logprobs"], "stream": true}
                """));
  }

  @Test
  void readsTheDocumentedAnswer() throws IOException {
    ModelResponse response =
        Json.mapper().readValue(ProviderFixtures.load("openai-responses").body(), ModelResponse.class);

    ChatResult result = OpenAiResponsesMapper.toResult(response, null, null);

    assertThat(result.response().output()).startsWith("In a peaceful grove beneath a silver moon");
    assertThat(result.response().usage()).isEqualTo(new TokenUsage(36, 87, 0));
    assertThat(result.response().finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(result.model()).isEqualTo("gpt-5.4");
    assertThat(result.usageReported()).isTrue();
  }

  @Test
  void aRefusalIsTheOutputWhenThereIsNoText() throws IOException {
    ModelResponse response =
        Json.mapper().readValue(
            """
            {"status": "completed", "model": "gpt-4o",
             "output": [{"type": "reasoning", "id": "rs_1", "summary": []},
                        {"type": "message", "role": "assistant",
                         "content": [{"type": "refusal", "refusal": "I can't help with that."}]}],
             "usage": {"input_tokens": 10, "input_tokens_details": {"cached_tokens": 4}, "output_tokens": 7}}
            """,
            ModelResponse.class);

    ChatResult result = OpenAiResponsesMapper.toResult(response, null, null);

    assertThat(result.response().output()).isEqualTo("I can't help with that.");
    assertThat(result.response().usage()).isEqualTo(new TokenUsage(10, 7, 4));
  }

  private static ResponsesSettings settings(String yaml) {
    return ResponsesSettings.from(ProviderConfig.of("openai:responses:gpt-4o", json(yaml)));
  }

  private static JsonNode json(String text) {
    try {
      return Json.yaml().readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
