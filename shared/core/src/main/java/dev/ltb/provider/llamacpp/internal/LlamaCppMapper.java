package dev.ltb.provider.llamacpp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.provider.ChatMessage;
import dev.ltb.provider.ContentPart;
import dev.ltb.provider.ProviderRequest;
import java.util.List;

/**
 * Builds the bodies of llama-server's native {@code /completion} and of its OpenAI-compatible {@code
 * /v1/chat/completions} (the subset of the Chat Completions format the bench uses, written here because the
 * OpenAI provider's mapping is not shared with this package).
 */
public final class LlamaCppMapper {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private LlamaCppMapper() {}

  /**
   * The {@code /completion} body. A one-message request sends that message's text as the prompt, a
   * conversation the rendered prompt (the native endpoint applies no chat template; use {@code api: chat} for
   * that).
   *
   * @throws IllegalArgumentException when the request holds images (the native endpoint needs media markers)
   */
  public static ObjectNode toCompletionRequest(String model, LlamaCppSettings settings, ProviderRequest request) {
    boolean images =
        request.messages().stream().flatMap(message -> message.content().stream()).anyMatch(ContentPart.Image.class::isInstance);
    if (images) throw new IllegalArgumentException("the /completion endpoint takes no images here; use config api: chat");
    ObjectNode body = JSON.objectNode();
    String prompt = request.messages().size() == 1 ? request.messages().getFirst().text() : request.prompt();
    body.put("prompt", prompt);
    if (model != null) body.put("model", model);
    putIfSet(body, "temperature", settings.temperature());
    putIfSet(body, "top_p", settings.topP());
    putIfSet(body, "top_k", settings.topK());
    putIfSet(body, "min_p", settings.minP());
    putIfSet(body, "n_predict", settings.maxTokens());
    if (settings.stop() != null) settings.stop().forEach(body.putArray("stop")::add);
    putIfSet(body, "seed", settings.seed());
    putIfSet(body, "repeat_penalty", settings.repeatPenalty());
    putIfSet(body, "presence_penalty", settings.presencePenalty());
    putIfSet(body, "frequency_penalty", settings.frequencyPenalty());
    if (settings.logprobs()) body.put("n_probs", settings.topLogprobs() == null ? 1 : Math.max(1, settings.topLogprobs()));
    if (settings.jsonSchema() != null) body.set("json_schema", settings.jsonSchema());
    if (settings.grammar() != null) body.put("grammar", settings.grammar());
    putIfSet(body, "cache_prompt", settings.cachePrompt());
    body.put("stream", settings.stream());
    body.setAll(settings.passthrough());
    return body;
  }

  /** The {@code /v1/chat/completions} body (images as {@code image_url} parts). */
  public static ObjectNode toChatRequest(String model, LlamaCppSettings settings, ProviderRequest request) {
    ObjectNode body = JSON.objectNode();
    if (model != null) body.put("model", model);
    ArrayNode messages = body.putArray("messages");
    for (ChatMessage message : request.messages()) messages.add(message(message));
    putIfSet(body, "temperature", settings.temperature());
    putIfSet(body, "top_p", settings.topP());
    putIfSet(body, "top_k", settings.topK());
    putIfSet(body, "min_p", settings.minP());
    putIfSet(body, "max_tokens", settings.maxTokens());
    if (settings.stop() != null) settings.stop().forEach(body.putArray("stop")::add);
    putIfSet(body, "seed", settings.seed());
    putIfSet(body, "repeat_penalty", settings.repeatPenalty());
    putIfSet(body, "presence_penalty", settings.presencePenalty());
    putIfSet(body, "frequency_penalty", settings.frequencyPenalty());
    if (settings.logprobs()) {
      body.put("logprobs", true);
      putIfSet(body, "top_logprobs", settings.topLogprobs());
    }
    if (settings.responseFormat() != null) body.set("response_format", settings.responseFormat());
    if (settings.tools() != null) body.set("tools", settings.tools());
    if (settings.toolChoice() != null) body.set("tool_choice", settings.toolChoice());
    putIfSet(body, "parallel_tool_calls", settings.parallelToolCalls());
    putIfSet(body, "cache_prompt", settings.cachePrompt());
    if (settings.stream()) {
      body.put("stream", true);
      body.putObject("stream_options").put("include_usage", true);
    }
    body.setAll(settings.passthrough());
    return body;
  }

  private static ObjectNode message(ChatMessage message) {
    ObjectNode json = JSON.objectNode().put("role", message.role().wireName());
    List<ContentPart> parts = message.content();
    if (parts.stream().allMatch(ContentPart.Text.class::isInstance)) return json.put("content", message.text());
    ArrayNode content = json.putArray("content");
    for (ContentPart part : parts) {
      switch (part) {
        case ContentPart.Text text -> content.addObject().put("type", "text").put("text", text.text());
        case ContentPart.Image image ->
            content.addObject().put("type", "image_url").putObject("image_url").put("url", image.asUrl());
      }
    }
    return json;
  }

  /** Text from a content that is a string or a list of {@code {type: text, text}} parts. */
  static String text(JsonNode content) {
    if (content == null || content.isNull()) return "";
    if (content.isTextual()) return content.asText();
    StringBuilder text = new StringBuilder();
    for (JsonNode part : content) if (part.path("text").isTextual()) text.append(part.get("text").asText());
    return text.toString();
  }

  static String arguments(JsonNode arguments) {
    if (arguments == null || arguments.isNull()) return "";
    return arguments.isTextual() ? arguments.asText() : arguments.toString();
  }

  private static void putIfSet(ObjectNode body, String field, Object value) {
    switch (value) {
      case null -> {}
      case Double number -> body.put(field, number);
      case Integer number -> body.put(field, number);
      case Long number -> body.put(field, number);
      case Boolean flag -> body.put(field, flag);
      default -> throw new IllegalArgumentException("unsupported value for " + field);
    }
  }
}
