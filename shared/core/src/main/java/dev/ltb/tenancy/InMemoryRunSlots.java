package dev.ltb.tenancy;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** {@link RunSlots} of one process (local runs, tests): per-tenant sets updated atomically. */
public final class InMemoryRunSlots implements RunSlots {

  private final Map<TenantId, Set<String>> running = new ConcurrentHashMap<>();

  @Override
  public boolean tryAcquire(TenantId tenant, String runId, int max) {
    boolean[] acquired = {false};
    running.compute(tenant, (key, runs) -> {
      Set<String> next = runs == null ? new HashSet<>() : runs;
      if (next.contains(runId) || next.size() < max) {
        next.add(runId);
        acquired[0] = true;
      }
      return next;
    });
    return acquired[0];
  }

  @Override
  public void release(TenantId tenant, String runId) {
    running.computeIfPresent(tenant, (key, runs) -> {
      runs.remove(runId);
      return runs.isEmpty() ? null : runs;
    });
  }

  @Override
  public int active(TenantId tenant) {
    Set<String> runs = running.get(tenant);
    return runs == null ? 0 : runs.size();
  }
}
