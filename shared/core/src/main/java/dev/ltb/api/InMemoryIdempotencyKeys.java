package dev.ltb.api;

import dev.ltb.tenancy.TenantId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link IdempotencyKeys} in memory: for tests and single-process use. */
public final class InMemoryIdempotencyKeys implements IdempotencyKeys {

  private final Map<String, StoredResponse> responses = new ConcurrentHashMap<>();

  @Override
  public Optional<StoredResponse> find(TenantId tenant, String key) {
    return Optional.ofNullable(responses.get(tenant.partitionKey() + "#" + key));
  }

  @Override
  public StoredResponse putIfAbsent(TenantId tenant, String key, StoredResponse response) {
    StoredResponse earlier = responses.putIfAbsent(tenant.partitionKey() + "#" + key, response);
    return earlier == null ? response : earlier;
  }
}
