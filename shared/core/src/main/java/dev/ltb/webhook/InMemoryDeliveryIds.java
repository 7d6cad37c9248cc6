package dev.ltb.webhook;

import dev.ltb.tenancy.TenantId;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@link DeliveryIds} of one process (tests, single-process use). */
public final class InMemoryDeliveryIds implements DeliveryIds {

  private record Key(TenantId tenant, String hookId, String deliveryId) {}

  private final Map<Key, Instant> seen = new ConcurrentHashMap<>();

  @Override
  public boolean remember(TenantId tenant, String hookId, String deliveryId, Instant at) {
    return seen.putIfAbsent(new Key(tenant, hookId, deliveryId), at) == null;
  }

  @Override
  public void forget(TenantId tenant, String hookId, String deliveryId) {
    seen.remove(new Key(tenant, hookId, deliveryId));
  }

  public int size() {
    return seen.size();
  }
}
