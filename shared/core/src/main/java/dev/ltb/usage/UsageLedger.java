package dev.ltb.usage;

import dev.ltb.tenancy.TenantId;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * Port: usage records and their roll-ups per tenant per day (and so per month).
 *
 * <p>{@link #record} applies a record exactly once: the same (tenant, run, unit) a second time changes nothing
 * and returns false, even when two deliveries race. Without transactions, a DynamoDB adapter gets this with one
 * conditional UpdateItem per record on a roll-up item keyed by (tenant, day, run) that {@code ADD}s the amounts
 * and the unit to a string set on the condition {@code NOT contains(units, :unit)}; day totals sum the run items
 * of that day, months sum days.
 */
public interface UsageLedger {

  /** Applies the record to its run and day; false when that unit was already recorded (nothing changed). */
  boolean record(UsageRecord record);

  /** Per UTC day from {@code from} to {@code to} inclusive, days without usage left out, oldest first. */
  List<DailyUsage> daily(TenantId tenant, LocalDate from, LocalDate to);

  /** The usage of one run. */
  UsageTotals run(TenantId tenant, String runId);

  /** The month's usage (UTC). */
  default UsageTotals month(TenantId tenant, YearMonth month) {
    return daily(tenant, month.atDay(1), month.atEndOfMonth()).stream()
        .map(DailyUsage::usage)
        .reduce(UsageTotals.ZERO, UsageTotals::plus);
  }
}
