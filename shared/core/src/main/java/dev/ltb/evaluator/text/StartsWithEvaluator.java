package dev.ltb.evaluator.text;

import static dev.ltb.evaluator.Reasons.quote;

import dev.ltb.evaluator.AssertionValues;
import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.evaluator.Evaluator;
import dev.ltb.evaluator.EvaluatorDescriptor;
import dev.ltb.suite.Assertion;

/** {@code starts-with}: the output begins with the value (case-sensitive, no trimming). */
public final class StartsWithEvaluator implements Evaluator {

  private static final EvaluatorDescriptor DESCRIPTOR =
      EvaluatorDescriptor.simple("starts-with", "output starts with the value", "a string");

  @Override
  public EvaluatorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public EvaluationResult evaluate(Assertion assertion, EvaluationContext context) {
    String prefix = AssertionValues.text(assertion);
    boolean pass = context.output().startsWith(prefix);
    return EvaluationResult.of(
        pass, (pass ? "output starts with " : "output does not start with ") + quote(prefix));
  }
}
