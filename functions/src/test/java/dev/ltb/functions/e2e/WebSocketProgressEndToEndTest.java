package dev.ltb.functions.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ltb.aws.AwsAdapters;
import dev.ltb.aws.AwsClients;
import dev.ltb.aws.AwsSettings;
import dev.ltb.aws.dynamodb.DynamoConnections;
import dev.ltb.aws.dynamodb.tenancy.DynamoTenancyStores;
import dev.ltb.functions.ProgressWiring;
import dev.ltb.json.Json;
import dev.ltb.localcloud.dynamodb.DynamoDbStreamSource;
import dev.ltb.localcloud.lambda.LambdaFunctions;
import dev.ltb.localcloud.websocket.LocalWebSocketApi;
import dev.ltb.localcloud.websocket.WebSocketTestClient;
import dev.ltb.pipeline.WorkerSettings;
import dev.ltb.progress.Connection;
import dev.ltb.security.ApiKeyHasher;
import dev.ltb.security.ApiKeys;
import dev.ltb.security.Principal;
import dev.ltb.security.PrincipalKind;
import dev.ltb.security.Role;
import dev.ltb.tenancy.TenantId;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 7's WebSocket path on the local cloud: a client connects to the local WebSocket API with a real tenant API
 * key, subscribes to a run started through the pipeline, and receives its progress as the published events flow
 * from the events table's stream through the progress publisher and the Management API: run started, items
 * completed with the running pass rate, run completed with the summary, in order. Another tenant's client cannot
 * follow the run, and a connection the gateway reports gone is forgotten.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebSocketProgressEndToEndTest {

  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  private final WireMockServer secretsManager = new WireMockServer(options().dynamicPort());
  private LocalPipeline pipeline;
  private LocalWebSocketApi gateway;
  private AwsAdapters progressAws;
  private DynamoDbStreamSource stream;
  private ApiKeys apiKeys;

  @BeforeAll
  void start() {
    secretsManager.start();
    secretsManager.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
            .withBody("{\"__type\":\"ResourceNotFoundException\",\"Message\":\"Secrets Manager can't find the specified secret.\"}")));
    System.setProperty("aws.endpointUrlSecretsManager", secretsManager.baseUrl());
    pipeline = LocalPipeline.start(UnaryOperator.identity(), 2, WorkerSettings.defaults());
    AwsSettings settings = pipeline.aws().settings();
    apiKeys = new ApiKeys(
        new DynamoTenancyStores(pipeline.aws().clients().dynamoDb(), settings.table()).apiKeys(), new ApiKeyHasher(),
        Clock.systemUTC());

    // the websocket function behind the gateway; the publisher pushes through the gateway's Management API
    progressAws = new AwsAdapters(new AwsClients(), AwsSettings.of(Map.of(
        AwsSettings.TABLE, settings.table(), AwsSettings.EVENTS_TABLE, settings.eventsTable(),
        AwsSettings.BUCKET, settings.bucket())));
    ProgressWiring wiring = new ProgressWiring(progressAws);
    gateway = LocalWebSocketApi.start(
        LambdaFunctions.ofStreamHandler(wiring.webSocket()), Set.of("subscribe", "unsubscribe"), "local");
    AwsAdapters publisherAws = new AwsAdapters(progressAws.clients(), AwsSettings.of(Map.of(
        AwsSettings.TABLE, settings.table(), AwsSettings.EVENTS_TABLE, settings.eventsTable(),
        AwsSettings.BUCKET, settings.bucket(), AwsSettings.WEBSOCKET_CALLBACK_URL, gateway.callbackUrl().toString())));
    stream = DynamoDbStreamSource.builder(
            pipeline.aws().clients().dynamoDb(), settings.eventsTable(),
            LambdaFunctions.ofStreamHandler(new ProgressWiring(publisherAws).progressPublisher()))
        .functionName("progress-publisher")
        .batchSize(100)
        .pollInterval(Duration.ofMillis(100))
        .start();
  }

  @AfterAll
  void stop() {
    if (stream != null) stream.close();
    if (gateway != null) gateway.close();
    if (progressAws != null) progressAws.close();
    if (pipeline != null) pipeline.close();
    System.clearProperty("aws.endpointUrlSecretsManager");
    secretsManager.stop();
  }

  private String apiKey(String tenant) {
    Principal owner = new Principal(TenantId.of(tenant), "user-1", Role.OWNER, PrincipalKind.USER);
    return apiKeys.issue(TenantId.of(tenant), "watch", owner).key().reveal();
  }

  private static JsonNode json(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }

  /** Subscribes once the run exists (the plan step creates it); returns the {@code subscribed} reply. */
  private static JsonNode subscribe(WebSocketTestClient client, String runId) throws InterruptedException {
    Instant deadline = Instant.now().plus(TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      client.send("{\"action\":\"subscribe\",\"runId\":\"" + runId + "\"}");
      JsonNode reply = json(client.next(Duration.ofSeconds(10)));
      if (reply.path("type").asText().equals("subscribed")) return reply;
      assertThat(reply.path("code").asText()).as(reply.toString()).isEqualTo("run-not-found");
      Thread.sleep(20);
    }
    throw new AssertionError("run " + runId + " never became subscribable");
  }

  @Test
  void aSubscriberWithAnApiKeyReceivesStartedRunningPassRateAndTheSummaryInOrder() throws Exception {
    String runId = "ws-e2e-" + Long.toString(System.nanoTime(), 36);
    try (WebSocketTestClient acme = WebSocketTestClient.connect(URI.create(gateway.url() + "?token=" + apiKey("acme")));
        WebSocketTestClient globex = WebSocketTestClient.connect(gateway.url(), "ltb.v1", apiKey("globex"))) {
      assertThat(globex.subprotocol()).startsWith("ltb_");

      pipeline.start(runId, Suites.scripted(8, 4, "yes"), Map.of());
      JsonNode subscribed = subscribe(acme, runId);
      // a client that went away without the gateway calling $disconnect: its pushes answer 410 Gone
      DynamoConnections connections =
          new DynamoConnections(pipeline.aws().clients().dynamoDb(), pipeline.aws().settings().table());
      Connection stale = new Connection("staleConn0=", new Principal(TenantId.of("acme"), "key:old", Role.SERVICE,
          PrincipalKind.API_KEY), Instant.now(), Instant.now().plus(Duration.ofHours(2)));
      connections.put(stale);
      connections.subscribe(stale, runId);
      globex.send("{\"action\":\"subscribe\",\"runId\":\"" + runId + "\"}");
      JsonNode refused = json(globex.next(Duration.ofSeconds(10)));

      List<JsonNode> events = ProgressEvents.untilRunEnds(subscribed, acme, TIMEOUT);
      assertThat(events).extracting(e -> e.get("type").asText())
          .containsExactly("run.started", "items.completed", "items.completed", "run.completed");
      assertThat(events.get(0).get("totalItems").asInt()).isEqualTo(8);
      JsonNode last = events.get(2);
      assertThat(last.get("completed").asInt()).isEqualTo(8);
      assertThat(last.get("passed").asInt()).isEqualTo(3); // tests 0, 3 and 6 expect "yes"
      assertThat(last.get("passRate").asDouble()).isEqualTo(0.375);
      assertThat(events.get(1).get("completed").asInt()).isEqualTo(4);
      JsonNode completed = events.get(3);
      assertThat(completed.get("status").asText()).isEqualTo("COMPLETED");
      assertThat(completed.get("items").asInt()).isEqualTo(8);
      assertThat(completed.get("passRate").asDouble()).isEqualTo(0.375);
      assertThat(completed.get("reportKey").asText()).endsWith("report.html");

      assertThat(refused.get("code").asText()).isEqualTo("run-not-found");
      assertThat(connections.find("staleConn0=", Instant.now())).as("forgotten after 410 Gone").isEmpty();
      assertThat(connections.subscribers("acme", runId, Instant.now())).hasSize(1);
      assertThat(globex.next(Duration.ofMillis(500))).isNull();
    }
  }
}
