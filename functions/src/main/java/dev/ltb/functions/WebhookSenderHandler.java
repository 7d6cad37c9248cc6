package dev.ltb.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import dev.ltb.aws.sqs.DeliveryMessages;
import dev.ltb.functions.wire.SqsEvent;
import dev.ltb.webhook.WebhookDelivery;
import dev.ltb.webhook.WebhookDeliveryWorker;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code webhook-sender}: an SQS batch of webhook deliveries → a partial batch response. Each message is one attempt
 * of one delivery, sent by the core's {@link WebhookDeliveryWorker} (signed, logged); a failed attempt is queued again
 * by the worker with the backoff as {@code DelaySeconds}, or dead-lettered when out of attempts, so the message itself
 * is done. Only a message the worker could not handle (unreadable, or the table, secret store or queue failing) is
 * listed in {@code batchItemFailures}: it alone comes back, and after the queue's {@code maxReceiveCount} goes to
 * the dead-letter queue by the redrive policy.
 */
@Named("webhook-sender")
@Singleton
public class WebhookSenderHandler extends JsonHandler<SqsEvent, SQSBatchResponse> {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookSenderHandler.class);

  private final WebhookDeliveryWorker worker;

  @Inject
  public WebhookSenderHandler(WebhookDeliveryWorker worker) {
    super(SqsEvent.class);
    this.worker = worker;
  }

  @Override
  protected SQSBatchResponse handle(SqsEvent event, Context context) {
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    for (SqsEvent.Message message : event.records())
      if (!handled(message)) failures.add(new SQSBatchResponse.BatchItemFailure(message.messageId()));
    return new SQSBatchResponse(failures);
  }

  private boolean handled(SqsEvent.Message message) {
    WebhookDelivery delivery;
    try {
      delivery = DeliveryMessages.decode(message.body());
    } catch (RuntimeException e) {
      LOG.error("webhook delivery message {} is unreadable: {}", message.messageId(), e.getMessage());
      return false;
    }
    try {
      worker.deliver(delivery);
      return true;
    } catch (RuntimeException e) {
      LOG.error("webhook delivery {} (attempt {}) of webhook {} failed: {}", delivery.deliveryId(), delivery.attempt(),
          delivery.webhookId(), e.getMessage());
      return false;
    }
  }
}
