package dev.ltb.api;

import dev.ltb.tenancy.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/** {@link IdempotencyKeys} in memory: for tests and single-process use. Atomic through the map's compute. */
public final class InMemoryIdempotencyKeys implements IdempotencyKeys {

  /** A claim ({@code response} null) or an answer. */
  private record Entry(String requestHash, String token, Instant leaseUntil, StoredResponse response) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  @Override
  public Claim claim(TenantId tenant, String key, String requestHash, Instant now, Duration lease) {
    AtomicReference<Claim> found = new AtomicReference<>();
    entries.compute(id(tenant, key), (id, entry) -> {
      if (entry == null || (entry.response() == null && !entry.leaseUntil().isAfter(now))) {
        String token = UUID.randomUUID().toString();
        found.set(new Claim.Won(token));
        return new Entry(requestHash, token, now.plus(lease), null);
      }
      found.set(entry.response() != null
          ? new Claim.Answered(entry.response())
          : new Claim.InProgress(entry.requestHash(), entry.leaseUntil()));
      return entry;
    });
    return found.get();
  }

  @Override
  public boolean complete(TenantId tenant, String key, String token, StoredResponse response) {
    Entry done = entries.computeIfPresent(id(tenant, key), (id, entry) -> holds(entry, token)
        ? new Entry(entry.requestHash(), token, entry.leaseUntil(), response) : entry);
    return done != null && done.response() == response;
  }

  @Override
  public void release(TenantId tenant, String key, String token) {
    entries.computeIfPresent(id(tenant, key), (id, entry) -> holds(entry, token) ? null : entry);
  }

  @Override
  public Optional<StoredResponse> find(TenantId tenant, String key) {
    return Optional.ofNullable(entries.get(id(tenant, key))).map(Entry::response);
  }

  private static boolean holds(Entry entry, String token) {
    return entry.response() == null && entry.token().equals(token);
  }

  private static String id(TenantId tenant, String key) {
    return tenant.partitionKey() + "#" + key;
  }
}
