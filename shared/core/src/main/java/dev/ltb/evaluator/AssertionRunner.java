package dev.ltb.evaluator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.ltb.provider.TokenUsage;
import dev.ltb.suite.Assertion;
import dev.ltb.suite.AssertionSet;
import dev.ltb.suite.AssertionSpec;
import dev.ltb.suite.TestCase;
import dev.ltb.template.TemplateException;
import dev.ltb.template.TemplateRenderer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Scores one output against a test's assertions, applying the cross-cutting rules once, as
 * promptfoo does: assertion values are rendered with the test's vars, {@code not-} inverts pass and
 * score, an evaluator that throws fails only its own assertion, weights combine scores (weight 0
 * entries are informational and never fail the test), a threshold replaces "every assertion
 * passes", {@code assert-set}s are scored recursively, and named metrics are averaged. Thread-safe.
 */
public final class AssertionRunner {

  static final String ALL_PASSED = "All assertions passed";
  static final String NO_ASSERTIONS = "No assertions";
  static final String NO_WEIGHTED_ASSERTIONS = "No weighted assertions";

  // Weighted means are sums of doubles: 2/3 + 1/3 may land a hair under a threshold of 1.
  private static final double THRESHOLD_TOLERANCE = 1e-9;

  private final EvaluatorRegistry registry;
  private final TemplateRenderer templates;

  public AssertionRunner(EvaluatorRegistry registry, TemplateRenderer templates) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.templates = Objects.requireNonNull(templates, "templates");
  }

  public AssertionRunner(EvaluatorRegistry registry) {
    this(registry, new TemplateRenderer());
  }

  /**
   * Runs every assertion of the test on the context's output; never throws for a failing evaluator.
   */
  public TestOutcome run(TestCase test, EvaluationContext context) {
    Map<String, Object> vars = context.vars().isEmpty() ? test.vars() : context.vars();
    Scoring scoring = new Scoring(context, vars);
    Group group = scoring.group(test.asserts(), test.threshold(), 1);
    return new TestOutcome(
        group.pass(),
        group.score(),
        group.reason(),
        group.outcomes(),
        scoring.namedScores(),
        scoring.judgeTokens,
        scoring.judgeCostUsd);
  }

  private record Group(
      boolean pass, double score, String reason, List<AssertionOutcome> outcomes) {}

  /** The state of one {@link #run}: named metric sums, judge tokens and judge cost. */
  private final class Scoring {

    private final EvaluationContext context;
    private final Map<String, Object> vars;
    private final Map<String, double[]> metricSums = new LinkedHashMap<>();
    private TokenUsage judgeTokens = TokenUsage.NONE;
    private double judgeCostUsd;

    Scoring(EvaluationContext context, Map<String, Object> vars) {
      this.context = context;
      this.vars = vars;
    }

    /**
     * Scores a list of entries: the weighted mean of their scores; passes when the mean reaches the
     * threshold, or, without one, when every weighted entry passes.
     *
     * @param metricWeight the weight that this list's entries carry in named metrics (the product
     *     of the weights of the sets above it)
     */
    Group group(List<AssertionSpec> specs, Double threshold, double metricWeight) {
      List<AssertionOutcome> outcomes = new ArrayList<>();
      for (AssertionSpec spec : specs) outcomes.add(entry(spec, metricWeight));

      double weightSum = 0;
      double weightedScores = 0;
      String firstFailure = null;
      for (AssertionOutcome outcome : outcomes) {
        if (outcome.weight() <= 0) continue;
        weightSum += outcome.weight();
        weightedScores += outcome.weight() * outcome.score();
        if (!outcome.pass() && firstFailure == null) firstFailure = outcome.reason();
      }
      if (weightSum == 0)
        return new Group(
            true, 1, specs.isEmpty() ? NO_ASSERTIONS : NO_WEIGHTED_ASSERTIONS, outcomes);

      double score = Math.min(1, Math.max(0, weightedScores / weightSum));
      if (threshold == null)
        return new Group(
            firstFailure == null,
            score,
            Objects.requireNonNullElse(firstFailure, ALL_PASSED),
            outcomes);

      boolean pass = score + THRESHOLD_TOLERANCE >= threshold;
      String reason =
          firstFailure == null ? ALL_PASSED : thresholdReason(score, pass, threshold, firstFailure);
      return new Group(pass, score, reason, outcomes);
    }

    private AssertionOutcome entry(AssertionSpec spec, double parentMetricWeight) {
      // Weight 0 entries still count in their metric: being reported is what they are for.
      double metricWeight = parentMetricWeight * (spec.weight() > 0 ? spec.weight() : 1);
      String metric = renderMetric(spec.metric());
      AssertionOutcome outcome =
          switch (spec) {
            case Assertion assertion -> assertion(assertion, metric, metricWeight);
            case AssertionSet set -> set(set, metric, metricWeight);
          };
      if (metric != null) addToMetric(metric, outcome.score(), metricWeight);
      return outcome;
    }

    private AssertionOutcome set(AssertionSet set, String metric, double metricWeight) {
      Group group = group(set.asserts(), set.threshold(), metricWeight);
      return new AssertionOutcome(
          "assert-set",
          group.pass(),
          group.score(),
          group.reason(),
          set.weight(),
          metric,
          group.outcomes());
    }

    private AssertionOutcome assertion(Assertion assertion, String metric, double metricWeight) {
      EvaluationResult result;
      try {
        Evaluator evaluator = registry.get(assertion.type());
        requireValueIfNeeded(evaluator.descriptor(), assertion);
        result =
            Objects.requireNonNull(
                evaluator.evaluate(withRenderedValue(assertion), context), "no result");
      } catch (RuntimeException e) {
        if (e instanceof EvaluationException failed) {
          judgeTokens = judgeTokens.plus(failed.judgeTokens());
          judgeCostUsd += failed.judgeCostUsd();
        }
        // Fails even when negated: an assertion that could not be checked never counts as passed.
        String reason = assertion.displayType() + " could not be evaluated: " + describe(e);
        return new AssertionOutcome(
            assertion.displayType(), false, 0, reason, assertion.weight(), metric, List.of());
      }

      judgeTokens = judgeTokens.plus(result.judgeTokens());
      judgeCostUsd += result.judgeCostUsd();
      result
          .namedScores()
          .forEach(
              (name, score) -> {
                if (!name.equals(metric)) addToMetric(name, score, metricWeight);
              });

      boolean pass = result.pass() != assertion.negated();
      double score = assertion.negated() ? 1 - result.score() : result.score();
      // Evaluators state what they observed, so a failed not- only needs to say that it failed.
      String reason =
          pass || !assertion.negated()
              ? result.reason()
              : assertion.displayType() + " failed: " + result.reason();
      return new AssertionOutcome(
          assertion.displayType(), pass, score, reason, assertion.weight(), metric, List.of());
    }

    private void requireValueIfNeeded(EvaluatorDescriptor descriptor, Assertion assertion) {
      JsonNode value = assertion.value();
      if (descriptor.valueRequired() && (value == null || value.isNull() || value.isMissingNode()))
        throw new EvaluationException(assertion.type() + " needs a value: " + descriptor.value());
    }

    /**
     * promptfoo renders string values, and strings inside list values, as templates with the vars.
     */
    private Assertion withRenderedValue(Assertion assertion) {
      JsonNode value = assertion.value();
      JsonNode rendered = value;
      if (value != null && value.isTextual()) {
        rendered = TextNode.valueOf(templates.render(value.textValue(), vars));
      } else if (value != null && value.isArray()) {
        ArrayNode items = JsonNodeFactory.instance.arrayNode(value.size());
        for (JsonNode item : value)
          items.add(
              item.isTextual() ? TextNode.valueOf(templates.render(item.textValue(), vars)) : item);
        rendered = items;
      }
      if (rendered == value) return assertion;
      return new Assertion(
          assertion.type(),
          assertion.negated(),
          rendered,
          assertion.threshold(),
          assertion.weight(),
          assertion.metric(),
          assertion.config(),
          assertion.grader());
    }

    private String renderMetric(String metric) {
      if (metric == null) return null;
      try {
        return templates.render(metric, vars);
      } catch (RuntimeException e) {
        return metric;
      }
    }

    private void addToMetric(String metric, double score, double weight) {
      double[] sums = metricSums.computeIfAbsent(metric, name -> new double[2]);
      sums[0] += weight * score;
      sums[1] += weight;
    }

    Map<String, Double> namedScores() {
      Map<String, Double> scores = new LinkedHashMap<>();
      metricSums.forEach((metric, sums) -> scores.put(metric, sums[1] > 0 ? sums[0] / sums[1] : 0));
      return scores;
    }
  }

  private static String thresholdReason(
      double score, boolean pass, double threshold, String firstFailure) {
    return String.format(
        Locale.ROOT,
        "Aggregate score %.2f %s threshold %s; first failure: %s",
        score,
        pass ? "≥" : "<",
        AssertionValues.numberText(threshold),
        firstFailure);
  }

  private static String describe(RuntimeException e) {
    String message =
        e.getMessage() == null || e.getMessage().isBlank() ? "(no message)" : e.getMessage();
    boolean expected =
        e instanceof EvaluationException
            || e instanceof IllegalArgumentException
            || e instanceof TemplateException;
    return expected ? message : e.getClass().getSimpleName() + ": " + message;
  }
}
