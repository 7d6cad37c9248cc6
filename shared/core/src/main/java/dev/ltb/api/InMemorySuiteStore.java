package dev.ltb.api;

import dev.ltb.tenancy.Page;
import dev.ltb.tenancy.PageRequest;
import dev.ltb.tenancy.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** {@link SuiteStore} in memory: for tests and single-process use. */
public final class InMemorySuiteStore implements SuiteStore {

  private final Map<TenantId, ConcurrentSkipListMap<String, ConcurrentSkipListMap<Integer, StoredSuite>>> suites =
      new ConcurrentHashMap<>();

  @Override
  public boolean add(StoredSuite suite) {
    return versions(suite.tenant(), suite.suiteId()).putIfAbsent(suite.version(), suite) == null;
  }

  @Override
  public Optional<StoredSuite> find(TenantId tenant, String suiteId, Integer version) {
    var versions = suites.getOrDefault(tenant, new ConcurrentSkipListMap<>()).get(suiteId);
    if (versions == null || versions.isEmpty()) return Optional.empty();
    return Optional.ofNullable(version == null ? versions.lastEntry().getValue() : versions.get(version));
  }

  @Override
  public Page<StoredSuite.SuiteInfo> list(TenantId tenant, PageRequest page) {
    var all = suites.getOrDefault(tenant, new ConcurrentSkipListMap<>());
    var after = page.cursor() == null ? all : all.tailMap(page.cursor(), false);
    List<StoredSuite.SuiteInfo> items = new ArrayList<>();
    String last = null;
    for (var entry : after.entrySet()) {
      if (entry.getValue().isEmpty()) continue;
      if (items.size() == page.limit()) return new Page<>(items, Optional.of(last));
      items.add(entry.getValue().lastEntry().getValue().info());
      last = entry.getKey();
    }
    return Page.last(items);
  }

  @Override
  public boolean delete(TenantId tenant, String suiteId) {
    var all = suites.get(tenant);
    return all != null && all.remove(suiteId) != null;
  }

  private ConcurrentSkipListMap<Integer, StoredSuite> versions(TenantId tenant, String suiteId) {
    return suites.computeIfAbsent(tenant, t -> new ConcurrentSkipListMap<>())
        .computeIfAbsent(suiteId, s -> new ConcurrentSkipListMap<>());
  }
}
