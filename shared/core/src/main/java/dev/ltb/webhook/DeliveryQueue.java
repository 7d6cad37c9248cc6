package dev.ltb.webhook;

import java.time.Duration;

/**
 * Port: deliveries waiting to be sent. In AWS an SQS queue ({@code DelaySeconds} for the backoff) whose consumer is
 * the delivery worker, with a dead-letter queue for deliveries that used up their attempts (and for messages the
 * worker crashed on, through the queue's redrive policy).
 */
public interface DeliveryQueue {

  void enqueue(WebhookDelivery delivery, Duration delay);

  void deadLetter(WebhookDelivery delivery, String reason);
}
