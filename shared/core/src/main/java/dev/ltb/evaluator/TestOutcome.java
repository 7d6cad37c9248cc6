package dev.ltb.evaluator;

import dev.ltb.provider.TokenUsage;
import java.util.List;
import java.util.Map;

/**
 * The verdict on one output for one test case.
 *
 * @param pass whether the test passed (all weighted assertions passed, or score ≥ the test's threshold)
 * @param score the weighted mean of the assertion scores; 1 when the test has no assertions
 * @param reason the first failing assertion's reason, or "All assertions passed"
 * @param assertions each assertion's outcome, in suite order
 * @param namedScores per named metric, the weighted mean of the scores reported under it
 * @param judgeTokens tokens spent by model-graded evaluators
 * @param judgeCostUsd what their judge calls cost in USD, as the judges' providers reported it
 */
public record TestOutcome(
    boolean pass,
    double score,
    String reason,
    List<AssertionOutcome> assertions,
    Map<String, Double> namedScores,
    TokenUsage judgeTokens,
    double judgeCostUsd) {

  public TestOutcome {
    assertions = List.copyOf(assertions);
    namedScores = namedScores == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(namedScores));
    judgeTokens = judgeTokens == null ? TokenUsage.NONE : judgeTokens;
  }

  /** An outcome whose judges (if any) reported no cost. */
  public TestOutcome(
      boolean pass,
      double score,
      String reason,
      List<AssertionOutcome> assertions,
      Map<String, Double> namedScores,
      TokenUsage judgeTokens) {
    this(pass, score, reason, assertions, namedScores, judgeTokens, 0);
  }
}
