package dev.ltb.provider.openai.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * The answer of {@code POST /responses} (a Responses API "response" object; the fields the bench uses).
 *
 * @param status {@code completed}, {@code incomplete} (see {@code incompleteDetails}), {@code failed} (see
 *     {@code error}), {@code in_progress}, {@code queued} or {@code cancelled}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ModelResponse(
    String id,
    String model,
    String status,
    Error error,
    IncompleteDetails incompleteDetails,
    List<OutputItem> output,
    Usage usage) {

  /** Why a response failed: {@code server_error}, {@code rate_limit_exceeded}, {@code invalid_prompt}, ... */
  public record Error(String code, String message) {}

  /** Why a response is incomplete: {@code max_output_tokens} or {@code content_filter}. */
  public record IncompleteDetails(String reason) {}

  /**
   * An output item: a {@code message} (with {@code content}), a {@code function_call} (with {@code callId},
   * {@code name}, {@code arguments}), or another kind the bench ignores ({@code reasoning}, built-in tool
   * calls).
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record OutputItem(
      String type,
      String id,
      String callId,
      String name,
      JsonNode arguments,
      String role,
      List<Content> content) {}

  /** A part of a message: {@code output_text} (with logprobs when asked for) or {@code refusal}. */
  public record Content(String type, String text, String refusal, List<Logprob> logprobs) {}

  public record Logprob(String token, Double logprob) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Usage(Long inputTokens, Long outputTokens, InputTokensDetails inputTokensDetails) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record InputTokensDetails(Long cachedTokens) {}
}
