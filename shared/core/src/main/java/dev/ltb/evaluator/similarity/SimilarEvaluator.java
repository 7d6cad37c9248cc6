package dev.ltb.evaluator.similarity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.evaluator.AssertionValues;
import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationException;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.evaluator.Evaluator;
import dev.ltb.evaluator.EvaluatorDescriptor;
import dev.ltb.evaluator.Reasons;
import dev.ltb.evaluator.judge.Graded;
import dev.ltb.evaluator.judge.JudgeSession;
import dev.ltb.evaluator.judge.Judges;
import dev.ltb.suite.Assertion;
import dev.ltb.suite.ProviderSpec;
import dev.ltb.suite.TestCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * {@code similar} (and {@code similar:cosine}, {@code similar:dot}, {@code similar:euclidean}): the
 * output's embedding against the value's, as promptfoo's {@code similar}
 * (src/assertions/similar.ts, src/matchers/similarity.ts): passes when the similarity reaches the
 * threshold (default 0.75), or for euclidean when the distance stays within it; with a list of
 * values, when any one does. The metric comes from the type's suffix or config {@code metric}
 * (default cosine). Embeddings come from the assertion's {@code provider} (an embedding model) or,
 * by default, from the embedded all-MiniLM-L6-v2, offline.
 */
public final class SimilarEvaluator implements Evaluator, Graded {

  public static final double DEFAULT_THRESHOLD = 0.75;

  private final Judges judges;
  private final SimilarityMetric fixedMetric;
  private final EvaluatorDescriptor descriptor;

  /** {@code similar}, its metric from config {@code metric}. */
  public SimilarEvaluator(Judges judges) {
    this(judges, null);
  }

  /** {@code similar:<metric>}. */
  public SimilarEvaluator(Judges judges, SimilarityMetric metric) {
    this.judges = Objects.requireNonNull(judges, "judges");
    this.fixedMetric = metric;
    String id = metric == null ? "similar" : "similar:" + metric.id();
    String description =
        metric == null
            ? "Embedding similarity to the value (cosine, dot or euclidean via config metric)"
            : "Embedding "
                + metric.id()
                + (metric == SimilarityMetric.EUCLIDEAN ? " distance" : " similarity")
                + " to the value";
    this.descriptor =
        new EvaluatorDescriptor(
            id,
            "1",
            description,
            "string, or a list of strings (any may match)",
            true,
            DEFAULT_THRESHOLD,
            false);
  }

  @Override
  public EvaluatorDescriptor descriptor() {
    return descriptor;
  }

  @Override
  public List<String> graders(Assertion assertion, TestCase test) {
    ProviderSpec embedder = judges.embedderFor(assertion, true);
    return List.of(embedder == null ? judges.describeDefaultEmbedder() : Judges.describe(embedder));
  }

  @Override
  public EvaluationResult evaluate(Assertion assertion, EvaluationContext context) {
    List<String> expected = expected(assertion);
    SimilarityMetric metric = metric(assertion);
    double threshold = assertion.threshold() != null ? assertion.threshold() : DEFAULT_THRESHOLD;
    if (context.output().isBlank())
      return EvaluationResult.of(false, "the output is empty, so it resembles nothing");

    JudgeSession embeddings = judges.openForEmbeddings(assertion, context);
    float[] output = embeddings.embed(context.output());
    double best = Double.NaN;
    String closest = null;
    for (String value : expected) {
      double measured = metric.between(output, embeddings.embed(value));
      if (metric.passes(measured, threshold))
        return embeddings.result(
            true, metric.score(measured), observed(metric, measured, value, threshold));
      if (closest == null || metric.score(measured) > metric.score(best)) {
        best = measured;
        closest = value;
      }
    }
    String reason = observed(metric, best, closest, threshold);
    return embeddings.result(
        false,
        metric.score(best),
        expected.size() == 1 ? reason : "no value is close enough; the closest: " + reason);
  }

  /**
   * "cosine similarity 0.97 to "Paris" ≥ threshold 0.75" or "euclidean distance 0.90 to "Paris" >
   * threshold 0.5".
   */
  private static String observed(
      SimilarityMetric metric, double measured, String value, double threshold) {
    boolean close = metric.passes(measured, threshold);
    String comparison =
        metric == SimilarityMetric.EUCLIDEAN ? (close ? "≤" : ">") : (close ? "≥" : "<");
    return String.format(
        Locale.ROOT,
        "%s %s %.2f to %s %s threshold %s",
        metric.id(),
        metric.measure(),
        measured,
        Reasons.quote(value),
        comparison,
        AssertionValues.numberText(threshold));
  }

  private SimilarityMetric metric(Assertion assertion) {
    JsonNode configured = assertion.config() == null ? null : assertion.config().get("metric");
    if (configured == null || configured.isNull())
      return fixedMetric == null ? SimilarityMetric.COSINE : fixedMetric;
    SimilarityMetric metric =
        SimilarityMetric.byId(configured.asText())
            .orElseThrow(
                () ->
                    new EvaluationException(
                        "config metric must be cosine, dot or euclidean, was "
                            + AssertionValues.describe(configured)));
    if (fixedMetric != null && metric != fixedMetric)
      throw new EvaluationException(
          assertion.type()
              + " measures "
              + fixedMetric.id()
              + "; remove config metric or use type similar");
    return metric;
  }

  private static List<String> expected(Assertion assertion) {
    JsonNode value = assertion.value();
    List<String> expected = new ArrayList<>();
    if (value != null && value.isArray()) {
      for (JsonNode item : value) {
        if (!item.isTextual() || item.textValue().isBlank())
          throw new EvaluationException(
              assertion.type()
                  + " needs non-empty strings, but a list item is "
                  + AssertionValues.describe(item));
        expected.add(item.textValue());
      }
      if (expected.isEmpty())
        throw new EvaluationException(assertion.type() + " needs at least one value");
      return expected;
    }
    return List.of(AssertionValues.text(assertion));
  }
}
