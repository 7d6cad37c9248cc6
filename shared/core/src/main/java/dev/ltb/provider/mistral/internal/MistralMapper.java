package dev.ltb.provider.mistral.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.json.Json;
import dev.ltb.provider.ChatMessage;
import dev.ltb.provider.ContentPart;
import dev.ltb.provider.ProviderRequest;
import java.util.List;

/** Maps the bench's request to Mistral's chat completions body. */
public final class MistralMapper {

  private MistralMapper() {}

  /** The body: the settings, the conversation (images as {@code image_url} parts), then {@code passthrough}. */
  public static ObjectNode toRequest(String model, MistralSettings settings, ProviderRequest request) {
    MistralChatRequest body =
        new MistralChatRequest(
            model,
            request.messages().stream().map(MistralMapper::message).toList(),
            settings.temperature(),
            settings.topP(),
            settings.maxTokens(),
            settings.stop(),
            settings.randomSeed(),
            settings.responseFormat(),
            settings.tools(),
            settings.toolChoice(),
            settings.parallelToolCalls(),
            settings.presencePenalty(),
            settings.frequencyPenalty(),
            settings.safePrompt(),
            settings.promptMode(),
            settings.stream() ? Boolean.TRUE : null);
    ObjectNode json = Json.mapper().valueToTree(body);
    json.setAll(settings.passthrough());
    return json;
  }

  static MistralChatRequest.Message message(ChatMessage message) {
    List<ContentPart> parts = message.content();
    if (parts.stream().allMatch(ContentPart.Text.class::isInstance))
      return new MistralChatRequest.Message(message.role().wireName(), message.text());
    List<MistralChatRequest.Part> wire =
        parts.stream()
            .map(
                part ->
                    switch (part) {
                      case ContentPart.Text text -> MistralChatRequest.Part.text(text.text());
                      case ContentPart.Image image -> MistralChatRequest.Part.image(image.asUrl());
                    })
            .toList();
    return new MistralChatRequest.Message(message.role().wireName(), wire);
  }

  /** Text from a content that is a string or a list of chunks; {@code thinking} chunks are left out. */
  static String text(JsonNode content) {
    if (content == null || content.isNull()) return "";
    if (content.isTextual()) return content.asText();
    StringBuilder text = new StringBuilder();
    for (JsonNode part : content) {
      if (part.isTextual()) text.append(part.asText());
      else if ("text".equals(part.path("type").asText("text")) && part.path("text").isTextual())
        text.append(part.get("text").asText());
    }
    return text.toString();
  }

  static String arguments(JsonNode arguments) {
    if (arguments == null || arguments.isNull()) return "";
    return arguments.isTextual() ? arguments.asText() : arguments.toString();
  }
}
