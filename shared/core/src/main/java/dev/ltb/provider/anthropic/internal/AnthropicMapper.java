package dev.ltb.provider.anthropic.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.json.Json;
import dev.ltb.provider.ChatMessage;
import dev.ltb.provider.ContentPart;
import dev.ltb.provider.FinishReason;
import dev.ltb.provider.ProviderException;
import dev.ltb.provider.ProviderRequest;
import dev.ltb.provider.ProviderResponse;
import dev.ltb.provider.TokenUsage;
import dev.ltb.provider.ToolCall;
import dev.ltb.provider.http.HttpErrorMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Maps between the bench's request and response and the Anthropic Messages wire format. */
public final class AnthropicMapper {

  private AnthropicMapper() {}

  /**
   * The request body: system messages become the top-level {@code system} (the API has no system role),
   * the other turns {@code messages} (a {@code tool} turn is sent as a user turn: the bench's messages carry
   * no tool-use id), then {@code passthrough} fields on top.
   *
   * @throws IllegalArgumentException when the conversation has nothing but system messages
   */
  public static ObjectNode toRequest(String model, MessagesSettings settings, ProviderRequest request) {
    String system =
        request.messages().stream()
            .filter(message -> message.role() == ChatMessage.Role.SYSTEM)
            .map(ChatMessage::text)
            .collect(Collectors.joining("\n\n"));
    List<MessagesRequest.Message> turns =
        request.messages().stream()
            .filter(message -> message.role() != ChatMessage.Role.SYSTEM)
            .map(AnthropicMapper::message)
            .toList();
    if (turns.isEmpty()) {
      throw new IllegalArgumentException(
          "the prompt has only system messages; the Messages API needs a user turn");
    }
    MessagesRequest body =
        new MessagesRequest(
            model,
            settings.maxTokens(),
            system.isEmpty() ? null : system,
            turns,
            settings.temperature(),
            settings.topP(),
            settings.topK(),
            settings.stopSequences(),
            settings.tools(),
            settings.toolChoice(),
            settings.outputConfig(),
            settings.thinking(),
            settings.stream() ? Boolean.TRUE : null);
    ObjectNode json = Json.mapper().valueToTree(body);
    json.setAll(settings.passthrough());
    return json;
  }

  static MessagesRequest.Message message(ChatMessage message) {
    String role = message.role() == ChatMessage.Role.ASSISTANT ? "assistant" : "user";
    boolean onlyText = message.content().stream().allMatch(ContentPart.Text.class::isInstance);
    if (onlyText) return new MessagesRequest.Message(role, message.text());
    List<MessagesRequest.Block> blocks = new ArrayList<>();
    for (ContentPart part : message.content()) {
      blocks.add(
          switch (part) {
            case ContentPart.Text text -> MessagesRequest.Block.text(text.text());
            case ContentPart.Image image ->
                MessagesRequest.Block.image(
                    image.url() != null
                        ? MessagesRequest.ImageSource.url(image.url())
                        : MessagesRequest.ImageSource.base64(image.mediaType(), image.base64Data()));
          });
    }
    return new MessagesRequest.Message(role, blocks);
  }

  /**
   * The answer: its text blocks joined, its {@code tool_use} blocks as tool calls. An answer with tool calls
   * and no text has the {@code tool_use} blocks, in the API's shape, as its output (as promptfoo does), so
   * text assertions can see them. Other blocks (thinking) are left out.
   *
   * @param timeToFirstTokenMs for a streamed answer, else null
   * @throws IllegalArgumentException when the answer has no content (a malformed response)
   */
  public static MessagesResult toResult(Message message, Long timeToFirstTokenMs) {
    if (message.content() == null) throw new IllegalArgumentException("the answer has no content");
    StringBuilder text = new StringBuilder();
    List<ToolCall> toolCalls = new ArrayList<>();
    ArrayNode toolUses = JsonNodeFactory.instance.arrayNode();
    for (Message.ContentBlock block : message.content()) {
      if ("text".equals(block.type()) && block.text() != null) text.append(block.text());
      if ("tool_use".equals(block.type())) {
        String arguments = block.input() == null || block.input().isNull() ? "{}" : block.input().toString();
        toolCalls.add(new ToolCall(block.id(), block.name() == null ? "" : block.name(), arguments));
        ObjectNode toolUse = toolUses.addObject().put("type", "tool_use");
        toolUse.put("id", block.id()).put("name", block.name());
        toolUse.set("input", block.input() == null ? JsonNodeFactory.instance.objectNode() : block.input());
      }
    }
    String output = !text.isEmpty() || toolCalls.isEmpty() ? text.toString() : toolUses.toString();
    ProviderResponse response =
        new ProviderResponse(
            output, usage(message.usage()), null, FinishReason.fromVendor(message.stopReason()), 0,
            timeToFirstTokenMs, toolCalls, false);
    return new MessagesResult(response, message.model(), message.usage() != null);
  }

  /** Prompt tokens are the uncached ones plus those read from and written to the cache; reads are "cached". */
  static TokenUsage usage(Message.Usage usage) {
    if (usage == null) return TokenUsage.NONE;
    long cacheRead = count(usage.cacheReadInputTokens());
    long input = count(usage.inputTokens()) + cacheRead + count(usage.cacheCreationInputTokens());
    return new TokenUsage(input, count(usage.outputTokens()), cacheRead);
  }

  /**
   * An {@code error} event inside a stream (the HTTP status was already 200), mapped by its error type as
   * the HTTP status of the same error would be: {@code overloaded_error} and {@code api_error} are server
   * errors, {@code rate_limit_error} is rate limiting, and so on.
   */
  public static ProviderException streamError(String providerId, JsonNode error, String data) {
    String message = providerId + ": the server failed while streaming: " + HttpErrorMapper.vendorMessage(data);
    return switch (error == null ? "" : error.path("type").asText()) {
      case "rate_limit_error" -> new ProviderException.RateLimited(message, 200, null);
      case "authentication_error", "permission_error" -> new ProviderException.Authentication(message, 200);
      case "invalid_request_error", "not_found_error", "request_too_large" ->
          new ProviderException.InvalidRequest(message, 200);
      default -> new ProviderException.ServerError(message, 200, null);
    };
  }

  private static long count(Long tokens) {
    return tokens == null ? 0 : tokens;
  }
}
