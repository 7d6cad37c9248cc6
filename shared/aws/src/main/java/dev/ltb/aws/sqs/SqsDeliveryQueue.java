package dev.ltb.aws.sqs;

import dev.ltb.aws.AwsConfigurationException;
import dev.ltb.webhook.DeliveryQueue;
import dev.ltb.webhook.RetrySchedule;
import dev.ltb.webhook.WebhookDelivery;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Outbound webhook deliveries on SQS: {@link #enqueue} sends the delivery ({@link DeliveryMessages}) to the webhook
 * queue with {@code DelaySeconds} (the backoff, at most 15 minutes), {@link #deadLetter} to the dead-letter queue
 * with the reason as the message attribute {@code reason}. The queue's own redrive policy still catches messages the
 * worker crashed on.
 */
public final class SqsDeliveryQueue implements DeliveryQueue {

  private final SqsClient sqs;
  private final String queueUrl;
  private final String deadLetterUrl;

  public SqsDeliveryQueue(SqsClient sqs, String queueUrl, String deadLetterUrl) {
    this.sqs = Objects.requireNonNull(sqs, "sqs");
    this.queueUrl = Objects.requireNonNull(queueUrl, "queueUrl");
    this.deadLetterUrl = Objects.requireNonNull(deadLetterUrl, "deadLetterUrl");
    Objects.requireNonNull(queueUrl, "queueUrl");
  }

  /**
   * For the pipeline's notify steps, which only queue first attempts: no dead-letter queue needed
   * ({@link #deadLetter} refuses).
   */
  public static SqsDeliveryQueue sendingOnly(SqsClient sqs, String queueUrl) {
    return new SqsDeliveryQueue(sqs, queueUrl, "");
  }

  @Override
  public void enqueue(WebhookDelivery delivery, Duration delay) {
    long seconds = Math.min(RetrySchedule.SQS_MAX_DELAY.toSeconds(), Math.max(0, (delay.toMillis() + 999) / 1000));
    send("queue a webhook delivery", queueUrl, delivery, (int) seconds, Map.of());
  }

  @Override
  public void deadLetter(WebhookDelivery delivery, String reason) {
    if (deadLetterUrl.isEmpty())
      throw new AwsConfigurationException("this function only queues webhook deliveries: it has no dead-letter queue");
    String text = reason == null || reason.isBlank() ? "unknown" : reason;
    send("dead-letter a webhook delivery", deadLetterUrl, delivery, 0, Map.of("reason",
        MessageAttributeValue.builder().dataType("String").stringValue(text.length() > 1024 ? text.substring(0, 1024) : text).build()));
  }

  private void send(String action, String url, WebhookDelivery delivery, int delaySeconds,
      Map<String, MessageAttributeValue> attributes) {
    try {
      sqs.sendMessage(send -> send.queueUrl(url).messageBody(DeliveryMessages.encode(delivery))
          .delaySeconds(delaySeconds).messageAttributes(attributes));
    } catch (SdkException e) {
      throw new AwsConfigurationException("Cannot " + action + " (" + e.getClass().getSimpleName()
          + "): check the queue exists and the function may sqs:SendMessage to it");
    }
  }
}
