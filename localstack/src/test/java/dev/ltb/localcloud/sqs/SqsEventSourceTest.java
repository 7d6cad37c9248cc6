package dev.ltb.localcloud.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ltb.localcloud.LocalCloud;
import dev.ltb.localcloud.LocalQueues;
import dev.ltb.localcloud.Service;
import dev.ltb.localcloud.lambda.LambdaFunction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/** The SQS event source: batches, the SQSEvent shape, partial batch responses, redrive to the DLQ, abort. */
class SqsEventSourceTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static LocalCloud cloud;
  private static SqsClient sqs;

  @BeforeAll
  static void start() {
    cloud = LocalCloud.builder().services(Service.SQS).start();
    sqs = cloud.sqs();
  }

  @AfterAll
  static void stop() {
    cloud.close();
  }

  @Test
  void deliversTheSqsEventShapeAndDeletesOnlyWhatSucceededUntilPoisonMovesToTheDeadLetterQueue() throws Exception {
    LocalQueues.QueueWithDeadLetter queues = cloud.queues().createWithDeadLetterQueue("work", 1, 2);
    List<JsonNode> events = new ArrayList<>();
    Map<String, Integer> handled = new ConcurrentHashMap<>();
    LambdaFunction worker = (payload, context) -> {
      JsonNode event = JSON.readTree(payload);
      synchronized (events) {
        events.add(event);
      }
      List<Map<String, String>> failures = new ArrayList<>();
      for (JsonNode record : event.path("Records")) {
        String body = record.path("body").asText();
        handled.merge(body, 1, Integer::sum);
        if (body.startsWith("poison")) {
          failures.add(Map.of("itemIdentifier", record.path("messageId").asText()));
        }
      }
      return JSON.writeValueAsBytes(Map.of("batchItemFailures", failures));
    };
    for (String body : List.of("shard-1", "shard-2", "poison-3", "shard-4")) {
      sqs.sendMessage(b -> b.queueUrl(queues.queue().url()).messageBody(body)
          .messageAttributes(Map.of("tenant", MessageAttributeValue.builder().dataType("String").stringValue("t1").build())));
    }

    try (SqsEventSource source = SqsEventSource.builder(sqs, queues.queue().url(), worker).batchSize(10).start()) {
      List<Message> dead = awaitMessages(queues.deadLetter().url());

      assertThat(dead).extracting(Message::body).containsExactly("poison-3");
      assertThat(handled).containsEntry("shard-1", 1).containsEntry("shard-2", 1).containsEntry("shard-4", 1)
          .containsEntry("poison-3", 2);
      assertThat(source.deletedMessages()).isEqualTo(3);
    }
    JsonNode record = events.getFirst().path("Records").get(0);
    assertThat(record.path("eventSource").asText()).isEqualTo("aws:sqs");
    assertThat(record.path("eventSourceARN").asText()).isEqualTo("arn:aws:sqs:us-east-1:000000000000:work");
    assertThat(record.path("awsRegion").asText()).isEqualTo("us-east-1");
    assertThat(record.path("attributes").path("ApproximateReceiveCount").asText()).isEqualTo("1");
    assertThat(record.path("attributes").has("SentTimestamp")).isTrue();
    assertThat(record.path("messageAttributes").path("tenant").path("stringValue").asText()).isEqualTo("t1");
    assertThat(record.path("receiptHandle").asText()).isNotBlank();
    assertThat(record.path("md5OfBody").asText()).hasSize(32);
  }

  @Test
  void aThrowingFunctionLeavesTheWholeBatchForRedelivery() throws Exception {
    String queue = cloud.queues().create("flaky", 1).url();
    sqs.sendMessage(b -> b.queueUrl(queue).messageBody("a"));
    sqs.sendMessage(b -> b.queueUrl(queue).messageBody("b"));
    Set<String> seenTwice = ConcurrentHashMap.newKeySet();
    Map<String, Integer> attempts = new ConcurrentHashMap<>();
    LambdaFunction flaky = (payload, context) -> {
      boolean firstTime = false;
      for (JsonNode record : JSON.readTree(payload).path("Records")) {
        String body = record.path("body").asText();
        if (attempts.merge(body, 1, Integer::sum) == 1) {
          firstTime = true;
        } else {
          seenTwice.add(body);
        }
      }
      if (firstTime) {
        throw new IllegalStateException("provider unavailable");
      }
      return "null".getBytes();
    };

    try (SqsEventSource source = SqsEventSource.builder(sqs, queue, flaky).start()) {
      await(() -> seenTwice.containsAll(List.of("a", "b")) && source.deletedMessages() == 2);

      assertThat(source.functionErrors()).isPositive();
      assertThat(source.deletedMessages()).isEqualTo(2);
    }
    assertThat(receiveAll(queue)).isEmpty();
  }

  @Test
  void abortAbandonsTheBatchInFlightSoItIsRedelivered() throws Exception {
    String queue = cloud.queues().create("killed", 1).url();
    sqs.sendMessage(b -> b.queueUrl(queue).messageBody("long-shard"));
    CountDownLatch started = new CountDownLatch(1);
    LambdaFunction slow = (payload, context) -> {
      started.countDown();
      Thread.sleep(60_000);
      return "null".getBytes();
    };

    SqsEventSource source = SqsEventSource.builder(sqs, queue, slow).start();
    assertThat(started.await(20, TimeUnit.SECONDS)).isTrue();
    source.abort();

    List<Message> again = awaitMessages(queue);
    assertThat(again).extracting(Message::body).containsExactly("long-shard");
    assertThat(source.deletedMessages()).isZero();
  }

  private static List<Message> receiveAll(String url) {
    return sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0)).messages();
  }

  private static List<Message> awaitMessages(String url) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1))
          .messages();
      if (!messages.isEmpty()) {
        return messages;
      }
    }
    return List.of();
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 30 s");
      }
      Thread.sleep(100);
    }
  }
}
