package dev.ltb.localcloud.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ltb.localcloud.LocalCloud;
import dev.ltb.localcloud.Service;
import dev.ltb.localcloud.lambda.LambdaFunction;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The local stream: new items reach the function as DynamoDB Streams INSERT records, in order, retried on failure. */
class DynamoDbStreamSourceTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static LocalCloud cloud;
  private static DynamoDbClient dynamo;

  @BeforeAll
  static void start() {
    cloud = LocalCloud.builder().services(Service.DYNAMODB).start();
    dynamo = cloud.client(Service.DYNAMODB, DynamoDbClient.builder());
  }

  @AfterAll
  static void stop() {
    dynamo.close();
    cloud.close();
  }

  private static String table() {
    String name = "events-" + System.nanoTime();
    dynamo.createTable(b -> b.tableName(name).billingMode("PAY_PER_REQUEST")
        .attributeDefinitions(d -> d.attributeName("pk").attributeType(ScalarAttributeType.S),
            d -> d.attributeName("sk").attributeType(ScalarAttributeType.S))
        .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk").keyType(KeyType.RANGE)));
    return name;
  }

  private static void put(String table, String pk, String sk, String type) {
    dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk),
        "type", AttributeValue.fromS(type), "expiresAt", AttributeValue.fromN("1800000000"))));
  }

  private static void await(List<?> list, int size) throws InterruptedException {
    for (int i = 0; i < 200 && list.size() < size; i++) Thread.sleep(25);
  }

  @Test
  void newItemsArriveAsInsertRecordsInWritingOrderAndOldOnesDoNot() throws Exception {
    String table = table();
    put(table, "RUN#old", "0001", "before");
    List<JsonNode> records = new CopyOnWriteArrayList<>();
    LambdaFunction consumer = (payload, context) -> {
      JSON.readTree(payload).path("Records").forEach(records::add);
      return "{\"batchItemFailures\":[]}".getBytes();
    };
    try (var stream = DynamoDbStreamSource.builder(dynamo, table, consumer).pollInterval(Duration.ofMillis(20)).start()) {
      put(table, "RUN#1", "0002", "run.started");
      put(table, "RUN#1", "0003", "run.progress");
      await(records, 2);
    }
    assertThat(records).extracting(r -> r.path("dynamodb").path("NewImage").path("type").path("S").asText())
        .containsExactly("run.started", "run.progress");
    JsonNode first = records.getFirst();
    assertThat(first.path("eventName").asText()).isEqualTo("INSERT");
    assertThat(first.path("eventSource").asText()).isEqualTo("aws:dynamodb");
    assertThat(first.path("dynamodb").path("Keys").path("pk").path("S").asText()).isEqualTo("RUN#1");
    assertThat(first.path("dynamodb").path("NewImage").path("expiresAt").path("N").asText()).isEqualTo("1800000000");
    assertThat(first.path("dynamodb").path("StreamViewType").asText()).isEqualTo("NEW_IMAGE");
  }

  @Test
  void aReportedFailureIsDeliveredAgainBeforeAnythingAfterIt() throws Exception {
    String table = table();
    List<String> seen = new CopyOnWriteArrayList<>();
    AtomicBoolean failOnce = new AtomicBoolean(true);
    LambdaFunction consumer = (payload, context) -> {
      for (JsonNode record : JSON.readTree(payload).path("Records")) {
        String type = record.path("dynamodb").path("NewImage").path("type").path("S").asText();
        if (type.equals("b") && failOnce.getAndSet(false))
          return ("{\"batchItemFailures\":[{\"itemIdentifier\":\"" + record.path("dynamodb").path("SequenceNumber").asText()
              + "\"}]}").getBytes();
        seen.add(type);
      }
      return new byte[0];
    };
    try (var stream = DynamoDbStreamSource.builder(dynamo, table, consumer).fromLatest(false)
        .pollInterval(Duration.ofMillis(20)).start()) {
      put(table, "RUN#1", "1", "a");
      put(table, "RUN#1", "2", "b");
      put(table, "RUN#1", "3", "c");
      await(seen, 3);
    }
    assertThat(seen).containsExactly("a", "b", "c");
  }
}
