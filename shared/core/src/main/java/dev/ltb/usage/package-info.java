/**
 * Metering for pay-per-use: {@link dev.ltb.usage.UsageRecord}s per run unit (a shard or an item), applied
 * exactly once to per-day and per-month roll-ups by the {@link dev.ltb.usage.UsageLedger} port, priced by a
 * {@link dev.ltb.usage.PriceList} and exported as CSV for billing.
 */
package dev.ltb.usage;
