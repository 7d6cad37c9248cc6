package dev.ltb.cdk.stack;

import dev.ltb.cdk.config.FunctionKind;
import dev.ltb.cdk.config.LtbConfig;
import dev.ltb.cdk.construct.Nag;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * The queues: shards waiting for a worker (each message carries a Step Functions task token), outbound
 * webhook deliveries, and a dead-letter queue behind each, plus one for event-stream records the progress
 * publisher could not handle. All encrypted, TLS-only.
 */
public final class QueuesStack extends Stack {
  /** AWS's advice for SQS event sources: visibility timeout at least six times the function timeout. */
  static final int VISIBILITY_PER_TIMEOUT = 6;
  /**
   * Shards are the exception: a shard of a crashed worker must be redelivered well within the state's
   * shard timeout (default 3,600 s), and batch size 1 with bounded concurrency keeps messages from
   * waiting on throttled batches, the case the six-fold advice protects against.
   */
  static final int SHARD_VISIBILITY_PER_TIMEOUT = 2;

  private final Queue shardQueue;
  private final Queue shardDeadLetters;
  private final Queue webhookQueue;
  private final Queue webhookDeadLetters;
  private final Queue eventDeadLetters;

  public QueuesStack(Construct scope, String id, StackProps props, LtbConfig config) {
    super(scope, id, props);
    this.shardDeadLetters = deadLetters("ShardDeadLetters");
    this.shardQueue =
        queue("ShardQueue", config, FunctionKind.WORKER, SHARD_VISIBILITY_PER_TIMEOUT, shardDeadLetters, config.shardMaxReceiveCount());
    this.webhookDeadLetters = deadLetters("WebhookDeadLetters");
    this.webhookQueue =
        queue(
            "WebhookQueue", config, FunctionKind.WEBHOOK_SENDER, VISIBILITY_PER_TIMEOUT, webhookDeadLetters, config.webhookMaxReceiveCount());
    this.eventDeadLetters = deadLetters("EventDeadLetters");

    CfnOutput.Builder.create(this, "ShardQueueUrl").value(shardQueue.getQueueUrl()).build();
    CfnOutput.Builder.create(this, "ShardDeadLetterQueueUrl").value(shardDeadLetters.getQueueUrl()).build();
  }

  private Queue queue(
      String id, LtbConfig config, FunctionKind consumer, int perTimeout, Queue deadLetters, int maxReceiveCount) {
    int visibility = Math.min(12 * 3600, config.tuning(consumer).timeoutSeconds() * perTimeout);
    return Queue.Builder.create(this, id)
        .encryption(QueueEncryption.SQS_MANAGED)
        .enforceSsl(true)
        .visibilityTimeout(Duration.seconds(visibility))
        .retentionPeriod(Duration.days(4))
        .deadLetterQueue(DeadLetterQueue.builder().queue(deadLetters).maxReceiveCount(maxReceiveCount).build())
        .build();
  }

  private Queue deadLetters(String id) {
    Queue queue =
        Queue.Builder.create(this, id)
            .encryption(QueueEncryption.SQS_MANAGED)
            .enforceSsl(true)
            .retentionPeriod(Duration.days(14))
            .build();
    Nag.suppress(queue, "AwsSolutions-SQS3", "This queue is a dead-letter queue; an alarm fires when it is not empty");
    return queue;
  }

  public Queue shardQueue() {
    return shardQueue;
  }

  public Queue shardDeadLetters() {
    return shardDeadLetters;
  }

  public Queue webhookQueue() {
    return webhookQueue;
  }

  public Queue webhookDeadLetters() {
    return webhookDeadLetters;
  }

  public Queue eventDeadLetters() {
    return eventDeadLetters;
  }
}
