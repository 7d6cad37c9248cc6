package dev.ltb.evaluator.text;

import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.evaluator.Evaluator;
import dev.ltb.evaluator.EvaluatorDescriptor;
import dev.ltb.suite.Assertion;

/** {@code icontains-all}: output contains every one of the values, ignoring case. */
public final class IContainsAllEvaluator implements Evaluator {

  private static final EvaluatorDescriptor DESCRIPTOR =
      EvaluatorDescriptor.simple(
          "icontains-all",
          "output contains every one of the values, ignoring case",
          "a list of strings, or one comma-separated string");

  @Override
  public EvaluatorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public EvaluationResult evaluate(Assertion assertion, EvaluationContext context) {
    return SubstringChecks.ignoringCase().containsAll(assertion, context.output());
  }
}
