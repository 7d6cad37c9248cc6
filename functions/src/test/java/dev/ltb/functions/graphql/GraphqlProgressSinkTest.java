package dev.ltb.functions.graphql;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ltb.aws.appsync.AppSyncClient;
import dev.ltb.aws.appsync.AppSyncProgressSink;
import dev.ltb.aws.appsync.AppSyncRunEventPublisher;
import dev.ltb.functions.ProgressPublisherHandler;
import dev.ltb.json.Json;
import dev.ltb.pipeline.RunEvent;
import dev.ltb.progress.ProgressPublisher;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * A run event that reaches the progress publisher's handler (a DynamoDB stream record of the events table) is
 * posted to AppSync, signed, as the publish mutation GraphQL subscribers receive; an AppSync refusal makes the
 * handler name the record for a retry. AppSync is a WireMock stand-in answering in its documented shapes.
 */
class GraphqlProgressSinkTest {

  private WireMockServer appSync;
  private AppSyncClient client;
  private ProgressPublisherHandler handler;

  @BeforeEach
  void start() {
    appSync = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    appSync.start();
    appSync.stubFor(post(urlEqualTo("/graphql")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"data\":{\"publishRunProgress\":{\"tenantId\":\"acme\"}}}")));
    client = AppSyncClient.builder()
        .endpoint(URI.create("http://127.0.0.1:" + appSync.port() + "/graphql"))
        .region(Region.US_EAST_1)
        .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
        .build();
    AppSyncProgressSink sink = new GraphqlBeans().appSyncProgressSink(new AppSyncRunEventPublisher(client));
    List<RunEvent> log = List.of(
        new RunEvent("acme", "run-7", "run.started", Instant.parse("2026-11-29T02:00:00Z"),
            Map.of("totalItems", 4, "shardCount", 1)),
        new RunEvent("acme", "run-7", "run.progress", Instant.parse("2026-11-29T02:00:01Z"),
            Map.of("shardIndex", 0, "executed", 4, "skipped", 0, "passed", 3, "failed", 1, "errors", 0,
                "costUsd", 0.0)));
    handler = new ProgressPublisherHandler(new ProgressPublisher((tenant, run) -> log, List.of(sink)));
  }

  @AfterEach
  void stop() {
    client.close();
    appSync.stop();
  }

  @Test
  void aStreamedRunEventIsPostedAsTheSignedPublishMutationWithTheRunningTotals() throws Exception {
    String stream = resource("dynamodb-stream-run-events.json").replace("${RUN}", "run-7");

    JsonNode response = Json.mapper().readTree(invoke(handler, stream));

    assertThat(response.get("batchItemFailures")).isEmpty();
    var requests = appSync.findAll(postRequestedFor(urlEqualTo("/graphql")));
    assertThat(requests).hasSize(2);
    assertThat(requests.get(0).getHeader("Authorization")).startsWith("AWS4-HMAC-SHA256").contains("/appsync/");
    List<JsonNode> bodies = requests.stream().map(request -> {
      try {
        return Json.mapper().readTree(request.getBodyAsString());
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }).toList();
    assertThat(bodies.get(0).get("query").asText()).contains("publishRunProgress(");
    JsonNode progress = bodies.get(1).get("variables");
    assertThat(progress.get("tenantId").asText()).isEqualTo("acme");
    assertThat(progress.get("runId").asText()).isEqualTo("run-7");
    assertThat(progress.get("type").asText()).isEqualTo("items.completed");
    assertThat(progress.get("at").asText()).isEqualTo("2026-11-29T02:00:01Z");
    JsonNode data = Json.mapper().readTree(progress.get("data").asText());
    assertThat(data.get("seq").asInt()).isEqualTo(2);
    assertThat(data.get("completed").asInt()).isEqualTo(4);
    assertThat(data.get("passRate").asDouble()).isEqualTo(0.75);
  }

  @Test
  void anEventAppSyncRefusesIsNamedSoTheStreamDeliversItAgain() throws Exception {
    appSync.stubFor(post(urlEqualTo("/graphql")).atPriority(1).willReturn(aResponse().withStatus(401)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"errors\":[{\"errorType\":\"UnauthorizedException\",\"message\":\"not authorized\"}]}")));
    String stream = resource("dynamodb-stream-run-events.json").replace("${RUN}", "run-7");

    JsonNode response = Json.mapper().readTree(invoke(handler, stream));

    assertThat(response.get("batchItemFailures").get(0).get("itemIdentifier").asText())
        .isEqualTo("111100000000000000000001");
  }

  @Test
  void theSinkIsABeanOnlyWhenTheGraphqlUrlIsSet() throws Exception {
    Method producer = GraphqlBeans.class.getDeclaredMethod("appSyncProgressSink", AppSyncRunEventPublisher.class);
    var condition = producer.getAnnotation(io.quarkus.arc.lookup.LookupUnlessProperty.class);

    assertThat(condition.name()).isEqualTo("LTB_GRAPHQL_URL");
    assertThat(condition.lookupIfMissing()).isFalse();
    assertThat(producer.isAnnotationPresent(io.quarkus.arc.Unremovable.class)).isTrue();
  }

  private static String invoke(ProgressPublisherHandler handler, String json) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), out, null);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String resource(String name) throws Exception {
    try (InputStream in = GraphqlProgressSinkTest.class.getResourceAsStream("/events/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
