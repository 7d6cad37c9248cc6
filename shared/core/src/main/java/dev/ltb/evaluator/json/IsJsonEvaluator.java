package dev.ltb.evaluator.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.evaluator.Evaluator;
import dev.ltb.evaluator.EvaluatorDescriptor;
import dev.ltb.suite.Assertion;

/**
 * {@code is-json}: the whole output is one JSON value (as {@code JSON.parse} accepts it) and, when
 * the value holds a JSON Schema, conforms to it.
 */
public final class IsJsonEvaluator implements Evaluator {

  private static final EvaluatorDescriptor DESCRIPTOR =
      new EvaluatorDescriptor(
          "is-json",
          "1",
          "output is valid JSON, optionally matching a JSON Schema",
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
    JsonNode json;
    try {
      json = JsonText.read(context.output());
    } catch (JsonProcessingException e) {
      return EvaluationResult.of(false, "output is not valid JSON: " + JsonText.describe(e));
    }
    if (schema == null) return EvaluationResult.of(true, "output is valid JSON");
    String violations = schema.violations(json);
    if (violations.isEmpty())
      return EvaluationResult.of(true, "output is valid JSON matching the schema");
    return EvaluationResult.of(
        false, "output is JSON but does not match the schema: " + violations);
  }
}
