package dev.ltb.usage;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How usage becomes a charge (pay per use). All prices in {@code currency} (USD).
 *
 * @param currency ISO code, {@code USD}
 * @param perItem per work item executed
 * @param providerCostMarkup factor applied to provider cost: 0 when tenants bring their own provider keys (the
 *     vendor bills them), 1 to pass the cost through, 1.1 for a 10 % margin
 * @param perComputeSecond per second of worker time
 * @param perPluginSecond per second spent in WASM plugins
 */
public record PriceList(
    String currency, BigDecimal perItem, BigDecimal providerCostMarkup, BigDecimal perComputeSecond,
    BigDecimal perPluginSecond) {

  public PriceList {
    if (!"USD".equals(currency)) throw new IllegalArgumentException("prices must be in USD, was " + currency);
    for (BigDecimal price : new BigDecimal[] {perItem, providerCostMarkup, perComputeSecond, perPluginSecond}) {
      Objects.requireNonNull(price, "every price must be set (use 0 for free)");
      if (price.signum() < 0) throw new IllegalArgumentException("prices must not be negative, was " + price);
    }
  }

  public static PriceList free() {
    return new PriceList("USD", BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
  }
}
