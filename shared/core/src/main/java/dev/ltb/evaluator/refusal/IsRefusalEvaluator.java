package dev.ltb.evaluator.refusal;

import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.evaluator.Evaluator;
import dev.ltb.evaluator.EvaluatorDescriptor;
import dev.ltb.provider.FinishReason;
import dev.ltb.suite.Assertion;
import java.util.Optional;

/**
 * {@code is-refusal}: the model declined to answer. A response the provider stopped for its content
 * filter, an empty output, or one matching promptfoo's refusal phrases counts; the reason names
 * what matched. A heuristic: it reads phrases, not intent.
 */
public final class IsRefusalEvaluator implements Evaluator {

  private static final EvaluatorDescriptor DESCRIPTOR =
      new EvaluatorDescriptor(
          "is-refusal",
          "1",
          "the model refused to answer (content filter, empty output or a refusal phrase)",
          "none",
          false,
          null,
          false);

  @Override
  public EvaluatorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public EvaluationResult evaluate(Assertion assertion, EvaluationContext context) {
    if (context.response() != null
        && context.response().finishReason() == FinishReason.CONTENT_FILTER)
      return EvaluationResult.of(
          true, "output is a refusal: the provider stopped it for its content filter");
    if (context.output().isBlank())
      return EvaluationResult.of(true, "output is a refusal: it is empty");
    Optional<String> refusal = RefusalPhrases.find(context.output());
    return refusal
        .map(found -> EvaluationResult.of(true, "output is a refusal: " + found))
        .orElseGet(
            () -> EvaluationResult.of(false, "output is not a refusal: no refusal phrase found"));
  }
}
