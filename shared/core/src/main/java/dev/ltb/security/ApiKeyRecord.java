package dev.ltb.security;

import dev.ltb.tenancy.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * A stored API key: everything but the key itself, which exists only as {@code hash}.
 *
 * @param tenantId the tenant the key acts for
 * @param keyId the non-secret lookup id (12 base62 characters after {@code ltb_})
 * @param name what the owner called it, e.g. {@code github-actions}
 * @param hash Argon2id hash of the whole key in PHC string format ({@link ApiKeyHasher})
 * @param role the role it acts with ({@link Role#SERVICE})
 * @param createdAt when it was issued
 * @param createdBy principal id of whoever issued it
 * @param revokedAt when it was revoked, or null
 * @param lastUsedAt when it last authenticated (updated at most once a minute), or null
 */
public record ApiKeyRecord(
    TenantId tenantId,
    String keyId,
    String name,
    String hash,
    Role role,
    Instant createdAt,
    String createdBy,
    Instant revokedAt,
    Instant lastUsedAt) {

  public ApiKeyRecord {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  public boolean revoked() {
    return revokedAt != null;
  }

  /** {@code ltb_<keyId>…}: how the key is shown after it was issued. */
  public String display() {
    return ApiKeyFormat.display(keyId);
  }

  public ApiKeyRecord withLastUsedAt(Instant at) {
    return new ApiKeyRecord(tenantId, keyId, name, hash, role, createdAt, createdBy, revokedAt, at);
  }

  public ApiKeyRecord withRevokedAt(Instant at) {
    return new ApiKeyRecord(tenantId, keyId, name, hash, role, createdAt, createdBy, at, lastUsedAt);
  }

  /** Leaves the hash out: it is not the key, but it has no business in logs either. */
  @Override
  public String toString() {
    return "ApiKeyRecord[tenantId=" + tenantId + ", keyId=" + keyId + ", name=" + name + ", role=" + role.id()
        + ", createdAt=" + createdAt + ", revokedAt=" + revokedAt + ", lastUsedAt=" + lastUsedAt + "]";
  }
}
