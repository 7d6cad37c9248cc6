package dev.ltb.evaluator.reference;

import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationException;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.evaluator.Evaluator;
import dev.ltb.evaluator.EvaluatorDescriptor;
import dev.ltb.evaluator.metric.Chrf;
import dev.ltb.evaluator.metric.ChrfScore;
import dev.ltb.suite.Assertion;
import java.util.Map;

/**
 * {@code chrf}: character n-gram F-score as sacreBLEU's chrF2 (character 6-grams, whitespace removed,
 * beta 2, best reference). Config: {@code wordOrder: 2} for chrF++, {@code charOrder}, {@code beta},
 * {@code lowercase}, {@code whitespace}, {@code epsSmoothing}.
 */
public final class ChrfEvaluator implements Evaluator {

  private static final EvaluatorDescriptor DESCRIPTOR =
      new EvaluatorDescriptor(
          "chrf",
          "1",
          "chrF / chrF++ (sacreBLEU, 0-1) of the output against reference texts is at least the threshold",
          "string or list of strings (reference texts)",
          true,
          0.5,
          false);

  @Override
  public EvaluatorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public EvaluationResult evaluate(Assertion assertion, EvaluationContext context) {
    MetricOptions config = new MetricOptions(assertion);
    int wordOrder = config.integer("wordOrder", 0, 0, 9);
    Chrf.Options options;
    try {
      options =
          new Chrf.Options(
              config.integer("charOrder", 6, 0, 20),
              wordOrder,
              config.number("beta", 2, 0.001, 100),
              config.flag("lowercase", false),
              config.flag("whitespace", false),
              config.flag("epsSmoothing", false));
    } catch (IllegalArgumentException e) {
      throw new EvaluationException("chrf config: " + e.getMessage());
    }
    ChrfScore score;
    try {
      score = new Chrf(options).sentenceScore(context.output(), ReferenceTexts.of(assertion));
    } catch (IllegalArgumentException e) {
      throw new EvaluationException(e.getMessage());
    }
    return Verdicts.atLeast(
        wordOrder == 0 ? "chrF" : "chrF" + "+".repeat(wordOrder),
        score.score(),
        Verdicts.threshold(assertion, DESCRIPTOR),
        Map.of("chrf.precision", score.precision(), "chrf.recall", score.recall()));
  }
}
