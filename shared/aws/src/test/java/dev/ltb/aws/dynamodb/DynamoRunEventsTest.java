package dev.ltb.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ltb.aws.LocalAws;
import dev.ltb.pipeline.RunEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoRunEventsTest {

  @RegisterExtension static LocalAws aws = new LocalAws();

  private static final Instant AT = Instant.parse("2025-03-01T10:15:30.123456789Z");
  private static String table;

  private String tenant;
  private DynamoRunEvents events;

  @BeforeAll
  static void table() {
    table = aws.newTables().events();
  }

  @BeforeEach
  void newTenant() {
    tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    events = new DynamoRunEvents(aws.clients().dynamoDbEnhanced(), table);
  }

  private RunEvent event(String runId, String type, Instant at, Map<String, Object> data) {
    return new RunEvent(tenant, runId, type, at, data);
  }

  @Test
  void readsARunsEventsBackInTimeOrderWithTheirData() {
    RunEvent started = event("r1", "run.started", AT, Map.of("totalItems", 600));
    RunEvent progress =
        event("r1", "run.progress", AT.plusMillis(5), Map.of("done", 50, "shard", 0, "costUsd", 0.0125, "ok", true));
    RunEvent completed = event("r1", "run.completed", AT.plusSeconds(90), Map.of("status", "COMPLETED", "groups", List.of("a", "b")));

    events.publish(completed);
    events.publish(started);
    events.publish(progress);
    events.publish(event("r2", "run.started", AT, Map.of()));

    assertThat(events.read(tenant, "r1")).containsExactly(started, progress, completed);
  }

  @Test
  void eventsOfTheSameInstantAreAllKeptInPublishingOrder() throws Exception {
    List<RunEvent> sameInstant =
        IntStream.range(0, 30).mapToObj(i -> event("r1", "run.progress", AT, Map.of("done", i))).toList();

    sameInstant.forEach(events::publish);
    DynamoRunEvents otherWriter = new DynamoRunEvents(aws.clients().dynamoDbEnhanced(), table);
    try (ExecutorService executor = Executors.newFixedThreadPool(4)) {
      for (int i = 0; i < 20; i++) {
        int done = 100 + i;
        executor.submit(() -> otherWriter.publish(event("r1", "run.progress", AT, Map.of("done", done))));
      }
    }

    List<RunEvent> read = events.read(tenant, "r1");
    assertThat(read).hasSize(50);
    assertThat(read.stream().filter(e -> (int) e.data().get("done") < 100).toList())
        .as("one writer's events in its order")
        .containsExactlyElementsOf(sameInstant);
  }

  @Test
  void aCursorReadsOnlyNewerEvents() {
    IntStream.range(0, 5).forEach(i -> events.publish(event("r1", "run.progress", AT.plusSeconds(i), Map.of("done", i))));

    RunEventPage first = events.readFirst(tenant, "r1", 3);
    events.publish(event("r1", "run.completed", AT.plusSeconds(10), Map.of()));
    RunEventPage rest = events.readAfter(tenant, "r1", first.cursor().orElseThrow(), 10);
    RunEventPage none = events.readAfter(tenant, "r1", rest.cursor().orElseThrow(), 10);

    assertThat(first.events()).extracting(e -> e.data().get("done")).containsExactly(0, 1, 2);
    assertThat(rest.events()).extracting(RunEvent::type).containsExactly("run.progress", "run.progress", "run.completed");
    assertThat(none.events()).isEmpty();
    assertThat(none.cursor()).as("an empty page keeps the cursor").isEqualTo(rest.cursor());
    assertThat(events.readFirst(tenant, "no-run", 10).cursor()).isEmpty();
  }

  @Test
  void aTenantSeesOnlyItsOwnEvents() {
    events.publish(event("r1", "run.started", AT, Map.of()));

    assertThat(events.read(tenant + "-other", "r1")).isEmpty();
    assertThatThrownBy(() -> events.read("a#RUN#r1", "r1")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void storesTheDocumentedAttributes() {
    events.publish(event("r1", "run.started", AT, Map.of("totalItems", 600)));

    Map<String, AttributeValue> item =
        aws.clients()
            .dynamoDb()
            .query(
                request ->
                    request
                        .tableName(table)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("TENANT#" + tenant + "#RUN#r1"))))
            .items()
            .getFirst();
    assertThat(item.get("sk").s()).matches("2025-03-01T10:15:30\\.123456789Z#[0-9a-f]{8}#\\d{12}");
    assertThat(item.get("dataJson").s()).isEqualTo("{\"totalItems\":600}");
    assertThat(Long.parseLong(item.get("expiresAt").n())).isEqualTo(AT.plusSeconds(30L * 24 * 3600).getEpochSecond());
    assertThat(new ArrayList<>(item.keySet()))
        .containsExactlyInAnyOrder("pk", "sk", "tenantId", "runId", "type", "at", "dataJson", "expiresAt");
  }
}
