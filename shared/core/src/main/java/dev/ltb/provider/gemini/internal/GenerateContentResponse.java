package dev.ltb.provider.gemini.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The answer of {@code generateContent}, and each {@code data:} event of {@code streamGenerateContent} (fields
 * the bench uses; the rest is ignored). {@code error} is set when the server fails mid-stream.
 */
public record GenerateContentResponse(
    List<Candidate> candidates,
    PromptFeedback promptFeedback,
    UsageMetadata usageMetadata,
    String modelVersion,
    JsonNode error) {

  public record Candidate(Content content, String finishReason, Integer index, LogprobsResult logprobsResult) {}

  public record Content(String role, List<Part> parts) {}

  /** A part of the answer: text ({@code thought} true for a thinking summary) or a function call. */
  public record Part(String text, Boolean thought, FunctionCall functionCall) {}

  /** {@code args} is a JSON object; {@code id} is set by newer models. */
  public record FunctionCall(String id, String name, JsonNode args) {}

  /** Set when the prompt was blocked: then there are no candidates. */
  public record PromptFeedback(String blockReason, String blockReasonMessage) {}

  /**
   * {@code promptTokenCount} includes the {@code cachedContentTokenCount} read from a context cache; thinking
   * tokens ({@code thoughtsTokenCount}) are counted apart from {@code candidatesTokenCount}.
   */
  public record UsageMetadata(
      Long promptTokenCount,
      Long cachedContentTokenCount,
      Long candidatesTokenCount,
      Long toolUsePromptTokenCount,
      Long thoughtsTokenCount,
      Long totalTokenCount) {}

  /** Per decoding step, the chosen token and its log probability. */
  public record LogprobsResult(List<TokenCandidate> chosenCandidates) {}

  public record TokenCandidate(String token, Double logProbability) {}
}
