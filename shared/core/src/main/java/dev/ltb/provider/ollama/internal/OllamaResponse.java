package dev.ltb.provider.ollama.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * An answer of {@code /api/chat} ({@code message}) or {@code /api/generate} ({@code response}): the whole
 * answer, or one line of an NDJSON stream. The last line has {@code done: true}, the stop reason, the token
 * counts and the durations (nanoseconds); a line with {@code error} reports a failure inside the stream.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OllamaResponse(
    String model,
    Message message,
    String response,
    String thinking,
    Boolean done,
    String doneReason,
    Long promptEvalCount,
    Long evalCount,
    Long totalDuration,
    Long loadDuration,
    Long promptEvalDuration,
    Long evalDuration,
    List<Logprob> logprobs,
    JsonNode error) {

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Message(String role, String content, String thinking, List<ToolCall> toolCalls) {}

  /** A tool call; Ollama gives the arguments as an object and, in older versions, no id. */
  public record ToolCall(String id, Function function) {}

  public record Function(String name, JsonNode arguments) {}

  public record Logprob(String token, Double logprob) {}

  /** True for the final line of a stream (and for every whole answer). */
  public boolean isDone() {
    return Boolean.TRUE.equals(done);
  }

  public boolean hasError() {
    return error != null && !error.isNull();
  }
}
