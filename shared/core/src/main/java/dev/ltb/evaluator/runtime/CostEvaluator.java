package dev.ltb.evaluator.runtime;

import dev.ltb.evaluator.AssertionValues;
import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationException;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.evaluator.Evaluator;
import dev.ltb.evaluator.EvaluatorDescriptor;
import dev.ltb.suite.Assertion;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * {@code cost}: the call cost at most {@code threshold} US dollars. Fails with an error when the
 * cost is unknown.
 */
public final class CostEvaluator implements Evaluator {

  private static final EvaluatorDescriptor DESCRIPTOR =
      new EvaluatorDescriptor(
          "cost",
          "1",
          "the call cost at most a price in USD",
          "none; set threshold to the most USD allowed (a number value is read the same way)",
          false,
          null,
          false);

  @Override
  public EvaluatorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public EvaluationResult evaluate(Assertion assertion, EvaluationContext context) {
    double maxUsd =
        Limits.max(assertion, "cost needs a threshold: the most USD allowed, e.g. threshold: 0.01");
    Double costUsd = Limits.response(assertion, context.response()).costUsd();
    if (costUsd == null)
      throw new EvaluationException(
          "cost is unknown: the provider reported no price for this call");
    boolean pass = costUsd <= maxUsd;
    return EvaluationResult.of(
        pass,
        "cost $"
            + dollars(costUsd)
            + ", "
            + (pass ? "within $" : "more than $")
            + AssertionValues.numberText(maxUsd));
  }

  /** Four significant digits, never in exponent form: 0.0001235, 12.35. */
  private static String dollars(double usd) {
    return new BigDecimal(usd).round(new MathContext(4)).stripTrailingZeros().toPlainString();
  }
}
