package dev.ltb.provider.anthropic.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One event of a streamed message; {@code type} says which fields are set: {@code message_start}
 * (message), {@code content_block_start} (index, content_block), {@code content_block_delta} (index,
 * delta), {@code content_block_stop}, {@code message_delta} (delta with stop_reason, cumulative usage),
 * {@code message_stop}, {@code ping}, {@code error} (error).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StreamEvent(
    String type,
    Message message,
    Integer index,
    Message.ContentBlock contentBlock,
    Delta delta,
    Message.Usage usage,
    JsonNode error) {

  /**
   * A block delta ({@code text_delta} with text, {@code input_json_delta} with partial_json, {@code
   * thinking_delta}, ...) or, in {@code message_delta}, the message's stop reason.
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Delta(String type, String text, String partialJson, String thinking, String stopReason) {}
}
