package dev.ltb.evaluator;

import dev.ltb.provider.TokenUsage;
import java.util.Map;
import java.util.Objects;

/**
 * The one result every evaluator returns.
 *
 * @param pass whether the assertion holds
 * @param score in [0, 1]
 * @param reason what was observed, specific and free of secrets
 * @param namedScores extra scores the evaluator computed (e.g. rouge precision and recall)
 * @param judgeTokens tokens a model-graded evaluator spent, {@link TokenUsage#NONE} otherwise
 */
public record EvaluationResult(
    boolean pass, double score, String reason, Map<String, Double> namedScores, TokenUsage judgeTokens) {

  public EvaluationResult {
    if (Double.isNaN(score) || score < 0 || score > 1)
      throw new IllegalArgumentException("score must be within [0, 1], was " + score);
    Objects.requireNonNull(reason, "reason");
    namedScores = namedScores == null ? Map.of() : Map.copyOf(namedScores);
    judgeTokens = judgeTokens == null ? TokenUsage.NONE : judgeTokens;
  }

  public static EvaluationResult of(boolean pass, String reason) {
    return new EvaluationResult(pass, pass ? 1 : 0, reason, Map.of(), TokenUsage.NONE);
  }

  public static EvaluationResult of(boolean pass, double score, String reason) {
    return new EvaluationResult(pass, score, reason, Map.of(), TokenUsage.NONE);
  }
}
