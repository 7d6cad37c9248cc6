package dev.ltb.api;

import dev.ltb.tenancy.Page;
import dev.ltb.tenancy.PageRequest;
import dev.ltb.tenancy.TenantId;
import java.util.Optional;

/**
 * Port: a tenant's suites and their versions. Versions are immutable; {@link #add} is a conditional put, so two
 * writers racing for the same version cannot both win. In DynamoDB {@code TENANT#<t>} / {@code SUITE#<id>#V#<n>}.
 */
public interface SuiteStore {

  /** Stores a new version; false when that version of that suite already exists (nothing changed). */
  boolean add(StoredSuite suite);

  /** The given version, or the latest when {@code version} is null. */
  Optional<StoredSuite> find(TenantId tenant, String suiteId, Integer version);

  /** The latest version of each suite, ordered by suite id. */
  Page<StoredSuite.SuiteInfo> list(TenantId tenant, PageRequest page);

  /** Deletes every version; false when there was no such suite. */
  boolean delete(TenantId tenant, String suiteId);
}
