package dev.ltb.evaluator.text;

import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.evaluator.Evaluator;
import dev.ltb.evaluator.EvaluatorDescriptor;
import dev.ltb.suite.Assertion;

/** {@code icontains}: output contains the value, ignoring case. */
public final class IContainsEvaluator implements Evaluator {

  private static final EvaluatorDescriptor DESCRIPTOR =
      EvaluatorDescriptor.simple(
          "icontains", "output contains the value, ignoring case", "a string or number");

  @Override
  public EvaluatorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public EvaluationResult evaluate(Assertion assertion, EvaluationContext context) {
    return SubstringChecks.ignoringCase().containsOne(assertion, context.output());
  }
}
