package dev.ltb.provider.mistral.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * A chat completion ({@code object: chat.completion}) or one streamed chunk ({@code chat.completion.chunk},
 * whose choices carry a {@code delta}). Content is a string or a list of chunks ({@code text}, {@code
 * thinking}); tool call arguments are a JSON string or an object.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MistralChatCompletion(
    String id, String object, String model, List<Choice> choices, Usage usage, JsonNode message, String type) {

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Choice(Integer index, Message message, Message delta, String finishReason) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Message(String role, JsonNode content, List<ToolCall> toolCalls) {}

  public record ToolCall(String id, String type, Function function, Integer index) {}

  public record Function(String name, JsonNode arguments) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Usage(Long promptTokens, Long completionTokens, Long totalTokens) {}

  /** True for an error object sent in place of a chunk ({@code object: error}). */
  public boolean isError() {
    return "error".equals(object);
  }
}
