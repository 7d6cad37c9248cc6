package dev.ltb.suite;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One assertion on a provider's output.
 *
 * @param type the evaluator id without the {@code not-} prefix (e.g. {@code contains}, {@code is-json})
 * @param negated true when the suite wrote {@code not-<type>}: pass and score are inverted by the engine
 * @param value the expected value; its shape depends on the type (string, list, object, number), may be null
 * @param threshold the evaluator's pass threshold (its meaning depends on the type), or null for its default
 * @param weight weight in the test score, default 1
 * @param metric named metric the score is reported under, or null
 * @param config extra evaluator options, may be null
 * @param grader the model that grades this assertion ({@code provider} in the suite): the judge of a
 *     model-graded type, the embedding model of {@code similar}; null to use the test's grader or the default
 */
public record Assertion(
    String type,
    boolean negated,
    JsonNode value,
    Double threshold,
    double weight,
    String metric,
    JsonNode config,
    ProviderSpec grader)
    implements AssertionSpec {

  public Assertion {
    Objects.requireNonNull(type, "type");
    if (weight < 0) throw new IllegalArgumentException("assertion weight must be >= 0, was " + weight);
  }

  /** An assertion graded by its test's grader (or the default one). */
  public Assertion(
      String type, boolean negated, JsonNode value, Double threshold, double weight, String metric, JsonNode config) {
    this(type, negated, value, threshold, weight, metric, config, null);
  }

  /** The type as the suite spelled it, with the {@code not-} prefix when negated. */
  public String displayType() {
    return negated ? "not-" + type : type;
  }
}
