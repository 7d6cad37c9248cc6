package dev.ltb.evaluator.derived;

import com.ezylang.evalex.BaseException;
import com.ezylang.evalex.Expression;
import com.ezylang.evalex.config.ExpressionConfiguration;
import com.ezylang.evalex.data.EvaluationValue;
import dev.ltb.evaluator.TestOutcome;
import dev.ltb.suite.DerivedMetric;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Computes a suite's {@code derivedMetrics} for one result: each expression is evaluated with
 * EvalEx over the result's named scores, in suite order (a later metric may use an earlier one),
 * and reported as a named score itself. A metric whose expression needs a score the result lacks,
 * divides by zero or yields no finite number is left out of that result. Thread-safe.
 *
 * <p>promptfoo evaluates the same expressions (with mathjs) once per prompt over the named scores
 * summed across tests; here they are evaluated per result and the summary reports their mean, so
 * ratios of counts (precision = tp / (tp + fp)) are per-result ratios. docs/evaluators.md says so.
 */
public final class DerivedMetrics {

  private static final ExpressionConfiguration CONFIGURATION =
      ExpressionConfiguration.defaultConfiguration()
          .withAdditionalOperators(
              Map.entry(ConditionalOperators.CONDITION, new ConditionalOperators.Condition()),
              Map.entry(ConditionalOperators.BRANCHES, new ConditionalOperators.Branches()));

  private final List<DerivedMetric> metrics;

  /**
   * @throws IllegalArgumentException when an expression does not parse
   */
  public DerivedMetrics(List<DerivedMetric> metrics) {
    this.metrics = List.copyOf(metrics);
    for (DerivedMetric metric : this.metrics) {
      syntaxError(metric.value())
          .ifPresent(
              error -> {
                throw new IllegalArgumentException(
                    "derived metric " + metric.name() + ": " + error);
              });
    }
  }

  /** What is wrong with an expression's syntax, or empty when it parses. */
  public static Optional<String> syntaxError(String expression) {
    try {
      new Expression(expression, CONFIGURATION).validate();
      return Optional.empty();
    } catch (BaseException e) {
      return Optional.of(
          "the expression \"%s\" does not parse: %s".formatted(expression, e.getMessage()));
    }
  }

  public boolean isEmpty() {
    return metrics.isEmpty();
  }

  /** The outcome with its derived metrics added to (or replacing) its named scores. */
  public TestOutcome apply(TestOutcome outcome) {
    if (metrics.isEmpty()) return outcome;
    return new TestOutcome(
        outcome.pass(),
        outcome.score(),
        outcome.reason(),
        outcome.assertions(),
        compute(outcome.namedScores()),
        outcome.judgeTokens(),
        outcome.judgeCostUsd());
  }

  /** The named scores with every derived metric that could be computed from them added. */
  public Map<String, Double> compute(Map<String, Double> namedScores) {
    Map<String, Double> scores = new LinkedHashMap<>(namedScores);
    for (DerivedMetric metric : metrics)
      evaluate(metric.value(), scores).ifPresent(v -> scores.put(metric.name(), v));
    return scores;
  }

  private static Optional<Double> evaluate(String text, Map<String, Double> scores) {
    Expression expression = new Expression(text, CONFIGURATION);
    try {
      for (String variable : expression.getUsedVariables()) {
        Double value = lookup(scores, variable);
        if (value == null) return Optional.empty();
        expression.with(variable, value);
      }
      EvaluationValue result = expression.evaluate();
      if (!result.isNumberValue() && !result.isBooleanValue()) return Optional.empty();
      double value = result.getNumberValue().doubleValue();
      return Double.isFinite(value) ? Optional.of(value) : Optional.empty();
    } catch (BaseException | ArithmeticException e) {
      return Optional
          .empty(); // division by zero and the like: this result has no value for the metric
    }
  }

  /** EvalEx reports variable names lower-cased; named scores keep the case the suite wrote. */
  private static Double lookup(Map<String, Double> scores, String variable) {
    Double exact = scores.get(variable);
    if (exact != null) return exact;
    for (Map.Entry<String, Double> score : scores.entrySet()) {
      if (score.getKey().equalsIgnoreCase(variable)) return score.getValue();
    }
    return null;
  }
}
