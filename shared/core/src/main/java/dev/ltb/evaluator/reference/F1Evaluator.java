package dev.ltb.evaluator.reference;

import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.evaluator.Evaluator;
import dev.ltb.evaluator.EvaluatorDescriptor;
import dev.ltb.evaluator.metric.SquadAnswer;
import dev.ltb.suite.Assertion;
import java.util.Map;

/**
 * {@code f1}: token F1 between the output and the best reference answer, after SQuAD v1.1 normalization
 * (lowercase, no punctuation, no articles a/an/the, single spaces).
 */
public final class F1Evaluator implements Evaluator {

  private static final EvaluatorDescriptor DESCRIPTOR =
      new EvaluatorDescriptor(
          "f1",
          "1",
          "SQuAD token F1 of the output against the best reference answer is at least the threshold",
          "string or list of strings (reference answers)",
          true,
          0.5,
          false);

  @Override
  public EvaluatorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public EvaluationResult evaluate(Assertion assertion, EvaluationContext context) {
    SquadAnswer.TokenF1 score = SquadAnswer.f1(context.output(), ReferenceTexts.of(assertion));
    return Verdicts.atLeast(
        "F1",
        score.f1(),
        Verdicts.threshold(assertion, DESCRIPTOR),
        Map.of("f1.precision", score.precision(), "f1.recall", score.recall()));
  }
}
