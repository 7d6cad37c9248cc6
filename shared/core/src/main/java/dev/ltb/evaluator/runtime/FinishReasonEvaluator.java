package dev.ltb.evaluator.runtime;

import static dev.ltb.evaluator.Reasons.quote;

import dev.ltb.evaluator.AssertionValues;
import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationException;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.evaluator.Evaluator;
import dev.ltb.evaluator.EvaluatorDescriptor;
import dev.ltb.provider.FinishReason;
import dev.ltb.suite.Assertion;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * {@code finish-reason}: the model stopped for the expected, vendor-neutral reason ({@code stop},
 * {@code length}, {@code content_filter}, {@code tool_calls}, {@code error}), compared
 * case-insensitively.
 */
public final class FinishReasonEvaluator implements Evaluator {

  private static final String KNOWN =
      Arrays.stream(FinishReason.values())
          .filter(reason -> reason != FinishReason.UNKNOWN)
          .map(FinishReason::id)
          .collect(Collectors.joining(", "));

  private static final EvaluatorDescriptor DESCRIPTOR =
      EvaluatorDescriptor.simple(
          "finish-reason", "the model stopped for the expected reason", "one of " + KNOWN);

  @Override
  public EvaluatorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public EvaluationResult evaluate(Assertion assertion, EvaluationContext context) {
    FinishReason expected = expected(assertion);
    FinishReason actual = Limits.response(assertion, context.response()).finishReason();
    if (actual == FinishReason.UNKNOWN)
      throw new EvaluationException("the provider did not report why the model stopped");
    boolean pass = actual == expected;
    String observed = "model stopped with " + quote(actual.id());
    return EvaluationResult.of(pass, pass ? observed : observed + ", not " + quote(expected.id()));
  }

  private static FinishReason expected(Assertion assertion) {
    String value = AssertionValues.text(assertion);
    try {
      FinishReason reason = FinishReason.fromId(value);
      if (reason != FinishReason.UNKNOWN) return reason;
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new EvaluationException(
        "finish-reason value must be one of " + KNOWN + ", got " + quote(value));
  }
}
