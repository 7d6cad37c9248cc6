package dev.ltb.usage;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Sums of usage over some set of records (a run, a day, a month).
 *
 * @param records usage records summed (units of work: shards or items)
 * @param items work items executed
 * @param tokensIn provider input tokens (judge calls included)
 * @param tokensOut provider output tokens
 * @param providerCostUsd what the providers charged, as far as prices are known
 * @param computeMs worker time
 * @param pluginMs time spent in WASM plugins
 */
public record UsageTotals(
    long records, long items, long tokensIn, long tokensOut, BigDecimal providerCostUsd, long computeMs,
    long pluginMs) {

  public static final UsageTotals ZERO = new UsageTotals(0, 0, 0, 0, BigDecimal.ZERO, 0, 0);

  public UsageTotals {
    Objects.requireNonNull(providerCostUsd, "providerCostUsd");
    if (records < 0 || items < 0 || tokensIn < 0 || tokensOut < 0 || computeMs < 0 || pluginMs < 0
        || providerCostUsd.signum() < 0)
      throw new IllegalArgumentException("usage totals must not be negative");
  }

  public UsageTotals plus(UsageTotals other) {
    return new UsageTotals(records + other.records, items + other.items, tokensIn + other.tokensIn,
        tokensOut + other.tokensOut, providerCostUsd.add(other.providerCostUsd), computeMs + other.computeMs,
        pluginMs + other.pluginMs);
  }
}
