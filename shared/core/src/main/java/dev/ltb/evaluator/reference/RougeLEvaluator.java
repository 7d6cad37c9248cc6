package dev.ltb.evaluator.reference;

import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.evaluator.Evaluator;
import dev.ltb.evaluator.EvaluatorDescriptor;
import dev.ltb.evaluator.metric.Rouge;
import dev.ltb.evaluator.metric.RougeScore;
import dev.ltb.suite.Assertion;
import java.util.List;
import java.util.Map;

/**
 * {@code rouge-l}: ROUGE-L F-measure (longest common subsequence) as Google's {@code rouge_score}. Config:
 * {@code stemming}, and {@code summary: true} for ROUGE-Lsum, which treats each line as a sentence and
 * scores the union of per-sentence LCS matches (rouge_score's {@code rougeLsum}).
 */
public final class RougeLEvaluator implements Evaluator {

  private static final EvaluatorDescriptor DESCRIPTOR =
      new EvaluatorDescriptor(
          "rouge-l",
          "1",
          "ROUGE-L (or ROUGE-Lsum) F-measure (rouge_score) of the output against reference texts is at least"
              + " the threshold",
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
    Rouge rouge = new Rouge(config.flag("stemming", false));
    boolean summary = config.flag("summary", false);
    List<String> references = ReferenceTexts.of(assertion);
    RougeScore score =
        summary ? rouge.rougeLsum(context.output(), references) : rouge.rougeL(context.output(), references);
    String name = summary ? "rouge-lsum" : "rouge-l";
    return Verdicts.atLeast(
        summary ? "ROUGE-Lsum" : "ROUGE-L",
        score.fmeasure(),
        Verdicts.threshold(assertion, DESCRIPTOR),
        Map.of(name + ".precision", score.precision(), name + ".recall", score.recall()));
  }
}
