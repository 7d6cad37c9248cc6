package dev.ltb.evaluator.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.evaluator.Evaluator;
import dev.ltb.json.Json;
import dev.ltb.provider.TokenUsage;
import dev.ltb.suite.Assertion;
import java.util.Comparator;
import java.util.Map;

/** Builds assertions as a suite would write them and compares whole results (doubles to 1e-9). */
final class MetricAssertions {

  private MetricAssertions() {}

  /** An assertion whose value and config are YAML snippets (null for none). */
  static Assertion assertion(String type, String valueYaml, Double threshold, String configYaml) {
    return new Assertion(type, false, yaml(valueYaml), threshold, 1.0, null, yaml(configYaml));
  }

  private static JsonNode yaml(String snippet) {
    if (snippet == null) return null;
    try {
      return Json.yaml().readTree(snippet);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static EvaluationResult result(boolean pass, double score, String reason, Map<String, Double> namedScores) {
    return new EvaluationResult(pass, score, reason, namedScores, TokenUsage.NONE);
  }

  static void assertEvaluates(Evaluator evaluator, Assertion assertion, String output, EvaluationResult expected) {
    Comparator<Double> closeEnough = (a, b) -> Math.abs(a - b) <= 1e-9 ? 0 : Double.compare(a, b);
    assertThat(evaluator.evaluate(assertion, EvaluationContext.ofOutput(output)))
        .usingRecursiveComparison()
        .withComparatorForType(closeEnough, Double.class)
        .isEqualTo(expected);
  }
}
