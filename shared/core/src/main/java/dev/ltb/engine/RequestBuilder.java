package dev.ltb.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.json.Json;
import dev.ltb.provider.ChatMessage;
import dev.ltb.provider.ContentPart;
import dev.ltb.provider.ProviderRequest;
import dev.ltb.suite.Prompt;
import dev.ltb.template.TemplateException;
import dev.ltb.template.TemplateRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a prompt template and a test's vars into a provider request. A template that is a JSON array of
 * {@code {role, content}} messages becomes a conversation (each content rendered separately, so quotes in
 * vars cannot break the JSON); anything else is one user message.
 */
final class RequestBuilder {

  private final TemplateRenderer renderer;

  RequestBuilder(TemplateRenderer renderer) {
    this.renderer = renderer;
  }

  ProviderRequest build(Prompt prompt, Map<String, Object> vars, boolean cacheable) {
    List<ChatMessage> chat = parseChat(prompt.template(), vars);
    if (chat != null) {
      String text = Json.write(chat.stream().map(m -> Map.of("role", m.role().wireName(), "content", m.text())).toList());
      return new ProviderRequest(chat, text, cacheable);
    }
    String text = renderer.render(prompt.template(), vars);
    return new ProviderRequest(List.of(ChatMessage.user(text)), text, cacheable);
  }

  private List<ChatMessage> parseChat(String template, Map<String, Object> vars) {
    String trimmed = template.strip();
    if (!trimmed.startsWith("[")) return null;
    JsonNode messages;
    try {
      messages = Json.mapper().readTree(trimmed);
    } catch (java.io.IOException e) {
      return null; // not JSON: a text prompt that happens to start with '['
    }
    if (!messages.isArray() || messages.isEmpty() || !messages.get(0).has("role")) return null;
    List<ChatMessage> chat = new ArrayList<>();
    for (JsonNode message : messages) {
      if (!message.hasNonNull("role") || !message.has("content"))
        throw new TemplateException("chat prompt: every message needs \"role\" and \"content\"");
      chat.add(new ChatMessage(ChatMessage.Role.parse(message.get("role").asText()), parts(message.get("content"), vars)));
    }
    return chat;
  }

  private List<ContentPart> parts(JsonNode content, Map<String, Object> vars) {
    if (content.isTextual()) return List.of(new ContentPart.Text(renderer.render(content.asText(), vars)));
    if (!content.isArray()) throw new TemplateException("chat prompt: \"content\" must be a string or a list of parts");
    List<ContentPart> parts = new ArrayList<>();
    for (JsonNode part : content) {
      String type = part.path("type").asText("text");
      switch (type) {
        case "text" -> parts.add(new ContentPart.Text(renderer.render(part.path("text").asText(), vars)));
        case "image_url", "image" -> parts.add(image(part, vars));
        default -> throw new TemplateException("chat prompt: unknown content part type \"" + type + "\"");
      }
    }
    return parts;
  }

  private ContentPart image(JsonNode part, Map<String, Object> vars) {
    JsonNode url = part.has("image_url") ? part.get("image_url") : part.path("url");
    String value = renderer.render(url.isObject() ? url.path("url").asText() : url.asText(), vars);
    if (value.startsWith("data:")) {
      int comma = value.indexOf(',');
      String header = value.substring(5, Math.max(5, comma));
      String mediaType = header.replace(";base64", "");
      return new ContentPart.Image(null, mediaType, value.substring(comma + 1));
    }
    return new ContentPart.Image(value, null, null);
  }
}
