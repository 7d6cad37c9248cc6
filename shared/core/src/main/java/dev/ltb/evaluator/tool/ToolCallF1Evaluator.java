package dev.ltb.evaluator.tool;

import static dev.ltb.evaluator.Reasons.quoteAll;

import dev.ltb.evaluator.AssertionValues;
import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationException;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.evaluator.Evaluator;
import dev.ltb.evaluator.EvaluatorDescriptor;
import dev.ltb.provider.ToolCall;
import dev.ltb.suite.Assertion;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code tool-call-f1}: the F1 score between the set of expected tool names and the set of tools
 * the model called (order and repeats do not count). The score is the F1 itself; the assertion
 * passes when it reaches {@code threshold} (default 1, an exact match).
 */
public final class ToolCallF1Evaluator implements Evaluator {

  public static final double DEFAULT_THRESHOLD = 1;

  // F1 is a ratio of sums; 0.8 may come out a hair under 0.8.
  private static final double TOLERANCE = 1e-9;

  private static final EvaluatorDescriptor DESCRIPTOR =
      new EvaluatorDescriptor(
          "tool-call-f1",
          "1",
          "F1 score of the tools called against the tools expected",
          "a list of tool names, or one comma-separated string",
          true,
          DEFAULT_THRESHOLD,
          false);

  @Override
  public EvaluatorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public EvaluationResult evaluate(Assertion assertion, EvaluationContext context) {
    Set<String> expected = new TreeSet<>();
    for (String name : AssertionValues.texts(assertion))
      if (!name.isBlank()) expected.add(name.strip());
    if (expected.isEmpty())
      throw new EvaluationException("tool-call-f1 needs at least one expected tool name");
    double threshold = threshold(assertion);

    Set<String> called = new TreeSet<>();
    for (ToolCall call : ToolCalls.of(context)) called.add(call.name());
    long matched = expected.stream().filter(called::contains).count();
    double precision = called.isEmpty() ? 0 : (double) matched / called.size();
    double recall = (double) matched / expected.size();
    double f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;

    boolean pass = f1 + TOLERANCE >= threshold;
    String reason =
        String.format(
                Locale.ROOT,
                "tool-call F1 %.3f (precision %.3f, recall %.3f), %s threshold %s; ",
                f1,
                precision,
                recall,
                pass ? "meets" : "below",
                AssertionValues.numberText(threshold))
            + "expected "
            + quoteAll(expected.stream().toList())
            + ", called "
            + quoteAll(called.stream().toList());
    return EvaluationResult.of(pass, Math.min(1, f1), reason);
  }

  private static double threshold(Assertion assertion) {
    Double threshold = assertion.threshold();
    if (threshold == null) return DEFAULT_THRESHOLD;
    if (threshold.isNaN() || threshold < 0 || threshold > 1)
      throw new EvaluationException(
          "tool-call-f1 threshold is the lowest F1 that passes and must be within [0, 1], was "
              + AssertionValues.numberText(threshold));
    return threshold;
  }
}
