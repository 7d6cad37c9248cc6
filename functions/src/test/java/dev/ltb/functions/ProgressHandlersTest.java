package dev.ltb.functions;

import static dev.ltb.functions.HandlerFixture.invoke;
import static dev.ltb.functions.HandlerFixture.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.audit.AuditRecorder;
import dev.ltb.audit.InMemoryAuditLog;
import dev.ltb.json.Json;
import dev.ltb.pipeline.InMemoryRunHistory;
import dev.ltb.pipeline.RunEvent;
import dev.ltb.progress.InMemoryConnections;
import dev.ltb.progress.ProgressPublisher;
import dev.ltb.progress.RecordingPusher;
import dev.ltb.progress.WebSocketSessions;
import dev.ltb.progress.WebSocketSink;
import dev.ltb.run.RunRecord;
import dev.ltb.run.RunStatus;
import dev.ltb.security.AccessControl;
import dev.ltb.security.ApiKeyHasher;
import dev.ltb.security.ApiKeys;
import dev.ltb.security.Authenticator;
import dev.ltb.security.CognitoJwtVerifier;
import dev.ltb.testkit.CognitoTokens;
import dev.ltb.security.InMemoryApiKeyStore;
import dev.ltb.security.Principal;
import dev.ltb.security.PrincipalKind;
import dev.ltb.security.Role;
import dev.ltb.tenancy.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The websocket and progress-publisher handlers fed API Gateway's and DynamoDB Streams' documented event JSON. */
class ProgressHandlersTest {

  private static final String CONNECTION = "Sd4WkdhwoAMCJfA=";
  private final Clock clock = Clock.systemUTC();
  private final Map<String, InMemoryRunHistory> histories = new ConcurrentHashMap<>();
  private final Map<String, List<RunEvent>> logs = new ConcurrentHashMap<>();
  private final InMemoryConnections connections = new InMemoryConnections();
  private final RecordingPusher pusher = new RecordingPusher();
  private final ApiKeys apiKeys = new ApiKeys(new InMemoryApiKeyStore(), new ApiKeyHasher(), clock);
  private final WebSocketSessions sessions = new WebSocketSessions(
      connections, tenant -> histories.computeIfAbsent(tenant, t -> new InMemoryRunHistory()),
      (tenant, run) -> logs.getOrDefault(tenant + "/" + run, List.of()),
      new AccessControl(new AuditRecorder(new InMemoryAuditLog(), clock)), clock);
  private final WebSocketHandler webSocket = new WebSocketHandler(
      sessions, new WebSocketAuthenticator(new Authenticator(Optional.empty(), apiKeys, Duration.ZERO, clock)));
  private final ProgressPublisherHandler publisher = new ProgressPublisherHandler(new ProgressPublisher(
      (tenant, run) -> logs.getOrDefault(tenant + "/" + run, List.of()),
      List.of(new WebSocketSink(connections, pusher, clock))));

  private String apiKey(String tenant) {
    Principal owner = new Principal(TenantId.of(tenant), "user-1", Role.OWNER, PrincipalKind.USER);
    return apiKeys.issue(TenantId.of(tenant), "ci", owner).key().reveal();
  }

  private void run(String tenant, String runId) {
    histories.computeIfAbsent(tenant, t -> new InMemoryRunHistory())
        .create(new RunRecord(runId, "t", "inline", null, RunStatus.RUNNING, Instant.now(), null, 4, null, null));
  }

  private static JsonNode json(String text) throws Exception {
    return Json.mapper().readTree(text);
  }

  @Test
  void connectWithAnApiKeyInTheQueryStringThenSubscribeAndDisconnect() throws Exception {
    run("acme", "run-1");
    JsonNode connected = json(invoke(webSocket, resource("websocket-connect-query-token.json").replace("${TOKEN}", apiKey("acme"))));
    assertThat(connected.get("statusCode").asInt()).isEqualTo(200);
    assertThat(connected.has("headers")).isFalse();

    JsonNode reply = json(invoke(webSocket, resource("websocket-message-subscribe.json").replace("${RUN}", "run-1")));
    assertThat(reply.get("statusCode").asInt()).isEqualTo(200);
    assertThat(json(reply.get("body").asText()).get("type").asText()).isEqualTo("subscribed");
    assertThat(connections.subscribers("acme", "run-1", Instant.now())).containsExactly(CONNECTION);

    assertThat(json(invoke(webSocket, resource("websocket-disconnect.json"))).get("statusCode").asInt()).isEqualTo(200);
    assertThat(connections.find(CONNECTION, Instant.now())).isEmpty();
  }

  @Test
  void aTokenOfferedAsSubprotocolIsAcceptedAndAnsweredBack() throws Exception {
    String key = apiKey("acme");
    JsonNode connected = json(invoke(webSocket, resource("websocket-connect-protocol-token.json").replace("${TOKEN}", key)));

    assertThat(connected.get("statusCode").asInt()).isEqualTo(200);
    assertThat(connected.get("headers").get("Sec-WebSocket-Protocol").asText()).isEqualTo(key);
    assertThat(connections.find(CONNECTION, Instant.now())).isPresent();
  }

  @Test
  void aMembersCognitoIdTokenOfferedAsSubprotocolConnectsToItsTenant() throws Exception {
    Instant now = Instant.parse("2026-11-28T12:00:00Z");
    CognitoTokens pool = CognitoTokens.generate(now);
    Clock fixed = Clock.fixed(now, java.time.ZoneOffset.UTC);
    WebSocketHandler withJwts = new WebSocketHandler(sessions, new WebSocketAuthenticator(new Authenticator(
        Optional.of(new CognitoJwtVerifier(pool.settings(), pool.keySource(), fixed)), apiKeys, Duration.ZERO, fixed)));
    String token = pool.idToken().tenant("acme").groups("viewer").sign();

    JsonNode connected = json(invoke(withJwts, resource("websocket-connect-protocol-token.json").replace("${TOKEN}", token)));
    String forged = pool.idToken().tenant("acme").signedWith(CognitoTokens.newKey(pool.key().getKeyID())).sign();
    JsonNode refused = json(invoke(withJwts, resource("websocket-connect-protocol-token.json").replace("${TOKEN}", forged)));

    assertThat(connected.get("statusCode").asInt()).isEqualTo(200);
    assertThat(connected.get("headers").get("Sec-WebSocket-Protocol").asText()).isEqualTo(token);
    assertThat(connections.find(CONNECTION, Instant.now()).orElseThrow().principal().role()).isEqualTo(Role.VIEWER);
    assertThat(refused.get("statusCode").asInt()).isEqualTo(401);
  }

  @Test
  void aWrongOrMissingTokenIsRefusedWith401AndStoresNothing() throws Exception {
    apiKey("acme");
    String wrong = resource("websocket-connect-query-token.json").replace("${TOKEN}", "ltb_notakey_000000000000000000000000");
    String none = resource("websocket-connect-query-token.json").replace("${TOKEN}", "");

    assertThat(json(invoke(webSocket, wrong)).get("statusCode").asInt()).isEqualTo(401);
    assertThat(json(invoke(webSocket, none)).get("statusCode").asInt()).isEqualTo(401);
    assertThat(connections.find(CONNECTION, Instant.now())).isEmpty();
  }

  @Test
  void anotherTenantsRunCannotBeSubscribed() throws Exception {
    run("globex", "run-g");
    invoke(webSocket, resource("websocket-connect-query-token.json").replace("${TOKEN}", apiKey("acme")));

    JsonNode reply = json(json(invoke(webSocket, resource("websocket-message-subscribe.json").replace("${RUN}", "run-g"))).get("body").asText());

    assertThat(reply.get("code").asText()).isEqualTo("run-not-found");
    assertThat(reply.get("message").asText()).isEqualTo("run \"run-g\" not found");
  }

  @Test
  void streamRecordsOfNewEventsReachTheSubscribersWithTheRunningPassRate() throws Exception {
    run("acme", "run-1");
    invoke(webSocket, resource("websocket-connect-query-token.json").replace("${TOKEN}", apiKey("acme")));
    invoke(webSocket, resource("websocket-message-subscribe.json").replace("${RUN}", "run-1"));
    String stream = resource("dynamodb-stream-run-events.json").replace("${RUN}", "run-1");
    logs.put("acme/run-1", List.of(
        new RunEvent("acme", "run-1", "run.started", Instant.parse("2026-11-29T02:00:00Z"), Map.of("totalItems", 4, "shardCount", 1)),
        new RunEvent("acme", "run-1", "run.progress", Instant.parse("2026-11-29T02:00:01Z"),
            Map.of("shardIndex", 0, "executed", 4, "skipped", 0, "passed", 3, "failed", 1, "errors", 0, "costUsd", 0.0))));

    JsonNode response = json(invoke(publisher, stream));

    assertThat(response.get("batchItemFailures")).isEmpty();
    List<JsonNode> received = pusher.of(CONNECTION).stream().map(text -> {
      try {
        return json(text);
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }).toList();
    assertThat(received).extracting(m -> m.get("type").asText()).containsExactly("run.started", "items.completed");
    assertThat(received.get(1).get("completed").asInt()).isEqualTo(4);
    assertThat(received.get(1).get("totalItems").asInt()).isEqualTo(4);
    assertThat(received.get(1).get("passRate").asDouble()).isEqualTo(0.75);
  }

  @Test
  void aFailedPushNamesTheFirstUndeliveredRecordSoTheStreamRetriesFromThere() throws Exception {
    run("acme", "run-1");
    invoke(webSocket, resource("websocket-connect-query-token.json").replace("${TOKEN}", apiKey("acme")));
    invoke(webSocket, resource("websocket-message-subscribe.json").replace("${RUN}", "run-1"));
    pusher.failing.add(CONNECTION);

    JsonNode response = json(invoke(publisher, resource("dynamodb-stream-run-events.json").replace("${RUN}", "run-1")));

    assertThat(response.get("batchItemFailures")).hasSize(1);
    assertThat(response.get("batchItemFailures").get(0).get("itemIdentifier").asText()).isEqualTo("111100000000000000000001");
  }
}
