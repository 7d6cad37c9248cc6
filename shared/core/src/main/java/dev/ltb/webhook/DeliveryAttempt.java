package dev.ltb.webhook;

import dev.ltb.tenancy.TenantId;
import java.time.Instant;

/**
 * One line of a webhook's delivery log.
 *
 * @param tenantId owner
 * @param webhookId the webhook
 * @param deliveryId stable across attempts
 * @param eventId the event
 * @param eventType the event's type
 * @param attempt 1-based
 * @param at when it was tried
 * @param outcome how it went
 * @param statusCode the receiver's HTTP status, null when none came back
 * @param durationMs time to the response or failure
 * @param error short reason when not delivered (no URL, no body, no secret), or null
 * @param nextAttemptAt when the next attempt is due, or null
 */
public record DeliveryAttempt(
    TenantId tenantId,
    String webhookId,
    String deliveryId,
    String eventId,
    WebhookEventType eventType,
    int attempt,
    Instant at,
    Outcome outcome,
    Integer statusCode,
    long durationMs,
    String error,
    Instant nextAttemptAt) {

  /** How an attempt ended. */
  public enum Outcome {
    /** 2xx. */
    DELIVERED,
    /** Failed, another attempt is scheduled. */
    RETRY_SCHEDULED,
    /** Failed for good: the receiver refused (4xx other than 408/429), or the attempts are used up (dead letter). */
    FAILED,
    /** Not sent: the webhook is gone or disabled, its secret missing or its URL no longer allowed. */
    SKIPPED
  }
}
