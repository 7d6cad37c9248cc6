package dev.ltb.aws.appsync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ltb.json.Json;
import dev.ltb.pipeline.RunEvent;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** The publisher against a stand-in for AppSync's /graphql endpoint answering in AppSync's documented shapes. */
class AppSyncRunEventPublisherTest {

  private static WireMockServer appSync;
  private static AppSyncClient client;

  @BeforeAll
  static void start() {
    appSync = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    appSync.start();
    client =
        AppSyncClient.builder()
            .endpoint(URI.create("http://127.0.0.1:" + appSync.port() + "/graphql"))
            .region(Region.EU_WEST_1)
            .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
            .build();
  }

  @AfterAll
  static void stop() {
    client.close();
    appSync.stop();
  }

  @BeforeEach
  void reset() {
    appSync.resetAll();
    appSync.stubFor(
        post(urlEqualTo("/graphql"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"data\":{\"publishRunProgress\":{\"tenantId\":\"acme\"}}}")));
  }

  private final AppSyncRunEventPublisher publisher = new AppSyncRunEventPublisher(client);

  @Test
  void progressIsAnIamSignedPublishRunProgressMutationCarryingTheTenant() throws Exception {
    publisher.publish(
        new RunEvent(
            "acme", "run-1", "run.progress", Instant.parse("2026-11-29T02:00:00Z"),
            Map.of("executed", 4, "passed", 3)));

    appSync.verify(
        postRequestedFor(urlEqualTo("/graphql"))
            .withHeader(
                "Authorization",
                matching(
                    "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/\\d{8}/eu-west-1/appsync/aws4_request,"
                        + " SignedHeaders=[a-z0-9;-]*host[a-z0-9;-]*x-amz-date[a-z0-9;-]*, Signature=[0-9a-f]{64}"))
            .withHeader("X-Amz-Date", matching("\\d{8}T\\d{6}Z"))
            .withHeader("Content-Type", equalTo("application/json")));
    LoggedRequest request = appSync.findAll(postRequestedFor(urlEqualTo("/graphql"))).get(0);
    JsonNode body = Json.mapper().readTree(request.getBodyAsString());
    assertThat(body.get("query").asText())
        .startsWith("mutation Publish(")
        .contains("publishRunProgress(tenantId: $tenantId, runId: $runId, type: $type, at: $at, data: $data)")
        .contains("{ tenantId runId type at data }");
    JsonNode variables = body.get("variables");
    assertThat(variables.get("tenantId").asText()).isEqualTo("acme");
    assertThat(variables.get("runId").asText()).isEqualTo("run-1");
    assertThat(variables.get("type").asText()).isEqualTo("run.progress");
    assertThat(variables.get("at").asText()).isEqualTo("2026-11-29T02:00:00Z");
    // AWSJSON travels as a string holding JSON
    assertThat(Json.mapper().readTree(variables.get("data").asText()))
        .isEqualTo(Json.mapper().readTree("{\"executed\":4,\"passed\":3}"));
  }

  @Test
  void everyTerminalEventGoesToPublishRunCompleted() throws Exception {
    for (String type : List.of("run.completed", "run.partial", "run.failed", "run.cancelled")) {
      publisher.publish(new RunEvent("acme", "run-1", type, Instant.now(), Map.of("status", "X")));
    }
    publisher.publish(new RunEvent("acme", "run-1", "run.started", Instant.now(), Map.of("totalItems", 8)));
    List<String> mutations =
        appSync.findAll(postRequestedFor(urlEqualTo("/graphql"))).stream()
            .map(r -> r.getBodyAsString())
            .map(b -> b.contains("publishRunCompleted(") ? "completed" : "progress")
            .toList();
    assertThat(mutations).containsExactly("completed", "completed", "completed", "completed", "progress");
  }

  @Test
  void anAppSyncErrorAnswerIsAFailureNamingTheError() {
    appSync.stubFor(
        post(urlEqualTo("/graphql"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withBody(
                        "{\"data\":{\"publishRunProgress\":null},\"errors\":[{\"path\":[\"publishRunProgress\"],"
                            + "\"errorType\":\"Unauthorized\",\"message\":\"Not Authorized to access"
                            + " publishRunProgress on type Mutation\"}]}")));
    assertThatThrownBy(() -> publisher.publish(new RunEvent("acme", "r", "run.progress", Instant.now(), Map.of())))
        .isInstanceOf(AppSyncException.class)
        .hasMessage(
            "AppSync refused the operation: Unauthorized: Not Authorized to access publishRunProgress on type Mutation");
  }

  @Test
  void aRefusedSignatureIsAFailureWithTheStatus() {
    appSync.stubFor(
        post(urlEqualTo("/graphql"))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withBody("{\"errors\":[{\"errorType\":\"UnauthorizedException\",\"message\":\"The security token"
                        + " included in the request is invalid.\"}]}")));
    assertThatThrownBy(() -> publisher.publish(new RunEvent("acme", "r", "run.progress", Instant.now(), Map.of())))
        .isInstanceOf(AppSyncException.class)
        .hasMessageStartingWith("AppSync answered HTTP 403: ")
        .hasMessageContaining("security token included in the request is invalid");
  }
}
