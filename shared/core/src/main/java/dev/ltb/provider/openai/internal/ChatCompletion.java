package dev.ltb.provider.openai.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** The answer of {@code POST /chat/completions} (fields the bench uses; the rest is ignored). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ChatCompletion(String id, String model, List<Choice> choices, Usage usage) {

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Choice(Integer index, AssistantMessage message, Logprobs logprobs, String finishReason) {}

  /** {@code content} is usually a string; some compatible servers send a list of parts. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record AssistantMessage(String role, JsonNode content, String refusal, List<ToolCall> toolCalls) {}

  /** A tool call, whole (in a completion) or a piece of one (in a stream chunk, where {@code index} says which). */
  public record ToolCall(Integer index, String id, String type, Function function) {}

  /** {@code arguments} is a JSON string (OpenAI) or, on some compatible servers, an object. */
  public record Function(String name, JsonNode arguments) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Usage(Long promptTokens, Long completionTokens, PromptTokensDetails promptTokensDetails) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record PromptTokensDetails(Long cachedTokens) {}

  public record Logprobs(List<TokenLogprob> content) {}

  public record TokenLogprob(String token, Double logprob) {}
}
