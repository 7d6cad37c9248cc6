package dev.ltb.provider.gemini.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Assembles a streamed answer from its chunks (each a {@link GenerateContentResponse}): the first candidate's
 * parts appended in order, its latest finish reason and logprobs collected, the latest usage and model
 * version kept, a prompt block remembered, and the time of the first part noted. Chunks with an {@code error}
 * are the caller's to handle.
 */
public final class StreamAccumulator {

  private final LongSupplier elapsedMillis;
  private final List<GenerateContentResponse.Part> parts = new ArrayList<>();
  private final List<GenerateContentResponse.TokenCandidate> logprobs = new ArrayList<>();
  private GenerateContentResponse.PromptFeedback promptFeedback;
  private GenerateContentResponse.UsageMetadata usage;
  private String modelVersion;
  private String finishReason;
  private boolean candidateSeen;
  private Long firstTokenMs;
  private int chunks;

  /** @param elapsedMillis time since the request was sent, read when the first part arrives */
  public StreamAccumulator(LongSupplier elapsedMillis) {
    this.elapsedMillis = elapsedMillis;
  }

  public void accept(GenerateContentResponse chunk) {
    chunks++;
    if (chunk.usageMetadata() != null) usage = chunk.usageMetadata();
    if (chunk.modelVersion() != null) modelVersion = chunk.modelVersion();
    if (blocks(chunk.promptFeedback())) promptFeedback = chunk.promptFeedback();
    if (chunk.candidates() == null || chunk.candidates().isEmpty()) return;
    GenerateContentResponse.Candidate candidate = chunk.candidates().getFirst();
    candidateSeen = true;
    if (candidate.finishReason() != null) finishReason = candidate.finishReason();
    if (candidate.logprobsResult() != null && candidate.logprobsResult().chosenCandidates() != null)
      logprobs.addAll(candidate.logprobsResult().chosenCandidates());
    if (candidate.content() == null || candidate.content().parts() == null) return;
    if (!candidate.content().parts().isEmpty() && firstTokenMs == null) firstTokenMs = elapsedMillis.getAsLong();
    parts.addAll(candidate.content().parts());
  }

  /** Feedback that says the prompt was blocked (chunks also carry feedback with safety ratings only). */
  private static boolean blocks(GenerateContentResponse.PromptFeedback feedback) {
    return feedback != null && (feedback.blockReason() != null || feedback.blockReasonMessage() != null);
  }

  /** How many chunks arrived. */
  public int chunks() {
    return chunks;
  }

  public GeminiResult finish() {
    List<GenerateContentResponse.Candidate> candidates =
        candidateSeen
            ? List.of(
                new GenerateContentResponse.Candidate(
                    new GenerateContentResponse.Content("model", parts), finishReason, 0,
                    logprobs.isEmpty() ? null : new GenerateContentResponse.LogprobsResult(logprobs)))
            : List.of();
    return GeminiMapper.toResult(
        new GenerateContentResponse(candidates, promptFeedback, usage, modelVersion, null), firstTokenMs);
  }
}
