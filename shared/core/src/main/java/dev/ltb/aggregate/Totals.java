package dev.ltb.aggregate;

import dev.ltb.provider.TokenUsage;

/**
 * Counts over a whole run.
 *
 * @param items results received
 * @param passed items whose test passed
 * @param failed items whose test failed
 * @param errors items with no judged output
 * @param passRate passed / items (errors count as not passed), 0 when there are no items
 * @param tokens provider tokens
 * @param costUsd known provider cost
 * @param costUnknownItems items whose cost is unknown (not included in costUsd)
 * @param durationMs wall time of the run
 * @param judgeCostUsd known cost of the judge calls of model-graded evaluators (not included in costUsd)
 */
public record Totals(
    long items,
    long passed,
    long failed,
    long errors,
    double passRate,
    TokenUsage tokens,
    double costUsd,
    long costUnknownItems,
    long durationMs,
    double judgeCostUsd) {

  /** Totals without judge cost (the fields before {@code judgeCostUsd} was added). */
  public Totals(
      long items, long passed, long failed, long errors, double passRate, TokenUsage tokens, double costUsd,
      long costUnknownItems, long durationMs) {
    this(items, passed, failed, errors, passRate, tokens, costUsd, costUnknownItems, durationMs, 0);
  }

  /** What the run is known to have cost: providers plus judges. */
  public double totalCostUsd() {
    return costUsd + judgeCostUsd;
  }
}
