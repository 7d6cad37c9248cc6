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
    long durationMs) {}
