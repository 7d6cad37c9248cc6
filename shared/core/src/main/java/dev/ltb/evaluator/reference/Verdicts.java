package dev.ltb.evaluator.reference;

import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.evaluator.EvaluatorDescriptor;
import dev.ltb.provider.TokenUsage;
import dev.ltb.suite.Assertion;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a metric value into a result. Reasons state what was observed ("BLEU 0.412 is below the
 * threshold 0.5") so they stay true when the engine negates the verdict.
 */
final class Verdicts {

  private Verdicts() {}

  static double threshold(Assertion assertion, EvaluatorDescriptor descriptor) {
    return assertion.threshold() != null ? assertion.threshold() : descriptor.defaultThreshold();
  }

  /** Passes when {@code score >= threshold}; the score is the metric itself. */
  static EvaluationResult atLeast(
      String metric, double score, double threshold, Map<String, Double> namedScores) {
    boolean pass = score >= threshold;
    String verdict = pass ? " meets the threshold " : " is below the threshold ";
    String reason = metric + " " + format(score) + verdict + plain(threshold);
    return new EvaluationResult(pass, clamp(score), reason, namedScores, TokenUsage.NONE);
  }

  /**
   * Passes when {@code errorRate <= maximum}; the score is {@code 1 - errorRate}, clipped to [0, 1]
   * (an error rate can exceed 1 when the output is longer than the reference).
   */
  static EvaluationResult atMost(
      String metric, double errorRate, double maximum, Map<String, Double> namedScores) {
    boolean pass = errorRate <= maximum;
    String verdict = pass ? " is within the maximum " : " exceeds the maximum ";
    String reason = metric + " " + format(errorRate) + verdict + plain(maximum);
    return new EvaluationResult(pass, clamp(1 - errorRate), reason, namedScores, TokenUsage.NONE);
  }

  static String format(double value) {
    return String.format(Locale.ROOT, "%.3f", value);
  }

  /** A threshold as the suite wrote it: 0.5, not 0.500. */
  static String plain(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  private static double clamp(double value) {
    return Math.max(0, Math.min(1, value));
  }
}
