package dev.ltb.evaluator.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.evaluator.Evaluator;
import dev.ltb.evaluator.EvaluatorDescriptor;
import dev.ltb.suite.Assertion;
import java.util.List;

/**
 * {@code contains-json}: the output holds a JSON object or array, possibly amid prose or in a code
 * fence; with a JSON Schema as value, at least one of them conforms to it.
 */
public final class ContainsJsonEvaluator implements Evaluator {

  private static final EvaluatorDescriptor DESCRIPTOR =
      new EvaluatorDescriptor(
          "contains-json",
          "1",
          "output contains a JSON object or array, optionally matching a JSON Schema",
          "optional: a JSON Schema (an object, or its YAML/JSON text)",
          false,
          null,
          false);

  @Override
  public EvaluatorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public EvaluationResult evaluate(Assertion assertion, EvaluationContext context) {
    JsonSchemaCheck schema = JsonSchemaCheck.fromValue(assertion);
    List<JsonNode> found = JsonText.extract(context.output());
    if (found.isEmpty())
      return EvaluationResult.of(false, "output contains no JSON object or array");
    if (schema == null) return EvaluationResult.of(true, "output contains JSON");

    String firstViolations = null;
    for (JsonNode json : found) {
      String violations = schema.violations(json);
      if (violations.isEmpty())
        return EvaluationResult.of(true, "output contains JSON matching the schema");
      if (firstViolations == null) firstViolations = violations;
    }
    return EvaluationResult.of(
        false, "output contains JSON but none matches the schema: " + firstViolations);
  }
}
