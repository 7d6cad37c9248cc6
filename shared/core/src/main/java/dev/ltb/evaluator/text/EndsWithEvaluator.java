package dev.ltb.evaluator.text;

import static dev.ltb.evaluator.Reasons.quote;

import dev.ltb.evaluator.AssertionValues;
import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.evaluator.Evaluator;
import dev.ltb.evaluator.EvaluatorDescriptor;
import dev.ltb.suite.Assertion;

/** {@code ends-with}: the output ends with the value (case-sensitive, no trimming). */
public final class EndsWithEvaluator implements Evaluator {

  private static final EvaluatorDescriptor DESCRIPTOR =
      EvaluatorDescriptor.simple("ends-with", "output ends with the value", "a string");

  @Override
  public EvaluatorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public EvaluationResult evaluate(Assertion assertion, EvaluationContext context) {
    String suffix = AssertionValues.text(assertion);
    boolean pass = context.output().endsWith(suffix);
    return EvaluationResult.of(
        pass, (pass ? "output ends with " : "output does not end with ") + quote(suffix));
  }
}
