package dev.ltb.evaluator.tool;

import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.evaluator.Evaluator;
import dev.ltb.evaluator.EvaluatorDescriptor;
import dev.ltb.suite.Assertion;

/**
 * {@code is-valid-openai-tools-call}: every tool call the model made names a defined tool, with
 * JSON arguments that conform to the tool's parameters schema. The definitions come from the value
 * or the provider's {@code tools} config, in any vendor's shape.
 */
public final class IsValidOpenAiToolsCallEvaluator implements Evaluator {

  static final String VALUE =
      "optional: the tool definitions (a list, or {tools: [...]}); defaults to the provider's"
          + " tools config";

  private static final EvaluatorDescriptor DESCRIPTOR =
      new EvaluatorDescriptor(
          "is-valid-openai-tools-call",
          "1",
          "every tool call names a defined tool and its arguments match the tool's JSON Schema",
          VALUE,
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
