package dev.ltb.security;

import dev.ltb.tenancy.TenantId;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link ProviderCredentialStore} in memory: for tests and single-process use. */
public final class InMemoryProviderCredentialStore implements ProviderCredentialStore {

  private record Entry(SecretValue value, Info info) {}

  private final Map<TenantId, Map<String, Entry>> credentials = new ConcurrentHashMap<>();
  private final Clock clock;

  public InMemoryProviderCredentialStore(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void put(TenantId tenant, String name, SecretValue value) {
    credentials.computeIfAbsent(tenant, t -> new ConcurrentHashMap<>())
        .put(name, new Entry(value, new Info(name, clock.instant())));
  }

  @Override
  public List<Info> list(TenantId tenant) {
    return credentials.getOrDefault(tenant, Map.of()).values().stream().map(Entry::info)
        .sorted(Comparator.comparing(Info::name)).toList();
  }

  @Override
  public boolean delete(TenantId tenant, String name) {
    Map<String, Entry> entries = credentials.get(tenant);
    return entries != null && entries.remove(name) != null;
  }

  /** What a provider call of the tenant would resolve (the API never reads a value back). */
  public Optional<SecretValue> value(TenantId tenant, String name) {
    return Optional.ofNullable(credentials.getOrDefault(tenant, Map.of()).get(name)).map(Entry::value);
  }
}
