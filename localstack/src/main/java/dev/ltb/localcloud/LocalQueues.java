package dev.ltb.localcloud;

import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Creates SQS queues on the local cloud through the real SQS API, with dead-letter queues wired by redrive. */
public final class LocalQueues {

  private final SqsClient sqs;

  LocalQueues(SqsClient sqs) {
    this.sqs = Objects.requireNonNull(sqs, "sqs");
  }

  /** A queue and its ARN. */
  public record Queue(String url, String arn) {}

  /** A work queue whose messages move to {@code deadLetter} after {@code maxReceiveCount} receives. */
  public record QueueWithDeadLetter(Queue queue, Queue deadLetter, int maxReceiveCount) {}

  /** Creates (or finds) a standard queue with the given visibility timeout. */
  public Queue create(String name, int visibilityTimeoutSeconds) {
    String url =
        sqs.createQueue(b -> b.queueName(name).attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(visibilityTimeoutSeconds))))
            .queueUrl();
    return new Queue(url, arn(url));
  }

  /**
   * Creates {@code name} and {@code name-dlq}, with a redrive policy on {@code name}: a message received {@code
   * maxReceiveCount} times without being deleted moves to the dead-letter queue.
   */
  public QueueWithDeadLetter createWithDeadLetterQueue(
      String name, int visibilityTimeoutSeconds, int maxReceiveCount) {
    Queue deadLetter = create(name + "-dlq", visibilityTimeoutSeconds);
    String redrive =
        "{\"deadLetterTargetArn\":\"" + deadLetter.arn() + "\",\"maxReceiveCount\":\"" + maxReceiveCount + "\"}";
    String url =
        sqs.createQueue(b -> b.queueName(name).attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(visibilityTimeoutSeconds),
                QueueAttributeName.REDRIVE_POLICY, redrive)))
            .queueUrl();
    return new QueueWithDeadLetter(new Queue(url, arn(url)), deadLetter, maxReceiveCount);
  }

  /** The queue's ARN, as SQS reports it. */
  public String arn(String queueUrl) {
    return sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes()
        .get(QueueAttributeName.QUEUE_ARN);
  }
}
