package dev.ltb.evaluator.text;

import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.evaluator.Evaluator;
import dev.ltb.evaluator.EvaluatorDescriptor;
import dev.ltb.suite.Assertion;

/** {@code contains-all}: output contains every one of the values. */
public final class ContainsAllEvaluator implements Evaluator {

  private static final EvaluatorDescriptor DESCRIPTOR =
      EvaluatorDescriptor.simple(
          "contains-all",
          "output contains every one of the values",
          "a list of strings, or one comma-separated string");

  @Override
  public EvaluatorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public EvaluationResult evaluate(Assertion assertion, EvaluationContext context) {
    return SubstringChecks.caseSensitive().containsAll(assertion, context.output());
  }
}
