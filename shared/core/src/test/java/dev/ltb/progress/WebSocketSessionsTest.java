package dev.ltb.progress;

import static dev.ltb.progress.ProgressFixture.principal;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.audit.RequestContext;
import dev.ltb.json.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebSocketSessionsTest {

  private final ProgressFixture f = new ProgressFixture();
  private static final RequestContext REQUEST = new RequestContext("203.0.113.7", "wscat");

  private JsonNode send(String connectionId, String body) throws Exception {
    return Json.mapper().readTree(f.sessions.receive(connectionId, body, REQUEST));
  }

  @Test
  void aSubscriberReceivesItsRunsEventsAndTheBacklogOnSubscribe() throws Exception {
    f.createRun("acme", "run-1");
    f.event("acme", "run-1", "run.started", 0, Map.of("totalItems", 8, "shardCount", 2));
    f.sessions.connect("conn-A", principal("acme"));

    JsonNode reply = send("conn-A", "{\"action\":\"subscribe\",\"runId\":\"run-1\"}");

    assertThat(reply.get("type").asText()).isEqualTo("subscribed");
    assertThat(reply.get("status").asText()).isEqualTo("RUNNING");
    assertThat(reply.get("events")).hasSize(1);
    assertThat(reply.get("events").get(0).get("type").asText()).isEqualTo("run.started");
    assertThat(reply.get("events").get(0).get("seq").asLong()).isEqualTo(1);
    assertThat(f.connections.subscribers("acme", "run-1", ProgressFixture.T0)).containsExactly("conn-A");
  }

  @Test
  void anotherTenantsRunAnswersExactlyLikeAMissingOne() throws Exception {
    f.createRun("globex", "run-9");
    f.sessions.connect("conn-A", principal("acme"));

    String foreign = f.sessions.receive("conn-A", "{\"action\":\"subscribe\",\"runId\":\"run-9\"}", REQUEST);
    String missing = f.sessions.receive("conn-A", "{\"action\":\"subscribe\",\"runId\":\"run-8\"}", REQUEST);

    assertThat(foreign.replace("run-9", "X")).isEqualTo(missing.replace("run-8", "X"));
    assertThat(Json.mapper().readTree(foreign).get("code").asText()).isEqualTo("run-not-found");
    assertThat(f.connections.subscriptions("conn-A")).isEmpty();
  }

  @Test
  void aRunIdPrefixDoesNotSubscribe() throws Exception {
    f.createRun("acme", "run-12345");
    f.sessions.connect("conn-A", principal("acme"));

    assertThat(send("conn-A", "{\"action\":\"subscribe\",\"runId\":\"run-1\"}").get("code").asText())
        .isEqualTo("run-not-found");
  }

  @Test
  void unsubscribeAndDisconnectStopDeliveries() throws Exception {
    f.createRun("acme", "run-1");
    f.sessions.connect("conn-A", principal("acme"));
    f.sessions.connect("conn-B", principal("acme"));
    send("conn-A", "{\"action\":\"subscribe\",\"runId\":\"run-1\"}");
    send("conn-B", "{\"action\":\"subscribe\",\"runId\":\"run-1\"}");

    assertThat(send("conn-A", "{\"action\":\"unsubscribe\",\"runId\":\"run-1\"}").get("type").asText())
        .isEqualTo("unsubscribed");
    f.sessions.disconnect("conn-B");

    assertThat(f.connections.subscribers("acme", "run-1", ProgressFixture.T0)).isEmpty();
    assertThat(f.connections.find("conn-B", ProgressFixture.T0)).isEmpty();
  }

  @Test
  void badMessagesGetErrorsThatSayWhatToSend() throws Exception {
    f.sessions.connect("conn-A", principal("acme"));

    assertThat(send("conn-A", "hello").get("code").asText()).isEqualTo("bad-request");
    assertThat(send("conn-A", "{\"action\":\"dance\"}").get("message").asText())
        .isEqualTo("action must be subscribe or unsubscribe, was 'dance'");
    assertThat(send("conn-A", "{\"action\":\"subscribe\",\"runId\":\"../x\"}").get("code").asText())
        .isEqualTo("bad-request");
    assertThat(send("unknown", "{\"action\":\"subscribe\",\"runId\":\"run-1\"}").get("code").asText())
        .isEqualTo("not-connected");
  }

  @Test
  void aConnectionFollowsALimitedNumberOfRuns() throws Exception {
    f.sessions.connect("conn-A", principal("acme"));
    for (int i = 0; i <= WebSocketSessions.MAX_SUBSCRIPTIONS; i++) f.createRun("acme", "run-" + i);
    for (int i = 0; i < WebSocketSessions.MAX_SUBSCRIPTIONS; i++)
      assertThat(send("conn-A", "{\"action\":\"subscribe\",\"runId\":\"run-" + i + "\"}").get("type").asText())
          .isEqualTo("subscribed");

    JsonNode refused = send("conn-A", "{\"action\":\"subscribe\",\"runId\":\"run-" + WebSocketSessions.MAX_SUBSCRIPTIONS + "\"}");
    assertThat(refused.get("code").asText()).isEqualTo("too-many-subscriptions");
  }
}
