package dev.ltb.evaluator.reference;

import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.evaluator.Evaluator;
import dev.ltb.evaluator.EvaluatorDescriptor;
import dev.ltb.evaluator.metric.ErrorRate;
import dev.ltb.suite.Assertion;
import java.util.Map;

/**
 * {@code cer}: character error rate as jiwer computes it (character edit distance / reference characters,
 * spaces included, after stripping both texts). The threshold
 * is the highest error rate that passes (default 0.3); the score is {@code 1 - CER}, clipped to [0, 1].
 * With several references the lowest error rate counts.
 */
public final class CerEvaluator implements Evaluator {

  private static final EvaluatorDescriptor DESCRIPTOR =
      new EvaluatorDescriptor(
          "cer",
          "1",
          "Character error rate (jiwer) of the output against the closest reference is at most the threshold",
          "string or list of strings (reference texts)",
          true,
          0.3,
          false);

  @Override
  public EvaluatorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public EvaluationResult evaluate(Assertion assertion, EvaluationContext context) {
    double cer =
        ReferenceTexts.of(assertion).stream()
            .mapToDouble(reference -> ErrorRate.characterErrorRate(reference, context.output()).rate())
            .min()
            .orElseThrow();
    return Verdicts.atMost("CER", cer, Verdicts.threshold(assertion, DESCRIPTOR), Map.of("cer", cer));
  }
}
