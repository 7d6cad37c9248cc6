package dev.ltb.api;

import dev.ltb.tenancy.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Port: the first answer to each {@code Idempotency-Key} of a tenant, so a retried request gets it again. A request
 * first {@link #claim claims} its key with a conditional write, so of two simultaneous requests with one key only one
 * acts; the winner then {@link #complete completes} the claim with its answer, or {@link #release releases} it when
 * the action failed. A claim whose holder vanished (a crashed function) lapses when its lease ends.
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

  /** What a {@link #claim} found. */
  sealed interface Claim {
    /** The key is this caller's to act on; {@code token} proves it when completing or releasing. */
    record Won(String token) implements Claim {}

    /** The key already has its answer. */
    record Answered(StoredResponse response) implements Claim {}

    /** Another request holds the key until {@code leaseUntil}. */
    record InProgress(String requestHash, Instant leaseUntil) implements Claim {}
  }

  /**
   * Claims {@code key} for {@code lease} unless it has an answer or a live claim; atomic, so of racing claims exactly
   * one wins.
   */
  Claim claim(TenantId tenant, String key, String requestHash, Instant now, Duration lease);

  /** Replaces the claim holding {@code token} by the answer; false when the claim was lost (its lease ended). */
  boolean complete(TenantId tenant, String key, String token, StoredResponse response);

  /** Drops the claim holding {@code token}, so a retry acts again; nothing happens when it is not that claim. */
  void release(TenantId tenant, String key, String token);

  /** The answer kept for {@code key}; empty while it is only claimed. */
  Optional<StoredResponse> find(TenantId tenant, String key);
}
