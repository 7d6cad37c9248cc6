package dev.ltb.webhook;

import java.util.Objects;

/**
 * One event for one webhook, as queued: the body of a delivery message. {@code deliveryId} is derived from the
 * event and the webhook, so it stays the same across attempts (receivers deduplicate on {@code X-LTB-Delivery}).
 *
 * @param attempt 1 for the first try
 */
public record WebhookDelivery(String deliveryId, String webhookId, WebhookEvent event, int attempt) {

  public WebhookDelivery {
    Objects.requireNonNull(deliveryId, "deliveryId");
    Objects.requireNonNull(webhookId, "webhookId");
    Objects.requireNonNull(event, "event");
    if (attempt < 1) throw new IllegalArgumentException("attempt must be >= 1");
  }

  public WebhookDelivery nextAttempt() {
    return new WebhookDelivery(deliveryId, webhookId, event, attempt + 1);
  }
}
