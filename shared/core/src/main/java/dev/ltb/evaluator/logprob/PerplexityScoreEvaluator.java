package dev.ltb.evaluator.logprob;

import dev.ltb.evaluator.AssertionValues;
import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.evaluator.Evaluator;
import dev.ltb.evaluator.EvaluatorDescriptor;
import dev.ltb.suite.Assertion;
import java.util.Map;

/**
 * {@code perplexity-score}: perplexity normalized to a score where higher is better, {@code 1 / (1 +
 * perplexity)} (promptfoo's {@code handlePerplexityScore}), at least {@code threshold}. A perplexity of 1 (a
 * certain model) scores 0.5; the score never exceeds 0.5. Without a threshold it always passes with that score.
 */
public final class PerplexityScoreEvaluator implements Evaluator {

  private static final EvaluatorDescriptor DESCRIPTOR =
      new EvaluatorDescriptor(
          "perplexity-score",
          "1",
          "1 / (1 + perplexity) of the output, from the provider's token log-probabilities, reaches a threshold",
          "none; set threshold to the lowest score allowed, 0 to 1 (a number value is read the same way)",
          false,
          null,
          false);

  @Override
  public EvaluatorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public EvaluationResult evaluate(Assertion assertion, EvaluationContext context) {
    Double min = Perplexity.threshold(assertion, 0, 1);
    Perplexity perplexity = Perplexity.of(assertion, context);
    double score = 1 / (1 + perplexity.value());
    String measured = "perplexity score " + Perplexity.decimal(score) + " (" + perplexity.describe();
    if (min == null)
      return new EvaluationResult(true, score, measured + "; no threshold set)", Map.of(), null);
    boolean pass = score >= min;
    String reason =
        measured + ") " + (pass ? "meets" : "is below") + " the threshold " + AssertionValues.numberText(min);
    return new EvaluationResult(pass, score, reason, Map.of(), null);
  }
}
