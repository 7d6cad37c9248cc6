package dev.ltb.provider.llamacpp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * An answer of the native {@code /completion} endpoint: the whole answer, or one event of its stream (then
 * {@code content} is the next piece; the last event has {@code stop: true}, {@code stop_type} none, eos, limit
 * or word, the token counts and the timings). {@code completion_probabilities} holds the logprob of each
 * generated token when {@code n_probs} was asked for; {@code error} reports a failure inside a stream.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LlamaCppCompletion(
    String content,
    Boolean stop,
    String stopType,
    String stoppingWord,
    Boolean truncated,
    Long tokensPredicted,
    Long tokensEvaluated,
    Long tokensCached,
    String model,
    JsonNode timings,
    List<Probability> completionProbabilities,
    JsonNode error) {

  /** The generated token with its log probability ({@code prob} instead when post-sampling probs were asked for). */
  public record Probability(String token, Double logprob, Double prob) {}

  public boolean hasError() {
    return error != null && !error.isNull();
  }
}
