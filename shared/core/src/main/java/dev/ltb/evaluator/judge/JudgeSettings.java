package dev.ltb.evaluator.judge;

import dev.ltb.suite.ProviderSpec;
import java.time.Duration;
import java.util.Objects;

/**
 * The defaults of model-graded evaluation, all in one place (docs/evaluators.md, "Model-graded
 * evaluators").
 *
 * @param defaultGrader the judge used when neither the assertion ({@code provider}) nor its test
 *     ({@code options.provider}) names one
 * @param maxCostUsd the most one assertion's judge calls may cost, unless its {@code
 *     config.maxJudgeCostUsd} says otherwise
 * @param maxRetries retries of a judge call that failed with a retryable error (rate limit, 5xx,
 *     timeout)
 * @param retryDelay the first wait before a retry, doubled each time (a vendor's Retry-After wins)
 */
public record JudgeSettings(
    ProviderSpec defaultGrader, double maxCostUsd, int maxRetries, Duration retryDelay) {

  public static final String DEFAULT_GRADER_ID = "openai:chat:gpt-4o-mini";
  public static final double DEFAULT_MAX_COST_USD = 0.10;

  public static final JudgeSettings DEFAULTS =
      new JudgeSettings(
          ProviderSpec.of(DEFAULT_GRADER_ID), DEFAULT_MAX_COST_USD, 2, Duration.ofSeconds(1));

  public JudgeSettings {
    Objects.requireNonNull(defaultGrader, "defaultGrader");
    Objects.requireNonNull(retryDelay, "retryDelay");
    if (!(maxCostUsd > 0))
      throw new IllegalArgumentException("maxCostUsd must be > 0, was " + maxCostUsd);
    if (maxRetries < 0)
      throw new IllegalArgumentException("maxRetries must be >= 0, was " + maxRetries);
    if (retryDelay.isNegative() || retryDelay.isZero())
      throw new IllegalArgumentException("retryDelay must be > 0");
  }

  public JudgeSettings withDefaultGrader(ProviderSpec grader) {
    return new JudgeSettings(grader, maxCostUsd, maxRetries, retryDelay);
  }
}
