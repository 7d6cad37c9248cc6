package dev.ltb.progress;

import static dev.ltb.progress.ProgressFixture.principal;
import static dev.ltb.progress.ProgressFixture.shard;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.audit.RequestContext;
import dev.ltb.json.Json;
import dev.ltb.pipeline.RunEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressPublisherTest {

  private final ProgressFixture f = new ProgressFixture();

  private void subscribe(String connectionId, String tenant, String runId) {
    f.sessions.connect(connectionId, principal(tenant));
    f.sessions.receive(connectionId, "{\"action\":\"subscribe\",\"runId\":\"" + runId + "\"}", RequestContext.INTERNAL);
  }

  private List<JsonNode> received(String connectionId) {
    return f.pusher.of(connectionId).stream().map(json -> {
      try {
        return Json.mapper().readTree(json);
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }).toList();
  }

  @Test
  void subscribersSeeStartedThenRunningPassRateThenTheSummary() {
    f.createRun("acme", "run-1");
    subscribe("conn-A", "acme", "run-1");
    List<RunEvent> events = List.of(
        f.event("acme", "run-1", "run.started", 0, Map.of("totalItems", 8, "shardCount", 2)),
        f.event("acme", "run-1", "run.progress", 1, shard(0, 3, 1, 0)),
        f.event("acme", "run-1", "run.progress", 2, shard(1, 2, 1, 1)),
        f.event("acme", "run-1", "run.completed", 3, Map.of("status", "COMPLETED", "totalItems", 8, "items", 8,
            "passed", 5, "failed", 2, "errors", 1, "passRate", 0.625, "costUsd", 0.02)));

    ProgressPublisher.Outcome outcome = f.publisher.publish(events);

    assertThat(outcome.failed()).isEmpty();
    List<JsonNode> got = received("conn-A");
    assertThat(got).extracting(m -> m.get("type").asText())
        .containsExactly("run.started", "items.completed", "items.completed", "run.completed");
    assertThat(got).extracting(m -> m.get("seq").asLong()).containsExactly(1L, 2L, 3L, 4L);
    assertThat(got.get(1).get("completed").asLong()).isEqualTo(4);
    assertThat(got.get(1).get("totalItems").asLong()).isEqualTo(8);
    assertThat(got.get(1).get("passRate").asDouble()).isEqualTo(0.75);
    assertThat(got.get(2).get("completed").asLong()).isEqualTo(8);
    assertThat(got.get(2).get("passed").asLong()).isEqualTo(5);
    assertThat(got.get(2).get("passRate").asDouble()).isEqualTo(0.625);
    assertThat(got.get(3).get("passRate").asDouble()).isEqualTo(0.625);
    assertThat(got.get(3).get("status").asText()).isEqualTo("COMPLETED");
  }

  @Test
  void anEventPublishedAloneKeepsItsPlaceAndRunningTotals() {
    f.createRun("acme", "run-1");
    subscribe("conn-A", "acme", "run-1");
    f.event("acme", "run-1", "run.started", 0, Map.of("totalItems", 8, "shardCount", 2));
    f.event("acme", "run-1", "run.progress", 1, shard(0, 4, 0, 0));
    RunEvent second = f.event("acme", "run-1", "run.progress", 2, shard(1, 0, 4, 0));

    f.publisher.publish(List.of(second));

    JsonNode message = received("conn-A").getFirst();
    assertThat(message.get("seq").asLong()).isEqualTo(3);
    assertThat(message.get("completed").asLong()).isEqualTo(8);
    assertThat(message.get("passRate").asDouble()).isEqualTo(0.5);
  }

  @Test
  void onlyTheOwningTenantsSubscribersReceiveARun() {
    f.createRun("acme", "run-1");
    f.createRun("globex", "run-1");
    subscribe("conn-A", "acme", "run-1");
    subscribe("conn-G", "globex", "run-1");

    f.publisher.publish(List.of(f.event("acme", "run-1", "run.started", 0, Map.of("totalItems", 8))));

    assertThat(f.pusher.of("conn-A")).hasSize(1);
    assertThat(f.pusher.of("conn-G")).isEmpty();
  }

  @Test
  void aGoneConnectionIsForgottenAndAFailingOneMakesTheEventRetryable() {
    f.createRun("acme", "run-1");
    subscribe("conn-A", "acme", "run-1");
    subscribe("conn-B", "acme", "run-1");
    subscribe("conn-C", "acme", "run-1");
    f.pusher.gone.add("conn-A");
    f.pusher.failing.add("conn-B");
    RunEvent started = f.event("acme", "run-1", "run.started", 0, Map.of("totalItems", 8));

    ProgressPublisher.Outcome outcome = f.publisher.publish(List.of(started));

    assertThat(f.connections.find("conn-A", ProgressFixture.T0)).isEmpty();
    assertThat(f.connections.subscribers("acme", "run-1", ProgressFixture.T0)).containsExactly("conn-B", "conn-C");
    assertThat(f.pusher.of("conn-C")).hasSize(1);
    assertThat(outcome.failed()).containsExactly(started);
  }

  @Test
  void failedAndCancelledRunsSayWhy() {
    f.createRun("acme", "run-1");
    subscribe("conn-A", "acme", "run-1");

    f.publisher.publish(List.of(
        f.event("acme", "run-1", "run.failed", 0, Map.of("status", "FAILED", "reason", "plan: suite rejected"))));

    JsonNode message = received("conn-A").getFirst();
    assertThat(message.get("type").asText()).isEqualTo("run.failed");
    assertThat(message.get("reason").asText()).isEqualTo("plan: suite rejected");
  }
}
