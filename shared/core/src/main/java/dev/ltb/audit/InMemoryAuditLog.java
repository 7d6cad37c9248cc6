package dev.ltb.audit;

import dev.ltb.tenancy.Page;
import dev.ltb.tenancy.TenantId;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** {@link AuditLog} of one process (single-tenant local use, tests); the cursor is the last id returned. */
public final class InMemoryAuditLog implements AuditLog {

  private final Map<TenantId, ConcurrentSkipListMap<String, AuditRecord>> trails = new ConcurrentHashMap<>();

  @Override
  public void append(AuditRecord record) {
    if (trails.computeIfAbsent(record.tenantId(), t -> new ConcurrentSkipListMap<>()).putIfAbsent(record.id(), record)
        != null) throw new IllegalStateException("audit record " + record.id() + " exists");
  }

  @Override
  public Page<AuditRecord> query(TenantId tenant, AuditQuery query) {
    NavigableMap<String, AuditRecord> trail = trails.getOrDefault(tenant, new ConcurrentSkipListMap<>()).descendingMap();
    if (query.page().cursor() != null) trail = trail.tailMap(query.page().cursor(), false);
    List<AuditRecord> matching = trail.values().stream()
        .filter(r -> query.to() == null || r.at().isBefore(query.to()))
        .filter(r -> query.from() == null || !r.at().isBefore(query.from()))
        .limit(query.page().limit() + 1L)
        .toList();
    if (matching.size() <= query.page().limit()) return Page.last(matching);
    List<AuditRecord> page = matching.subList(0, query.page().limit());
    return new Page<>(page, Optional.of(page.getLast().id()));
  }
}
