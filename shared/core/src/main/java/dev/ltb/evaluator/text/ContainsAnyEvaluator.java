package dev.ltb.evaluator.text;

import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.evaluator.Evaluator;
import dev.ltb.evaluator.EvaluatorDescriptor;
import dev.ltb.suite.Assertion;

/** {@code contains-any}: output contains at least one of the values. */
public final class ContainsAnyEvaluator implements Evaluator {

  private static final EvaluatorDescriptor DESCRIPTOR =
      EvaluatorDescriptor.simple(
          "contains-any",
          "output contains at least one of the values",
          "a list of strings, or one comma-separated string");

  @Override
  public EvaluatorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public EvaluationResult evaluate(Assertion assertion, EvaluationContext context) {
    return SubstringChecks.caseSensitive().containsAny(assertion, context.output());
  }
}
