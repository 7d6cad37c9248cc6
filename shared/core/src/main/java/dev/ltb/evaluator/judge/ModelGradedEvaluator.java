package dev.ltb.evaluator.judge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.evaluator.AssertionValues;
import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationException;
import dev.ltb.evaluator.Evaluator;
import dev.ltb.evaluator.EvaluatorDescriptor;
import dev.ltb.suite.Assertion;
import dev.ltb.suite.TestCase;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What every model-graded evaluator shares: its descriptor, the run's judges, thresholds, reason
 * numbers.
 */
abstract class ModelGradedEvaluator implements Evaluator, Graded {

  /** Scores are sums of doubles: 2/3 + 1/3 may land a hair under a threshold. */
  static final double TOLERANCE = 1e-9;

  protected final Judges judges;
  private final EvaluatorDescriptor descriptor;

  ModelGradedEvaluator(Judges judges, EvaluatorDescriptor descriptor) {
    this.judges = Objects.requireNonNull(judges, "judges");
    this.descriptor = descriptor;
  }

  @Override
  public final EvaluatorDescriptor descriptor() {
    return descriptor;
  }

  @Override
  public List<String> graders(Assertion assertion, TestCase test) {
    return List.of(Judges.describe(judges.graderFor(assertion, test)));
  }

  /** The assertion's threshold, else the type's default. */
  final double threshold(Assertion assertion) {
    return assertion.threshold() != null ? assertion.threshold() : descriptor.defaultThreshold();
  }

  /** "0.67 ≥ threshold 0.5" or "0.40 < threshold 0.5". */
  static String versus(double score, double threshold) {
    return two(score)
        + (score + TOLERANCE >= threshold ? " ≥" : " <")
        + " threshold "
        + AssertionValues.numberText(threshold);
  }

  static String two(double number) {
    return String.format(Locale.ROOT, "%.2f", number);
  }

  /** A string value as it is; an object or list value (a structured rubric) as JSON. */
  static String textOrJson(Assertion assertion) {
    JsonNode value = assertion.value();
    if (value != null && (value.isObject() || value.isArray())) return value.toString();
    return AssertionValues.text(assertion);
  }

  /** The value of a string var, or null when the test has no such var or it is not text. */
  static String stringVar(EvaluationContext context, String name) {
    Object value = context.vars().get(name);
    return value instanceof String text && !text.isBlank() ? text : null;
  }

  /** The {@code query} var, which the RAG types need. */
  static String requiredQuery(Assertion assertion, EvaluationContext context) {
    String query = stringVar(context, "query");
    if (query == null)
      throw new EvaluationException(
          assertion.type()
              + " needs the user's question in a \"query\" var of the test (a non-empty string)");
    return query;
  }

  /**
   * The retrieved context: the {@code context} var (a string, or a list of passages joined by line
   * breaks), else {@code fallback}.
   */
  static String context(Assertion assertion, EvaluationContext context, String fallback) {
    Object value = context.vars().get("context");
    if (value instanceof String text && !text.isBlank()) return text;
    if (value instanceof List<?> passages
        && !passages.isEmpty()
        && passages.stream().allMatch(String.class::isInstance))
      return String.join("\n", passages.stream().map(String.class::cast).toList());
    if (fallback != null && !fallback.isBlank()) return fallback;
    throw new EvaluationException(
        assertion.type()
            + " needs the retrieved context in a \"context\" var of the test (a string or a list of"
            + " strings)");
  }
}
