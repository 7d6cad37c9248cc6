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
 * @param judgeCostUsd what its judge calls cost in USD, as the judge's provider reported it (0 when none did)
 */
public record EvaluationResult(
    boolean pass,
    double score,
    String reason,
    Map<String, Double> namedScores,
    TokenUsage judgeTokens,
    double judgeCostUsd) {

  public EvaluationResult {
    if (Double.isNaN(score) || score < 0 || score > 1)
      throw new IllegalArgumentException("score must be within [0, 1], was " + score);
    Objects.requireNonNull(reason, "reason");
    namedScores = namedScores == null ? Map.of() : Map.copyOf(namedScores);
    judgeTokens = judgeTokens == null ? TokenUsage.NONE : judgeTokens;
    if (Double.isNaN(judgeCostUsd) || judgeCostUsd < 0)
      throw new IllegalArgumentException("judgeCostUsd must be >= 0, was " + judgeCostUsd);
  }

  /** A result whose judge calls (if any) reported no cost. */
  public EvaluationResult(
      boolean pass, double score, String reason, Map<String, Double> namedScores, TokenUsage judgeTokens) {
    this(pass, score, reason, namedScores, judgeTokens, 0);
  }

  public static EvaluationResult of(boolean pass, String reason) {
    return new EvaluationResult(pass, pass ? 1 : 0, reason, Map.of(), TokenUsage.NONE);
  }

  public static EvaluationResult of(boolean pass, double score, String reason) {
    return new EvaluationResult(pass, score, reason, Map.of(), TokenUsage.NONE);
  }
}
