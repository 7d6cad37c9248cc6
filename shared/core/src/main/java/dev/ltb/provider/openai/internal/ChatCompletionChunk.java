package dev.ltb.provider.openai.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * One {@code data:} event of a streamed chat completion. With {@code stream_options.include_usage} the last
 * chunk has no choices and carries the usage. {@code error} is set when the server fails mid-stream.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ChatCompletionChunk(
    String id, String model, List<ChunkChoice> choices, ChatCompletion.Usage usage, JsonNode error) {

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record ChunkChoice(Integer index, Delta delta, ChatCompletion.Logprobs logprobs, String finishReason) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Delta(String role, JsonNode content, String refusal, List<ChatCompletion.ToolCall> toolCalls) {}
}
