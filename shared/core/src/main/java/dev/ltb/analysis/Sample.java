package dev.ltb.analysis;

import dev.ltb.engine.ItemResult;
import dev.ltb.engine.ItemStatus;

/**
 * The few numbers kept per item.
 *
 * @param passed whether the test passed (an error is not a pass)
 * @param score the test score, NaN for an error (no output to score)
 * @param cached whether the response came from the cache (no latency, no real cost)
 * @param costUsd provider cost, NaN when unknown or cached
 * @param latencyMs provider latency, -1 for errors and cache hits
 * @param inputTokens provider prompt tokens
 * @param outputTokens provider completion tokens
 */
record Sample(
    boolean passed, double score, boolean cached, double costUsd, long latencyMs, long inputTokens, long outputTokens) {

  static Sample of(ItemResult result) {
    boolean error = result.status() == ItemStatus.ERROR;
    boolean measured = !error && !result.cached();
    return new Sample(
        result.passed(),
        error ? Double.NaN : result.score(),
        result.cached(),
        measured && result.costUsd() != null ? result.costUsd() : Double.NaN,
        measured ? result.latencyMs() : -1,
        result.tokens().input(),
        result.tokens().output());
  }

  boolean error() {
    return Double.isNaN(score);
  }

  boolean costKnown() {
    return !Double.isNaN(costUsd);
  }

  /** An output that was really bought from the provider: its cost should be known. */
  boolean billable() {
    return !error() && !cached;
  }
}
