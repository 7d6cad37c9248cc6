package dev.ltb.evaluator.runtime;

import dev.ltb.evaluator.AssertionValues;
import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationException;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.evaluator.Evaluator;
import dev.ltb.evaluator.EvaluatorDescriptor;
import dev.ltb.provider.ProviderResponse;
import dev.ltb.suite.Assertion;

/**
 * {@code latency}: the provider answered within {@code threshold} milliseconds. As in promptfoo, a
 * response served from the cache cannot be checked (its time is the original call's) and the
 * assertion fails with an error saying so.
 */
public final class LatencyEvaluator implements Evaluator {

  private static final EvaluatorDescriptor DESCRIPTOR =
      new EvaluatorDescriptor(
          "latency",
          "1",
          "the provider answered within a time limit",
          "none; set threshold to the most milliseconds allowed (a number value is read the same"
              + " way)",
          false,
          null,
          false);

  @Override
  public EvaluatorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public EvaluationResult evaluate(Assertion assertion, EvaluationContext context) {
    double maxMs =
        Limits.max(
            assertion,
            "latency needs a threshold: the most milliseconds allowed, e.g. threshold: 5000");
    ProviderResponse response = Limits.response(assertion, context.response());
    if (response.cached())
      throw new EvaluationException(
          "latency cannot be checked on a cached response (its time is the original call's); run"
              + " again without the cache");
    long latencyMs = response.latencyMs();
    boolean pass = latencyMs <= maxMs;
    String limit = AssertionValues.numberText(maxMs) + " ms";
    return EvaluationResult.of(
        pass, "latency " + latencyMs + " ms, " + (pass ? "within " : "more than ") + limit);
  }
}
