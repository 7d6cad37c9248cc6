package dev.ltb.evaluator.tool;

import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.evaluator.Evaluator;
import dev.ltb.evaluator.EvaluatorDescriptor;
import dev.ltb.suite.Assertion;

/**
 * {@code is-valid-function-call}: promptfoo's provider-neutral name for the same check as {@code
 * is-valid-openai-tools-call}; here every provider's tool calls share one shape, so it is an alias.
 */
public final class IsValidFunctionCallEvaluator implements Evaluator {

  private static final EvaluatorDescriptor DESCRIPTOR =
      new EvaluatorDescriptor(
          "is-valid-function-call",
          "1",
          "alias of is-valid-openai-tools-call",
          IsValidOpenAiToolsCallEvaluator.VALUE,
          false,
          null,
          false);

  @Override
  public EvaluatorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public EvaluationResult evaluate(Assertion assertion, EvaluationContext context) {
    return ToolCallValidation.evaluate(assertion, context);
  }
}
