package dev.ltb.localcloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** Each storage emulator reached with the real AWS SDK v2 clients, configured the standard way. */
class StorageEmulatorsTest {

  private static LocalCloud cloud;

  @BeforeAll
  static void start() {
    cloud = LocalCloud.builder().services(Service.SQS, Service.S3, Service.DYNAMODB).start();
  }

  @AfterAll
  static void stop() {
    cloud.close();
  }

  @Test
  void dynamodbStoresItemsAndRejectsAConditionalWriteOnAnExistingKey() {
    try (DynamoDbClient dynamo = cloud.client(Service.DYNAMODB, DynamoDbClient.builder())) {
      dynamo.createTable(b -> b.tableName("runs")
          .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk").keyType(KeyType.RANGE))
          .attributeDefinitions(
              a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
              a -> a.attributeName("sk").attributeType(ScalarAttributeType.S))
          .billingMode("PAY_PER_REQUEST"));
      Map<String, AttributeValue> item = Map.of(
          "pk", AttributeValue.fromS("TENANT#t1"),
          "sk", AttributeValue.fromS("RUN#r1"),
          "status", AttributeValue.fromS("QUEUED"));
      dynamo.putItem(b -> b.tableName("runs").item(item).conditionExpression("attribute_not_exists(pk)"));

      assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName("runs")
              .item(Map.of("pk", item.get("pk"), "sk", item.get("sk"), "status", AttributeValue.fromS("RUNNING")))
              .conditionExpression("attribute_not_exists(pk)")))
          .isInstanceOf(ConditionalCheckFailedException.class);
      Map<String, AttributeValue> stored = dynamo.getItem(b -> b.tableName("runs")
          .key(Map.of("pk", item.get("pk"), "sk", item.get("sk"))).consistentRead(true)).item();
      assertThat(stored.get("status").s()).isEqualTo("QUEUED");
    }
  }

  @Test
  void s3StoresAndReturnsObjectsPathStyle() {
    try (S3Client s3 = cloud.client(Service.S3, S3Client.builder())) {
      s3.createBucket(b -> b.bucket("ltb-results"));
      s3.putObject(b -> b.bucket("ltb-results").key("tenants/t1/runs/r1/summary.json"),
          RequestBody.fromString("{\"passRate\":0.75}"));

      String body = s3.getObjectAsBytes(b -> b.bucket("ltb-results").key("tenants/t1/runs/r1/summary.json"))
          .asUtf8String();
      assertThat(body).isEqualTo("{\"passRate\":0.75}");
      assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket("ltb-results").key("tenants/t1/missing")))
          .isInstanceOf(NoSuchKeyException.class);
    }
  }

  @Test
  void sqsDeliversMessagesAndRedrivesUnprocessedOnesToTheDeadLetterQueue() throws Exception {
    SqsClient sqs = cloud.sqs();
    LocalQueues.QueueWithDeadLetter queues = cloud.queues().createWithDeadLetterQueue("shards", 1, 2);
    assertThat(queues.queue().arn()).isEqualTo("arn:aws:sqs:us-east-1:000000000000:shards");
    sqs.sendMessage(b -> b.queueUrl(queues.queue().url()).messageBody("shard-7"));

    for (int receive = 1; receive <= 2; receive++) {
      List<Message> got = receive(sqs, queues.queue().url());
      assertThat(got).singleElement().satisfies(m -> assertThat(m.body()).isEqualTo("shard-7"));
      Thread.sleep(1_100); // not deleted: visible again after the 1 s visibility timeout
    }
    assertThat(sqs.receiveMessage(b -> b.queueUrl(queues.queue().url()).waitTimeSeconds(1)).messages()).isEmpty();
    List<Message> dead = receive(sqs, queues.deadLetter().url());
    assertThat(dead).singleElement().satisfies(m -> assertThat(m.body()).isEqualTo("shard-7"));
  }

  @Test
  void standardConfigurationPointsTheSdkDefaultsAtTheEmulators() {
    assertThat(cloud.systemProperties())
        .containsEntry("aws.region", "us-east-1")
        .containsEntry("aws.endpointUrlSqs", cloud.endpoint(Service.SQS).toString())
        .containsEntry("aws.endpointUrlDynamoDb", cloud.endpoint(Service.DYNAMODB).toString())
        .containsEntry("aws.endpointUrlS3", cloud.endpoint(Service.S3).toString());
    assertThat(cloud.environment())
        .containsEntry("AWS_ENDPOINT_URL_DYNAMODB", cloud.endpoint(Service.DYNAMODB).toString());
    try (SystemPropertiesScope ignored = cloud.applySystemProperties();
        S3Client s3 = S3Client.create()) {
      s3.createBucket(b -> b.bucket("through-defaults"));
      assertThat(s3.listBuckets().buckets()).extracting(bucket -> bucket.name()).contains("through-defaults");
    }
    assertThat(System.getProperty("aws.endpointUrlS3")).isNull();
  }

  private static List<Message> receive(SqsClient sqs, String url) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(1)
          .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages();
      if (!messages.isEmpty()) {
        return messages;
      }
    }
    return List.of();
  }
}
