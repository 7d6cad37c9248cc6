package dev.ltb.usage;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What some usage costs under a price list, per component, in USD with 6 decimals (micro-dollars); invoices round
 * the total to cents.
 */
public record Charge(BigDecimal items, BigDecimal provider, BigDecimal compute, BigDecimal plugins, BigDecimal total) {

  private static final int SCALE = 6;
  private static final BigDecimal MS_PER_SECOND = BigDecimal.valueOf(1000);

  public static Charge of(UsageTotals usage, PriceList prices) {
    BigDecimal items = prices.perItem().multiply(BigDecimal.valueOf(usage.items()));
    BigDecimal provider = usage.providerCostUsd().multiply(prices.providerCostMarkup());
    BigDecimal compute = prices.perComputeSecond().multiply(seconds(usage.computeMs()));
    BigDecimal plugins = prices.perPluginSecond().multiply(seconds(usage.pluginMs()));
    BigDecimal total = items.add(provider).add(compute).add(plugins);
    return new Charge(round(items), round(provider), round(compute), round(plugins), round(total));
  }

  private static BigDecimal seconds(long ms) {
    return BigDecimal.valueOf(ms).divide(MS_PER_SECOND, 3, RoundingMode.UNNECESSARY);
  }

  private static BigDecimal round(BigDecimal amount) {
    return amount.setScale(SCALE, RoundingMode.HALF_UP);
  }
}
