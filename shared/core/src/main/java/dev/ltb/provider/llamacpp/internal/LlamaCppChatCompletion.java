package dev.ltb.provider.llamacpp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * The subset of the OpenAI chat completion format that llama-server's {@code /v1/chat/completions} answers
 * with, whole or as stream chunks ({@code delta}), plus its own {@code timings}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LlamaCppChatCompletion(
    String id, String model, List<Choice> choices, Usage usage, JsonNode timings, JsonNode error) {

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Choice(Integer index, Message message, Message delta, String finishReason, Logprobs logprobs) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Message(String role, JsonNode content, List<ToolCall> toolCalls) {}

  public record ToolCall(Integer index, String id, String type, Function function) {}

  public record Function(String name, JsonNode arguments) {}

  public record Logprobs(List<TokenLogprob> content) {}

  public record TokenLogprob(String token, Double logprob) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Usage(Long promptTokens, Long completionTokens, Details promptTokensDetails) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Details(Long cachedTokens) {}

  public boolean hasError() {
    return error != null && !error.isNull();
  }
}
