package dev.ltb.provider.llamacpp.internal;

import dev.ltb.provider.FinishReason;
import dev.ltb.provider.ProviderResponse;
import dev.ltb.provider.TokenLogprob;
import dev.ltb.provider.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Assembles a {@code /completion} answer from the whole answer or its stream events: content appended,
 * logprobs collected, and from the last ({@code stop: true}) event the stop type and the token counts
 * ({@code tokens_evaluated} in, of which {@code tokens_cached} from the cache; {@code tokens_predicted} out).
 */
public final class LlamaCppCompletionAnswer {

  private final LongSupplier elapsedMillis;
  private final StringBuilder text = new StringBuilder();
  private final List<TokenLogprob> logprobs = new ArrayList<>();
  private LlamaCppCompletion last;
  private Long firstTokenMs;

  /** @param elapsedMillis time since the request was sent, or null when the answer is not streamed */
  public LlamaCppCompletionAnswer(LongSupplier elapsedMillis) {
    this.elapsedMillis = elapsedMillis;
  }

  public void accept(LlamaCppCompletion event) {
    if (event.content() != null && !event.content().isEmpty()) {
      text.append(event.content());
      if (firstTokenMs == null && elapsedMillis != null) firstTokenMs = elapsedMillis.getAsLong();
    }
    if (event.completionProbabilities() != null) {
      for (LlamaCppCompletion.Probability probability : event.completionProbabilities()) {
        Double logprob =
            probability.logprob() != null
                ? probability.logprob()
                : probability.prob() != null ? Math.log(probability.prob()) : null;
        if (probability.token() != null && logprob != null) logprobs.add(new TokenLogprob(probability.token(), logprob));
      }
    }
    last = event;
  }

  /** True once the last event ({@code stop: true}) has arrived. */
  public boolean finished() {
    return last != null && Boolean.TRUE.equals(last.stop());
  }

  public boolean usageReported() {
    return last != null && (last.tokensEvaluated() != null || last.tokensPredicted() != null);
  }

  /**
   * The answer. Stop types: {@code eos} and {@code word} (a stop string) are a stop, {@code limit}
   * ({@code n_predict} reached) and a truncated context are a length.
   */
  public ProviderResponse toResponse() {
    TokenUsage usage = TokenUsage.NONE;
    FinishReason finish = FinishReason.UNKNOWN;
    if (last != null) {
      long input = count(last.tokensEvaluated());
      usage = new TokenUsage(input, count(last.tokensPredicted()), Math.min(input, count(last.tokensCached())));
      finish =
          switch (last.stopType() == null ? "" : last.stopType()) {
            case "eos", "word" -> FinishReason.STOP;
            case "limit" -> FinishReason.LENGTH;
            default -> FinishReason.UNKNOWN;
          };
      if (Boolean.TRUE.equals(last.truncated())) finish = FinishReason.LENGTH;
    }
    return new ProviderResponse(text.toString(), usage, null, finish, 0, firstTokenMs, List.of(), false, logprobs);
  }

  private static long count(Long count) {
    return count == null ? 0 : count;
  }
}
