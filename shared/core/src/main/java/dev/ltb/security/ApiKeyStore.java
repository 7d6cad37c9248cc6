package dev.ltb.security;

import dev.ltb.tenancy.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: stored API keys. Every method but {@link #findByKeyId} takes the tenant and stays inside it;
 * {@code findByKeyId} is the one global lookup (the authorizer does not know the tenant yet), answered in
 * DynamoDB from a key-id item or index readable only by the authorizer's role.
 */
public interface ApiKeyStore {

  /** Stores a new key; fails with {@link IllegalStateException} when the key id is taken (a 62^12 collision). */
  void create(ApiKeyRecord record);

  Optional<ApiKeyRecord> findByKeyId(String keyId);

  /** The tenant's keys, newest first, revoked ones included. */
  List<ApiKeyRecord> list(TenantId tenant);

  /** Marks the tenant's key revoked; false when the tenant has no such key (another tenant's key included). */
  boolean revoke(TenantId tenant, String keyId, Instant at);

  /** Records use of the tenant's key. */
  void touch(TenantId tenant, String keyId, Instant at);
}
