package dev.ltb.evaluator.reference;

import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.evaluator.Evaluator;
import dev.ltb.evaluator.EvaluatorDescriptor;
import dev.ltb.evaluator.metric.Rouge;
import dev.ltb.evaluator.metric.RougeScore;
import dev.ltb.suite.Assertion;
import java.util.Map;

/**
 * {@code rouge-n}: ROUGE-N F-measure as Google's {@code rouge_score} (lowercase, [a-z0-9] tokens, best
 * reference). Config: {@code n} (default 1, as promptfoo's rouge-n), {@code stemming} (Porter stemming of
 * tokens longer than 3 characters, default false as in rouge_score).
 */
public final class RougeNEvaluator implements Evaluator {

  private static final EvaluatorDescriptor DESCRIPTOR =
      new EvaluatorDescriptor(
          "rouge-n",
          "1",
          "ROUGE-N F-measure (rouge_score) of the output against reference texts is at least the threshold",
          "string or list of strings (reference texts)",
          true,
          0.75,
          false);

  @Override
  public EvaluatorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public EvaluationResult evaluate(Assertion assertion, EvaluationContext context) {
    MetricOptions config = new MetricOptions(assertion);
    int n = config.integer("n", 1, 1, 9);
    RougeScore score =
        new Rouge(config.flag("stemming", false)).rougeN(n, context.output(), ReferenceTexts.of(assertion));
    String name = "rouge-" + n;
    return Verdicts.atLeast(
        "ROUGE-" + n,
        score.fmeasure(),
        Verdicts.threshold(assertion, DESCRIPTOR),
        Map.of(name + ".precision", score.precision(), name + ".recall", score.recall()));
  }
}
