package dev.ltb.rest;

import dev.ltb.functions.e2e.ProgressEvents;

import static dev.ltb.rest.ProxyEvents.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.json.Json;
import dev.ltb.localcloud.websocket.WebSocketTestClient;
import dev.ltb.rest.ProxyEvents.As;
import dev.ltb.rest.ProxyEvents.Reply;
import dev.ltb.aggregate.RunSummary;
import dev.ltb.security.Principal;
import dev.ltb.security.PrincipalKind;
import dev.ltb.security.Role;
import dev.ltb.tenancy.TenantId;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 7, done when: a run started through REST on the local cloud reports its completion over the WebSocket path.
 * A {@code POST /runs} with an inline suite, as API Gateway delivers it (the authorizer's context names tenant acme),
 * goes through the REST app's resources to the use cases over the AWS adapters; the launcher starts the real state
 * machine on the local Step Functions server, whose plan, worker and aggregate functions run the suite; a WebSocket
 * client of acme subscribed to the returned run id receives run.started, items.completed and run.completed with the
 * summary the run stored. A client of globex cannot follow the run.
 */
@Tag("slow")
@QuarkusTest
@TestProfile(LocalCloudProfile.class)
class RestToWebSocketEndToEndTest {

  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  @AfterAll
  static void stopTheCloud() {
    LocalCloudStack.stop();
  }

  /** Eight tests, four per shard, a model answering "yes": tests 0, 3 and 6 expect "yes". */
  private static String suite() {
    StringBuilder yaml = new StringBuilder("description: rest to websocket\n");
    yaml.append("prompts: [\"Answer briefly. Question {{n}}: is {{n}} divisible by three?\"]\n");
    yaml.append("providers:\n  - id: scripted:m\n    config: {responses: {default: \"yes\"}}\n");
    yaml.append("options: {shardSize: 4, maxConcurrency: 4}\n");
    yaml.append("tests:\n");
    for (int i = 0; i < 8; i++)
      yaml.append("  - vars: {n: \"").append(i).append("\"}\n    assert: [{type: icontains, value: \"")
          .append(i % 3 == 0 ? "yes" : "no").append("\"}]\n");
    return yaml.toString();
  }

  private static String apiKey(String tenant) {
    Principal owner = new Principal(TenantId.of(tenant), "user-1", Role.OWNER, PrincipalKind.USER);
    return LocalCloudStack.get().apiKeys().issue(TenantId.of(tenant), "watch", owner).key().reveal();
  }

  private static JsonNode json(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }

  @Test
  void aRunStartedThroughRestReportsItsCompletionOverTheWebSocket() throws Exception {
    LocalCloudStack cloud = LocalCloudStack.get();
    URI gateway = cloud.gateway().url();
    try (WebSocketTestClient acme = WebSocketTestClient.connect(URI.create(gateway + "?token=" + apiKey("acme")));
        WebSocketTestClient globex = WebSocketTestClient.connect(gateway, "ltb.v1", apiKey("globex"))) {

      Reply started = send(As.member("acme"), "POST", "/runs",
          Json.mapper().writeValueAsString(Map.of("suite", suite(), "format", "yaml")));

      assertThat(started.status()).as(started.body()).isEqualTo(201);
      String runId = started.json().path("runId").asText();
      assertThat(runId).isNotBlank();
      assertThat(started.json().path("totalItems").asInt()).isEqualTo(8);

      acme.send("{\"action\":\"subscribe\",\"runId\":\"" + runId + "\"}");
      JsonNode subscribed = json(acme.next(Duration.ofSeconds(10)));
      assertThat(subscribed.path("type").asText()).as(subscribed.toString()).isEqualTo("subscribed");
      globex.send("{\"action\":\"subscribe\",\"runId\":\"" + runId + "\"}");
      JsonNode refused = json(globex.next(Duration.ofSeconds(10)));

      List<JsonNode> events = ProgressEvents.untilRunEnds(subscribed, acme, TIMEOUT);

      assertThat(events).extracting(e -> e.get("type").asText())
          .containsExactly("run.started", "items.completed", "items.completed", "run.completed");
      assertThat(events.get(0).get("totalItems").asInt()).isEqualTo(8);
      assertThat(events.get(2).get("completed").asInt()).isEqualTo(8);
      assertThat(events.get(2).get("passRate").asDouble()).isEqualTo(0.375);
      JsonNode completed = events.get(3);
      assertThat(completed.get("status").asText()).isEqualTo("COMPLETED");
      assertThat(completed.get("items").asInt()).isEqualTo(8);
      assertThat(completed.get("passRate").asDouble()).isEqualTo(0.375);

      // what the subscriber was told is what the run stored, and what REST answers
      RunSummary stored = cloud.pipeline().aws().runHistories().forTenant("acme").find(runId).orElseThrow().summary();
      assertThat(completed.get("items").asInt()).isEqualTo(stored.totals().items());
      assertThat(completed.get("passRate").asDouble()).isEqualTo(stored.totals().passRate());
      Reply run = send(As.member("acme"), "GET", "/runs/" + runId, null);
      assertThat(run.status()).as(run.body()).isEqualTo(200);
      assertThat(run.json().path("status").asText()).isEqualTo("COMPLETED");

      assertThat(refused.get("code").asText()).isEqualTo("run-not-found");
      assertThat(globex.next(Duration.ofMillis(500))).isNull();

      // deleting the ended run leaves nothing of it in the bucket
      String prefix = "tenants/acme/runs/" + runId + "/";
      assertThat(cloud.pipeline().aws().blobStore().keys(prefix, 100)).isNotEmpty();
      Reply deleted = send(As.owner("acme"), "DELETE", "/runs/" + runId, null);
      assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
      assertThat(cloud.pipeline().aws().blobStore().keys(prefix, 100)).isEmpty();
      assertThat(send(As.member("acme"), "GET", "/runs/" + runId, null).status()).isEqualTo(404);
    }
  }
}
