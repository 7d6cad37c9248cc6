package dev.ltb.localcloud.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.localcloud.LocalCloud;
import dev.ltb.localcloud.lambda.LambdaFunction;
import dev.ltb.localcloud.lambda.LocalLambdaContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Drives a function from an SQS queue the way a Lambda event source mapping does: long-polls batches (up to
 * {@code batchSize} messages), hands each batch to the function as the real {@code SQSEvent} JSON
 * ({@code Records[].messageId, receiptHandle, body, attributes.ApproximateReceiveCount, messageAttributes,
 * eventSourceARN, ...}), and deletes what succeeded:
 *
 * <ul>
 *   <li>the function returns → every message is deleted, except, with {@code reportBatchItemFailures} (on by
 *       default, as the project's worker uses it), those listed in {@code {"batchItemFailures":
 *       [{"itemIdentifier": messageId}]}}; a malformed list (an identifier not in the batch) fails the whole
 *       batch, as in Lambda;
 *   <li>the function throws → nothing is deleted.
 * </ul>
 *
 * Messages not deleted come back after the queue's visibility timeout, and after the redrive policy's {@code
 * maxReceiveCount} they move to the dead-letter queue (see {@link dev.ltb.localcloud.LocalQueues}).
 *
 * <p>{@link #close()} stops polling and waits for in-flight batches; {@link #abort()} stops at once and
 * abandons in-flight batches undeleted, like a worker killed mid-batch.
 */
public final class SqsEventSource implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SqsEventSource.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SqsClient sqs;
  private final String queueUrl;
  private final String queueArn;
  private final LambdaFunction function;
  private final String functionName;
  private final int batchSize;
  private final int waitTimeSeconds;
  private final boolean reportBatchItemFailures;
  private final Duration functionTimeout;
  private final List<Thread> pollers = new ArrayList<>();
  private final AtomicLong invocations = new AtomicLong();
  private final AtomicLong functionErrors = new AtomicLong();
  private final AtomicLong deleted = new AtomicLong();
  private volatile boolean running = true;
  private volatile boolean aborted;

  private SqsEventSource(Builder builder) {
    this.sqs = builder.sqs;
    this.queueUrl = builder.queueUrl;
    this.function = builder.function;
    this.functionName = builder.functionName;
    this.batchSize = builder.batchSize;
    this.waitTimeSeconds = builder.waitTimeSeconds;
    this.reportBatchItemFailures = builder.reportBatchItemFailures;
    this.functionTimeout = builder.functionTimeout;
    this.queueArn =
        sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
            .attributes()
            .get(QueueAttributeName.QUEUE_ARN);
    for (int i = 0; i < builder.pollers; i++) {
      Thread thread = new Thread(this::poll, "sqs-event-source-" + functionName + "-" + i);
      thread.setDaemon(true);
      pollers.add(thread);
    }
    pollers.forEach(Thread::start);
  }

  /** An event source from {@code queueUrl} to {@code function}; configure, then {@link Builder#start()}. */
  public static Builder builder(SqsClient sqs, String queueUrl, LambdaFunction function) {
    return new Builder(sqs, queueUrl, function);
  }

  /** Batches handed to the function so far. */
  public long invocations() {
    return invocations.get();
  }

  /** Invocations that threw (their whole batch left for redelivery). */
  public long functionErrors() {
    return functionErrors.get();
  }

  /** Messages deleted after success. */
  public long deletedMessages() {
    return deleted.get();
  }

  /** Stops polling and waits for the batches in flight to finish (and be deleted). */
  @Override
  public void close() {
    running = false;
    for (Thread thread : pollers) {
      try {
        thread.join(functionTimeout.toMillis() + (waitTimeSeconds + 5) * 1000L);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
  }

  /**
   * Stops at once: pollers are interrupted and in-flight batches are abandoned without deleting anything, so
   * their messages are redelivered after the visibility timeout (a worker killed mid-batch).
   */
  public void abort() {
    aborted = true;
    running = false;
    pollers.forEach(Thread::interrupt);
    for (Thread thread : pollers) {
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
  }

  private void poll() {
    while (running) {
      List<Message> batch;
      try {
        batch = sqs.receiveMessage(b -> b.queueUrl(queueUrl)
                .maxNumberOfMessages(batchSize)
                .waitTimeSeconds(waitTimeSeconds)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                .messageAttributeNames("All"))
            .messages();
      } catch (AbortedException e) {
        return;
      } catch (SdkException e) {
        if (!running) {
          return;
        }
        LOG.warn("receiving from {} failed; polling again in 1 s", queueUrl, e);
        sleepQuietly(1_000);
        continue;
      }
      if (!batch.isEmpty()) {
        handle(batch);
      }
    }
  }

  private void handle(List<Message> batch) {
    invocations.incrementAndGet();
    Set<String> failed;
    try {
      byte[] result = function.invoke(
          JSON.writeValueAsBytes(event(batch)),
          LocalLambdaContext.start(functionName, 1024, functionTimeout));
      failed = failedMessageIds(result, batch);
    } catch (Exception e) {
      if (aborted || Thread.currentThread().isInterrupted()) {
        return;
      }
      functionErrors.incrementAndGet();
      LOG.info("function {} failed on a batch of {}: {}; the batch returns after the visibility timeout",
          functionName, batch.size(), e.toString());
      return;
    }
    if (aborted) {
      return;
    }
    List<DeleteMessageBatchRequestEntry> deletes = new ArrayList<>();
    for (Message message : batch) {
      if (!failed.contains(message.messageId())) {
        deletes.add(DeleteMessageBatchRequestEntry.builder()
            .id(Integer.toString(deletes.size()))
            .receiptHandle(message.receiptHandle())
            .build());
      }
    }
    if (!deletes.isEmpty()) {
      var response = sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(deletes));
      deleted.addAndGet(response.successful().size());
      response.failed().forEach(f -> LOG.warn("could not delete a message from {}: {}", queueUrl, f.message()));
    }
  }

  /** The ids to keep (not delete): none, those the partial batch response names, or all if it is invalid. */
  private Set<String> failedMessageIds(byte[] result, List<Message> batch) {
    Set<String> all = new HashSet<>();
    batch.forEach(m -> all.add(m.messageId()));
    if (!reportBatchItemFailures || result == null || result.length == 0) {
      return Set.of();
    }
    JsonNode response;
    try {
      response = JSON.readTree(result);
    } catch (Exception e) {
      return Set.of(); // not JSON: Lambda treats a non-batch-response result as full success
    }
    JsonNode failures = response == null ? null : response.get("batchItemFailures");
    if (failures == null || failures.isNull()) {
      return Set.of();
    }
    if (!failures.isArray()) {
      LOG.warn("function {} answered a malformed batchItemFailures; the whole batch fails", functionName);
      return all;
    }
    Set<String> failed = new HashSet<>();
    for (JsonNode failure : failures) {
      String id = failure.path("itemIdentifier").asText("");
      if (!all.contains(id)) {
        LOG.warn("function {} reported failure of unknown item '{}'; the whole batch fails", functionName, id);
        return all;
      }
      failed.add(id);
    }
    return failed;
  }

  private ObjectNode event(List<Message> batch) {
    ObjectNode event = JSON.createObjectNode();
    ArrayNode records = event.putArray("Records");
    for (Message message : batch) {
      ObjectNode record = records.addObject();
      record.put("messageId", message.messageId());
      record.put("receiptHandle", message.receiptHandle());
      record.put("body", message.body());
      ObjectNode attributes = record.putObject("attributes");
      for (Map.Entry<MessageSystemAttributeName, String> a : message.attributes().entrySet()) {
        attributes.put(a.getKey().toString(), a.getValue());
      }
      ObjectNode messageAttributes = record.putObject("messageAttributes");
      for (Map.Entry<String, MessageAttributeValue> a : message.messageAttributes().entrySet()) {
        ObjectNode value = messageAttributes.putObject(a.getKey());
        MessageAttributeValue v = a.getValue();
        value.put("stringValue", v.stringValue());
        value.put("binaryValue",
            v.binaryValue() == null ? null : Base64.getEncoder().encodeToString(v.binaryValue().asByteArray()));
        value.putArray("stringListValues");
        value.putArray("binaryListValues");
        value.put("dataType", v.dataType());
      }
      record.put("md5OfBody", message.md5OfBody());
      if (message.md5OfMessageAttributes() != null) {
        record.put("md5OfMessageAttributes", message.md5OfMessageAttributes());
      }
      record.put("eventSource", "aws:sqs");
      record.put("eventSourceARN", queueArn);
      record.put("awsRegion", LocalCloud.REGION);
    }
    return event;
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Settings of an event source mapping; defaults as in Lambda where they exist. */
  public static final class Builder {

    private final SqsClient sqs;
    private final String queueUrl;
    private final LambdaFunction function;
    private String functionName = "function";
    private int batchSize = 10;
    private int waitTimeSeconds = 1;
    private int pollers = 1;
    private boolean reportBatchItemFailures = true;
    private Duration functionTimeout = Duration.ofMinutes(15);

    private Builder(SqsClient sqs, String queueUrl, LambdaFunction function) {
      this.sqs = Objects.requireNonNull(sqs, "sqs");
      this.queueUrl = Objects.requireNonNull(queueUrl, "queueUrl");
      this.function = Objects.requireNonNull(function, "function");
    }

    /** The name the function's context reports. */
    public Builder functionName(String name) {
      this.functionName = Objects.requireNonNull(name, "name");
      return this;
    }

    /** Messages per batch, 1 to 10 (Lambda's default: 10). */
    public Builder batchSize(int size) {
      if (size < 1 || size > 10) {
        throw new IllegalArgumentException("batchSize must be 1..10, was " + size);
      }
      this.batchSize = size;
      return this;
    }

    /** Long-poll wait per receive, 0 to 20 s (default 1 s here, so that close() is quick). */
    public Builder waitTimeSeconds(int seconds) {
      if (seconds < 0 || seconds > 20) {
        throw new IllegalArgumentException("waitTimeSeconds must be 0..20, was " + seconds);
      }
      this.waitTimeSeconds = seconds;
      return this;
    }

    /** Concurrent pollers, each handling one batch at a time (Lambda scales these; default 1). */
    public Builder pollers(int count) {
      if (count < 1) {
        throw new IllegalArgumentException("pollers must be at least 1, was " + count);
      }
      this.pollers = count;
      return this;
    }

    /** Whether the function's {@code batchItemFailures} response is honoured (default true). */
    public Builder reportBatchItemFailures(boolean enabled) {
      this.reportBatchItemFailures = enabled;
      return this;
    }

    /** What the function's context reports as its timeout (default 15 minutes). */
    public Builder functionTimeout(Duration timeout) {
      this.functionTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    public SqsEventSource start() {
      return new SqsEventSource(this);
    }
  }
}
