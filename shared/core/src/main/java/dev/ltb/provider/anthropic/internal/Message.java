package dev.ltb.provider.anthropic.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * The answer of {@code POST /v1/messages}, also the {@code message} of a stream's {@code message_start} event
 * (fields the bench uses; the rest is ignored).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Message(
    String id, String type, String model, List<ContentBlock> content, String stopReason, Usage usage) {

  /**
   * A block of the answer: {@code text} (with {@code text}), {@code tool_use} (with {@code id}, {@code name},
   * {@code input}), or others such as {@code thinking}, which the bench does not show.
   */
  public record ContentBlock(String type, String text, String id, String name, JsonNode input) {}

  /**
   * Tokens as Anthropic counts them: {@code input_tokens} excludes the prompt tokens read from or written to
   * the prompt cache, which are counted apart.
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Usage(
      Long inputTokens, Long outputTokens, Long cacheReadInputTokens, Long cacheCreationInputTokens) {}
}
