package dev.ltb.webhook;

import dev.ltb.security.SecretValue;
import dev.ltb.tenancy.ResourceNotFoundException;
import dev.ltb.tenancy.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends queued deliveries: signs the event with the webhook's secret ({@link LtbSignature}, fresh timestamp per
 * attempt), POSTs it, logs the attempt and, on a retryable failure (no answer, 408, 429, 5xx), queues the next
 * attempt with the {@link RetrySchedule}'s delay, or dead-letters the delivery when the attempts are used up. A
 * 4xx other than 408/429 is final: the receiver refused the event.
 */
public final class WebhookDeliveryWorker {

  public static final String USER_AGENT = "ltb-webhooks/1";
  private static final Logger log = LoggerFactory.getLogger(WebhookDeliveryWorker.class);

  private final WebhookSubscriptions subscriptions;
  private final WebhookSecrets secrets;
  private final WebhookSender sender;
  private final DeliveryQueue queue;
  private final DeliveryLog deliveryLog;
  private final EndpointPolicy policy;
  private final RetrySchedule schedule;
  private final Clock clock;

  public WebhookDeliveryWorker(
      WebhookSubscriptions subscriptions, WebhookSecrets secrets, WebhookSender sender, DeliveryQueue queue,
      DeliveryLog deliveryLog, EndpointPolicy policy, RetrySchedule schedule, Clock clock) {
    this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
    this.secrets = Objects.requireNonNull(secrets, "secrets");
    this.sender = Objects.requireNonNull(sender, "sender");
    this.queue = Objects.requireNonNull(queue, "queue");
    this.deliveryLog = Objects.requireNonNull(deliveryLog, "deliveryLog");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.schedule = Objects.requireNonNull(schedule, "schedule");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** One attempt of a queued delivery; returns the logged attempt. */
  public DeliveryAttempt deliver(WebhookDelivery delivery) {
    TenantId tenant = delivery.event().tenant();
    Optional<WebhookSubscription> subscription = subscriptions.find(tenant, delivery.webhookId())
        .filter(found -> found.tenantId().equals(tenant) && found.enabled());
    if (subscription.isEmpty()) return skipped(delivery, "webhook deleted or disabled");
    return attempt(subscription.get(), delivery, true);
  }

  /** The test-delivery endpoint: one {@code webhook.test} event sent now, no retries, logged like any other. */
  public DeliveryAttempt sendTest(TenantId tenant, String webhookId) {
    WebhookSubscription subscription = subscriptions.find(tenant, webhookId)
        .filter(found -> found.tenantId().equals(tenant))
        .orElseThrow(() -> new ResourceNotFoundException("webhook", webhookId));
    WebhookEvent event = RunOutcomeEvents.test(tenant, webhookId, clock.instant());
    return attempt(subscription, new WebhookDelivery(RunOutcomeEvents.deliveryId(event.id(), webhookId), webhookId,
        event, 1), false);
  }

  private DeliveryAttempt attempt(WebhookSubscription subscription, WebhookDelivery delivery, boolean retry) {
    TenantId tenant = subscription.tenantId();
    Optional<SecretValue> secret = secrets.find(tenant, subscription.webhookId());
    if (secret.isEmpty()) return skipped(delivery, "webhook has no signing secret");
    try {
      policy.check(subscription.url());
    } catch (IllegalArgumentException e) {
      return skipped(delivery, "URL not allowed: " + e.getMessage());
    }
    Instant now = clock.instant();
    byte[] body = delivery.event().body();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("User-Agent", USER_AGENT);
    headers.put(LtbSignature.EVENT_HEADER, delivery.event().type().id());
    headers.put(LtbSignature.DELIVERY_HEADER, delivery.deliveryId());
    headers.put(LtbSignature.HEADER, LtbSignature.header(secret.get(), now, body));
    WebhookSender.Response response = sender.post(subscription.url(), body, headers);

    DeliveryAttempt.Outcome outcome;
    Instant next = null;
    String error = response.error();
    if (response.delivered()) {
      outcome = DeliveryAttempt.Outcome.DELIVERED;
    } else if (!retryable(response) || !retry) {
      outcome = DeliveryAttempt.Outcome.FAILED;
      if (error == null) error = "receiver answered " + response.status();
    } else {
      if (error == null) error = "receiver answered " + response.status();
      Optional<Duration> delay = schedule.delayBefore(delivery.attempt() + 1);
      if (delay.isPresent()) {
        outcome = DeliveryAttempt.Outcome.RETRY_SCHEDULED;
        next = now.plus(delay.get());
        queue.enqueue(delivery.nextAttempt(), delay.get());
      } else {
        outcome = DeliveryAttempt.Outcome.FAILED;
        error = error + "; gave up after " + delivery.attempt() + " attempts";
        queue.deadLetter(delivery, error);
      }
    }
    DeliveryAttempt attempt = new DeliveryAttempt(tenant, subscription.webhookId(), delivery.deliveryId(),
        delivery.event().id(), delivery.event().type(), delivery.attempt(), now, outcome, response.status(),
        response.durationMs(), error, next);
    deliveryLog.append(attempt);
    log.info("webhook {} of tenant {} to host {}: {} {} (attempt {}, {})", subscription.webhookId(), tenant,
        subscription.url().getHost(), delivery.event().type().id(), outcome, delivery.attempt(),
        response.status() == null ? response.error() : "HTTP " + response.status());
    return attempt;
  }

  private static boolean retryable(WebhookSender.Response response) {
    Integer status = response.status();
    return status == null || status == 408 || status == 425 || status == 429 || status >= 500;
  }

  private DeliveryAttempt skipped(WebhookDelivery delivery, String reason) {
    DeliveryAttempt attempt = new DeliveryAttempt(delivery.event().tenant(), delivery.webhookId(),
        delivery.deliveryId(), delivery.event().id(), delivery.event().type(), delivery.attempt(), clock.instant(),
        DeliveryAttempt.Outcome.SKIPPED, null, 0, reason, null);
    deliveryLog.append(attempt);
    log.info("webhook {} of tenant {}: {} skipped: {}", delivery.webhookId(), delivery.event().tenant(),
        delivery.event().type().id(), reason);
    return attempt;
  }
}
