package dev.ltb.usage;

import dev.ltb.tenancy.TenantId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.RoundingMode;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The billing export: one row per tenant and UTC day with the amounts, the charge per component and the total
 * rounded to cents. RFC 4180 CSV with a header row.
 */
public final class UsageCsv {

  public static final List<String> HEADER = List.of(
      "tenant", "day", "records", "items", "tokens_in", "tokens_out", "provider_cost_usd", "compute_ms", "plugin_ms",
      "charge_items_usd", "charge_provider_usd", "charge_compute_usd", "charge_plugins_usd", "charge_total_usd");

  private UsageCsv() {}

  public static void write(TenantId tenant, List<DailyUsage> days, PriceList prices, Appendable out) {
    try {
      // Not closed: the caller owns {@code out}.
      CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(HEADER.toArray(String[]::new)).get().print(out);
      for (DailyUsage day : days) {
        UsageTotals usage = day.usage();
        Charge charge = Charge.of(usage, prices);
        printer.printRecord(tenant.value(), day.day(), usage.records(), usage.items(), usage.tokensIn(),
            usage.tokensOut(), usage.providerCostUsd().toPlainString(), usage.computeMs(), usage.pluginMs(),
            charge.items().toPlainString(), charge.provider().toPlainString(), charge.compute().toPlainString(),
            charge.plugins().toPlainString(), charge.total().setScale(2, RoundingMode.HALF_UP).toPlainString());
      }
      printer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String toString(TenantId tenant, List<DailyUsage> days, PriceList prices) {
    StringBuilder text = new StringBuilder();
    write(tenant, days, prices, text);
    return text.toString();
  }
}
