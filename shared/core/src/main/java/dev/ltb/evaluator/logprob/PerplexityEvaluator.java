package dev.ltb.evaluator.logprob;

import dev.ltb.evaluator.AssertionValues;
import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.evaluator.Evaluator;
import dev.ltb.evaluator.EvaluatorDescriptor;
import dev.ltb.suite.Assertion;

/**
 * {@code perplexity}: the output's perplexity, {@code exp(-mean(logprob))} over its tokens, is at most
 * {@code threshold}. Without a threshold it always passes and only reports the perplexity, as in promptfoo.
 * Needs the provider's token log-probabilities; see {@link Perplexity}.
 */
public final class PerplexityEvaluator implements Evaluator {

  private static final EvaluatorDescriptor DESCRIPTOR =
      new EvaluatorDescriptor(
          "perplexity",
          "1",
          "the output's perplexity, from the provider's token log-probabilities, is at most a limit",
          "none; set threshold to the highest perplexity allowed (a number value is read the same way)",
          false,
          null,
          false);

  @Override
  public EvaluatorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public EvaluationResult evaluate(Assertion assertion, EvaluationContext context) {
    Double max = Perplexity.threshold(assertion, 0, Double.MAX_VALUE);
    Perplexity perplexity = Perplexity.of(assertion, context);
    if (max == null) return EvaluationResult.of(true, perplexity.describe() + " (no threshold set)");
    boolean pass = perplexity.value() <= max;
    return EvaluationResult.of(
        pass,
        perplexity.describe() + ", " + (pass ? "at most" : "more than") + " the threshold "
            + AssertionValues.numberText(max));
  }
}
