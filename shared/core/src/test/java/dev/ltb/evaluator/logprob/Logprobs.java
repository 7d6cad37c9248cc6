package dev.ltb.evaluator.logprob;

import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.provider.FinishReason;
import dev.ltb.provider.ProviderResponse;
import dev.ltb.provider.TokenLogprob;
import dev.ltb.provider.TokenUsage;
import dev.ltb.suite.ProviderSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Evaluation contexts whose response carries token log-probabilities. */
final class Logprobs {

  private Logprobs() {}

  static EvaluationContext context(double... logprobs) {
    List<TokenLogprob> tokens =
        Arrays.stream(logprobs).mapToObj(logprob -> new TokenLogprob("t", logprob)).toList();
    return context(
        new ProviderResponse("out", TokenUsage.NONE, null, FinishReason.STOP, 0, null, List.of(), false, tokens));
  }

  static EvaluationContext context(ProviderResponse response) {
    return new EvaluationContext(
        response.output(), response, "prompt", Map.of(), null, ProviderSpec.of("openai:chat:gpt-4o-mini"));
  }
}
