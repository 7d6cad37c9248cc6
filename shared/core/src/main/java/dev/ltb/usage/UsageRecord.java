package dev.ltb.usage;

import dev.ltb.engine.ItemResult;
import dev.ltb.tenancy.Ids;
import dev.ltb.tenancy.TenantId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The usage of one unit of a run: a shard (what the worker reports) or a single item. The key (tenant, run,
 * unit) makes it idempotent: a redelivered shard produces the same key and is not billed twice.
 *
 * @param tenantId who is billed
 * @param runId the run
 * @param unit the unit within the run, e.g. {@code shard-0007} or an item id
 * @param day the UTC day the usage is billed on
 * @param usage the amounts
 */
public record UsageRecord(TenantId tenantId, String runId, String unit, LocalDate day, UsageTotals usage) {

  public UsageRecord {
    Objects.requireNonNull(tenantId, "tenantId");
    Ids.requireResourceId("runId", runId);
    Ids.requireResourceId("unit", unit);
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(usage, "usage");
    if (usage.records() != 1) usage = new UsageTotals(1, usage.items(), usage.tokensIn(), usage.tokensOut(),
        usage.providerCostUsd(), usage.computeMs(), usage.pluginMs());
  }

  /** The unit name of shard {@code index}: {@code shard-0007}. */
  public static String shardUnit(int index) {
    return "shard-%04d".formatted(index);
  }

  /**
   * The usage of a finished shard, computed from all its stored results (not only those this attempt executed),
   * so the record is the same whichever delivery of the shard writes it.
   */
  public static UsageRecord ofShard(
      TenantId tenant, String runId, int shardIndex, LocalDate day, Iterable<ItemResult> results, long computeMs,
      long pluginMs) {
    long items = 0, in = 0, out = 0;
    BigDecimal cost = BigDecimal.ZERO;
    for (ItemResult result : results) {
      items++;
      in += result.tokens().input() + result.judgeTokens().input();
      out += result.tokens().output() + result.judgeTokens().output();
      if (result.costUsd() != null) cost = cost.add(BigDecimal.valueOf(result.costUsd()));
    }
    return new UsageRecord(tenant, runId, shardUnit(shardIndex), day,
        new UsageTotals(1, items, in, out, cost, computeMs, pluginMs));
  }
}
