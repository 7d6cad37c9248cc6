package dev.ltb.evaluator.text;

import static dev.ltb.evaluator.Reasons.quote;

import dev.ltb.evaluator.AssertionValues;
import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationException;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.evaluator.Evaluator;
import dev.ltb.evaluator.EvaluatorDescriptor;
import dev.ltb.evaluator.metric.EditDistance;
import dev.ltb.suite.Assertion;

/**
 * {@code levenshtein}: the output is at most {@code threshold} single-character edits (insertions,
 * deletions, substitutions) away from the value; the threshold defaults to 5, as in promptfoo.
 */
public final class LevenshteinEvaluator implements Evaluator {

  public static final double DEFAULT_MAX_DISTANCE = 5;

  private static final EvaluatorDescriptor DESCRIPTOR =
      new EvaluatorDescriptor(
          "levenshtein",
          "1",
          "output is within an edit distance of the value",
          "a string",
          true,
          DEFAULT_MAX_DISTANCE,
          false);

  @Override
  public EvaluatorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public EvaluationResult evaluate(Assertion assertion, EvaluationContext context) {
    String expected = AssertionValues.text(assertion);
    double maxDistance =
        assertion.threshold() == null ? DEFAULT_MAX_DISTANCE : assertion.threshold();
    if (maxDistance < 0)
      throw new EvaluationException(
          "levenshtein threshold is the largest edit distance allowed and must be >= 0, was "
              + AssertionValues.numberText(maxDistance));
    int distance = EditDistance.ofChars(context.output(), expected);
    boolean pass = distance <= maxDistance;
    String reason =
        "output is "
            + distance
            + (distance == 1 ? " edit" : " edits")
            + " from "
            + quote(expected)
            + (pass ? ", within " : ", more than ")
            + AssertionValues.numberText(maxDistance);
    return EvaluationResult.of(pass, reason);
  }
}
