package dev.ltb.security;

import dev.ltb.tenancy.TenantId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link ApiKeyStore} of one process (single-tenant local use, tests). */
public final class InMemoryApiKeyStore implements ApiKeyStore {

  private final Map<String, ApiKeyRecord> byKeyId = new ConcurrentHashMap<>();

  @Override
  public void create(ApiKeyRecord record) {
    if (byKeyId.putIfAbsent(record.keyId(), record) != null)
      throw new IllegalStateException("key id " + record.keyId() + " is taken");
  }

  @Override
  public Optional<ApiKeyRecord> findByKeyId(String keyId) {
    return Optional.ofNullable(byKeyId.get(keyId));
  }

  @Override
  public List<ApiKeyRecord> list(TenantId tenant) {
    return byKeyId.values().stream()
        .filter(record -> record.tenantId().equals(tenant))
        .sorted(Comparator.comparing(ApiKeyRecord::createdAt).reversed())
        .toList();
  }

  @Override
  public boolean revoke(TenantId tenant, String keyId, Instant at) {
    boolean[] revoked = {false};
    byKeyId.computeIfPresent(keyId, (id, record) -> {
      if (!record.tenantId().equals(tenant)) return record;
      revoked[0] = true;
      return record.revoked() ? record : record.withRevokedAt(at);
    });
    return revoked[0];
  }

  @Override
  public void touch(TenantId tenant, String keyId, Instant at) {
    byKeyId.computeIfPresent(keyId, (id, record) -> record.tenantId().equals(tenant) ? record.withLastUsedAt(at) : record);
  }
}
