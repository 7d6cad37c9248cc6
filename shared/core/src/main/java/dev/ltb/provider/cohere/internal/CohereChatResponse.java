package dev.ltb.provider.cohere.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * The answer of {@code /v2/chat}: the assistant message ({@code content} items of type text or thinking,
 * {@code tool_calls}, {@code tool_plan}), the finish reason (COMPLETE, STOP_SEQUENCE, MAX_TOKENS, TOOL_CALL,
 * ERROR, TIMEOUT), the usage in billed units and in tokens, and the logprobs when asked for.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CohereChatResponse(
    String id, String finishReason, Message message, Usage usage, List<LogprobItem> logprobs) {

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Message(String role, List<Content> content, List<ToolCall> toolCalls, String toolPlan) {}

  public record Content(String type, String text, String thinking) {}

  public record ToolCall(String id, String type, Function function) {}

  public record Function(String name, JsonNode arguments) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Usage(Tokens billedUnits, Tokens tokens) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Tokens(Double inputTokens, Double outputTokens) {}

  /** A chunk of text with the log probability of each of its tokens. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record LogprobItem(String text, List<Long> tokenIds, List<Double> logprobs) {}
}
