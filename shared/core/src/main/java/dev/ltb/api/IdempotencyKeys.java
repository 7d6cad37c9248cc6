package dev.ltb.api;

import dev.ltb.tenancy.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Port: the first answer to each {@code Idempotency-Key} of a tenant, so a retried request gets it again. {@link
 * #putIfAbsent} is a conditional write: of two racing requests with one key, one answer is kept.
 */
public interface IdempotencyKeys {

  /**
   * A stored answer.
   *
   * @param requestHash SHA-256 of operation and body: the same key with another request is refused
   * @param status the HTTP status of the first answer
   * @param body its body (JSON)
   */
  record StoredResponse(String requestHash, int status, String body, Instant createdAt) {
    public StoredResponse {
      Objects.requireNonNull(requestHash, "requestHash");
      Objects.requireNonNull(body, "body");
      Objects.requireNonNull(createdAt, "createdAt");
    }
  }

  Optional<StoredResponse> find(TenantId tenant, String key);

  /** Keeps {@code response} unless the key has one already; returns the answer that is kept. */
  StoredResponse putIfAbsent(TenantId tenant, String key, StoredResponse response);
}
