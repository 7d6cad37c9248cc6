package dev.ltb.usage;

import dev.ltb.tenancy.TenantId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** {@link UsageLedger} of one process (single-tenant local use, tests); thread-safe, exactly once per unit. */
public final class InMemoryUsageLedger implements UsageLedger {

  private record Key(TenantId tenant, String runId, String unit) {}

  private record DayKey(TenantId tenant, LocalDate day) {}

  private final Map<Key, UsageRecord> records = new ConcurrentHashMap<>();
  private final ConcurrentSkipListMap<LocalDate, Map<TenantId, UsageTotals>> days = new ConcurrentSkipListMap<>();
  private final Map<Key, UsageTotals> runs = new ConcurrentHashMap<>();

  @Override
  public boolean record(UsageRecord record) {
    Key key = new Key(record.tenantId(), record.runId(), record.unit());
    if (records.putIfAbsent(key, record) != null) return false;
    days.computeIfAbsent(record.day(), day -> new ConcurrentHashMap<>())
        .merge(record.tenantId(), record.usage(), UsageTotals::plus);
    runs.merge(new Key(record.tenantId(), record.runId(), ""), record.usage(), UsageTotals::plus);
    return true;
  }

  @Override
  public List<DailyUsage> daily(TenantId tenant, LocalDate from, LocalDate to) {
    List<DailyUsage> result = new ArrayList<>();
    days.subMap(from, true, to, true).forEach((day, tenants) -> {
      UsageTotals totals = tenants.get(tenant);
      if (totals != null) result.add(new DailyUsage(day, totals));
    });
    return result;
  }

  @Override
  public UsageTotals run(TenantId tenant, String runId) {
    return runs.getOrDefault(new Key(tenant, runId, ""), UsageTotals.ZERO);
  }
}
