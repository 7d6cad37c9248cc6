package dev.ltb.security;

import dev.ltb.security.AuthenticationException.Reason;
import dev.ltb.tenancy.Ids;
import dev.ltb.tenancy.ResourceNotFoundException;
import dev.ltb.tenancy.TenantId;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues, verifies, lists and revokes tenant API keys. Verification parses the key id, reads one record and runs
 * one Argon2id check (a decoy check when the id is unknown); revoked keys fail after the hash check, so all
 * failures cost the same. Last use is written at most once per {@link #TOUCH_INTERVAL}.
 */
public final class ApiKeys {

  static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}");
  private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);

  private final ApiKeyStore store;
  private final ApiKeyHasher hasher;
  private final Clock clock;
  private final SecureRandom random;

  public ApiKeys(ApiKeyStore store, ApiKeyHasher hasher, Clock clock) {
    this(store, hasher, clock, new SecureRandom());
  }

  ApiKeys(ApiKeyStore store, ApiKeyHasher hasher, Clock clock, SecureRandom random) {
    this.store = Objects.requireNonNull(store, "store");
    this.hasher = Objects.requireNonNull(hasher, "hasher");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
  }

  /** A new key for the tenant; its plaintext is in the result and nowhere else. */
  public IssuedApiKey issue(TenantId tenant, String name, Principal issuer) {
    if (name == null || !NAME.matcher(name).matches())
      throw new IllegalArgumentException("API key name " + Ids.describe(name)
          + " must be 1-64 characters of letters, digits, spaces and ._-");
    if (!issuer.tenantId().equals(tenant)) throw new ResourceNotFoundException("tenant", tenant.value());
    String key = ApiKeyFormat.generate(random);
    String keyId = ApiKeyFormat.keyId(key).orElseThrow();
    ApiKeyRecord record = new ApiKeyRecord(tenant, keyId, name, hasher.hash(key), Role.SERVICE, clock.instant(),
        issuer.principalId(), null, null);
    store.create(record);
    log.info("issued API key {} for tenant {}", record.display(), tenant);
    return new IssuedApiKey(SecretValue.of(key), record);
  }

  /** The principal the key acts as; throws {@link AuthenticationException} for anything else. */
  public Principal verify(SecretValue presented) {
    String key = presented.reveal();
    Optional<String> keyId = ApiKeyFormat.keyId(key);
    if (keyId.isEmpty()) throw new AuthenticationException(Reason.MALFORMED);
    Optional<ApiKeyRecord> found = store.findByKeyId(keyId.get());
    if (found.isEmpty()) {
      hasher.burn(key);
      log.debug("API key {} refused: unknown key id", ApiKeyFormat.display(keyId.get()));
      throw new AuthenticationException(Reason.UNKNOWN_KEY);
    }
    ApiKeyRecord record = found.get();
    if (!hasher.matches(key, record.hash())) {
      log.debug("API key {} refused: wrong secret", record.display());
      throw new AuthenticationException(Reason.WRONG_SECRET);
    }
    if (record.revoked()) {
      log.debug("API key {} refused: revoked at {}", record.display(), record.revokedAt());
      throw new AuthenticationException(Reason.REVOKED_KEY);
    }
    Instant now = clock.instant();
    if (record.lastUsedAt() == null || record.lastUsedAt().plus(TOUCH_INTERVAL).isBefore(now))
      store.touch(record.tenantId(), record.keyId(), now);
    return new Principal(record.tenantId(), "key:" + record.keyId(), record.role(), PrincipalKind.API_KEY);
  }

  public List<ApiKeyRecord> list(TenantId tenant) {
    return store.list(tenant);
  }

  /** Revokes the tenant's key; a key id of another tenant is reported as not found. */
  public void revoke(TenantId tenant, String keyId) {
    Ids.requireResourceId("keyId", keyId);
    if (!store.revoke(tenant, keyId, clock.instant())) throw new ResourceNotFoundException("api-key", keyId);
    log.info("revoked API key {} of tenant {}", ApiKeyFormat.display(keyId), tenant);
  }
}
