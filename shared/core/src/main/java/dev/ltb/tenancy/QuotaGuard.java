package dev.ltb.tenancy;

import dev.ltb.usage.Charge;
import dev.ltb.usage.UsageLedger;
import dev.ltb.usage.UsageTotals;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Admits a run when it starts, or refuses it with a {@link QuotaExceededException} naming the limit. Checks run
 * cheapest first (items per run, then the month's charges, then a concurrency slot), so a refused run holds no
 * slot. The caller releases the slot when the run reaches a terminal state ({@link #release}).
 */
public final class QuotaGuard {

  private final TenantPlans plans;
  private final RunSlots slots;
  private final UsageLedger usage;
  private final Clock clock;

  public QuotaGuard(TenantPlans plans, RunSlots slots, UsageLedger usage, Clock clock) {
    this.plans = Objects.requireNonNull(plans, "plans");
    this.slots = Objects.requireNonNull(slots, "slots");
    this.usage = Objects.requireNonNull(usage, "usage");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Lets run {@code runId} with {@code items} work items start for {@code tenant}; idempotent for a retried start
   * of the same run.
   *
   * @return the plan the run was admitted under
   */
  public Plan admit(TenantId tenant, String runId, long items) {
    Ids.requireResourceId("runId", runId);
    Plan plan = plans.planOf(tenant);
    if (plan.maxItemsPerRun() != null && items > plan.maxItemsPerRun())
      throw new QuotaExceededException(plan.id(), QuotaExceededException.Limit.MAX_ITEMS_PER_RUN,
          plan.maxItemsPerRun().toString(),
          "plan '" + plan.id() + "' allows at most " + plan.maxItemsPerRun() + " items per run (maxItemsPerRun); this"
              + " run has " + items + " items. Split the suite or move to a larger plan.");
    if (plan.monthlyBudgetUsd() != null) {
      YearMonth month = YearMonth.now(clock.withZone(ZoneOffset.UTC));
      UsageTotals used = usage.month(tenant, month);
      BigDecimal charged = Charge.of(used, plan.prices()).total();
      if (charged.compareTo(plan.monthlyBudgetUsd()) >= 0)
        throw new QuotaExceededException(plan.id(), QuotaExceededException.Limit.MONTHLY_BUDGET,
            usd(plan.monthlyBudgetUsd()),
            "plan '" + plan.id() + "' has a monthly budget of $" + usd(plan.monthlyBudgetUsd())
                + " (monthlyBudgetUsd); $" + usd(charged) + " is used in " + month
                + ". Runs start again next month or after the budget is raised.");
    }
    if (plan.maxConcurrentRuns() != null && !slots.tryAcquire(tenant, runId, plan.maxConcurrentRuns()))
      throw new QuotaExceededException(plan.id(), QuotaExceededException.Limit.MAX_CONCURRENT_RUNS,
          plan.maxConcurrentRuns().toString(),
          "plan '" + plan.id() + "' allows " + plan.maxConcurrentRuns() + " concurrent runs (maxConcurrentRuns); "
              + slots.active(tenant) + " are queued or running. Retry when one finishes.");
    return plan;
  }

  /** The run ended: frees its concurrency slot. */
  public void release(TenantId tenant, String runId) {
    slots.release(tenant, runId);
  }

  private static String usd(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
  }
}
