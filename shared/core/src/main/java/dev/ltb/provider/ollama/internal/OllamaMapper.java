package dev.ltb.provider.ollama.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.json.Json;
import dev.ltb.provider.ChatMessage;
import dev.ltb.provider.ContentPart;
import dev.ltb.provider.ProviderRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Maps the bench's requests to Ollama's native {@code /api/chat}, {@code /api/generate} and {@code /api/embed}. */
public final class OllamaMapper {

  private OllamaMapper() {}

  /**
   * The {@code /api/chat} body: the conversation (images inline as base64), the settings, then {@code
   * passthrough} fields on top.
   *
   * @throws IllegalArgumentException when an image is given by an http(s) URL (Ollama takes only inline images)
   */
  public static ObjectNode toChatRequest(String model, OllamaSettings settings, ProviderRequest request) {
    List<OllamaChatRequest.Message> messages = request.messages().stream().map(OllamaMapper::message).toList();
    OllamaChatRequest body =
        new OllamaChatRequest(
            model, messages, settings.tools(), settings.format(), options(settings), settings.stream(),
            settings.think(), settings.keepAlive(), settings.logprobs(), settings.topLogprobs());
    return withPassthrough(body, settings);
  }

  /**
   * The {@code /api/generate} body: a single prompt. A one-message request sends that message's text; a
   * conversation sends the rendered prompt, with the system messages as {@code system}.
   */
  public static ObjectNode toGenerateRequest(String model, OllamaSettings settings, ProviderRequest request) {
    List<ChatMessage> messages = request.messages();
    String system =
        messages.stream()
            .filter(message -> message.role() == ChatMessage.Role.SYSTEM)
            .map(ChatMessage::text)
            .collect(Collectors.joining("\n\n"));
    List<ChatMessage> rest = messages.stream().filter(message -> message.role() != ChatMessage.Role.SYSTEM).toList();
    String prompt = rest.size() == 1 ? rest.getFirst().text() : request.prompt();
    List<String> images = new ArrayList<>();
    for (ChatMessage message : rest) images.addAll(images(message.content()));
    OllamaGenerateRequest body =
        new OllamaGenerateRequest(
            model, prompt, system.isEmpty() ? null : system, images.isEmpty() ? null : images, settings.format(),
            options(settings), settings.stream(), settings.think(), settings.keepAlive(), settings.logprobs(),
            settings.topLogprobs());
    return withPassthrough(body, settings);
  }

  static OllamaChatRequest.Message message(ChatMessage message) {
    List<String> images = images(message.content());
    return new OllamaChatRequest.Message(message.role().wireName(), message.text(), images.isEmpty() ? null : images);
  }

  private static List<String> images(List<ContentPart> parts) {
    List<String> images = new ArrayList<>();
    for (ContentPart part : parts) {
      if (part instanceof ContentPart.Image image) {
        images.add(
            image.base64()
                .orElseThrow(
                    () -> new IllegalArgumentException(
                        "Ollama takes images as base64 data only; give the image as a file or inline data,"
                            + " not as an http(s) URL")));
      }
    }
    return images;
  }

  private static ObjectNode options(OllamaSettings settings) {
    return settings.options().isEmpty() ? null : settings.options();
  }

  private static ObjectNode withPassthrough(Object body, OllamaSettings settings) {
    ObjectNode json = Json.mapper().valueToTree(body);
    json.setAll(settings.passthrough());
    return json;
  }
}
