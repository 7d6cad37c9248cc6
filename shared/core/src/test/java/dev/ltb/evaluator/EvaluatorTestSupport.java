package dev.ltb.evaluator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.json.Json;
import dev.ltb.suite.Assertion;

/**
 * Builds assertions and expected results for evaluator tests; values are written in YAML, as in
 * suites.
 */
public final class EvaluatorTestSupport {

  private EvaluatorTestSupport() {}

  /**
   * An assertion whose value is the given YAML ({@code Paris}, {@code [a, b]}, {@code {min: 2}});
   * null for none.
   */
  public static Assertion assertion(String type, String yamlValue) {
    return assertion(type, yamlValue, null);
  }

  public static Assertion assertion(String type, String yamlValue, Double threshold) {
    return new Assertion(type, false, yaml(yamlValue), threshold, 1, null, null);
  }

  public static JsonNode yaml(String yaml) {
    if (yaml == null) return null;
    try {
      return Json.yaml().readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("test value is not YAML: " + yaml, e);
    }
  }

  public static EvaluationResult pass(String reason) {
    return EvaluationResult.of(true, reason);
  }

  public static EvaluationResult fail(String reason) {
    return EvaluationResult.of(false, reason);
  }
}
