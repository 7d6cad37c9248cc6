package dev.ltb.rest;

import static dev.ltb.rest.ProxyEvents.send;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ltb.json.Json;
import dev.ltb.rest.ProxyEvents.As;
import dev.ltb.rest.ProxyEvents.Reply;
import dev.ltb.testkit.ApiTestPorts;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RunsApiTest {

  static final As ACME = As.member("acme");

  static String startBody(int tests) throws Exception {
    return Json.mapper().writeValueAsString(Map.of("suite", ApiTestPorts.echoSuite(tests), "format", "yaml"));
  }

  @Test
  void aRunStartedThroughTheApiCanBeReadBackWithAnETag() throws Exception {
    Reply started = send(ACME, "POST", "/runs", startBody(2));
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    String runId = started.json().path("runId").asText();
    assertThat(started.json().path("totalItems").asInt()).isEqualTo(2);

    Reply run = send(ACME, "GET", "/runs/" + runId, null);
    assertThat(run.status()).isEqualTo(200);
    assertThat(run.json().path("status").asText()).isEqualTo("RUNNING");
    String etag = run.header("ETag");
    assertThat(etag).isNotBlank();
    assertThat(send(ACME, "GET", "/runs/" + runId, null, Map.of("If-None-Match", etag)).status()).isEqualTo(304);
  }

  @Test
  void aBadSuiteIsA422ProblemNamingTheField() throws Exception {
    String bad = startBody(1).replace("type: contains", "type: containz");

    Reply refused = send(ACME, "POST", "/runs", bad);

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(refused.json().path("type").asText()).isEqualTo("https://ltb.dev/problems/invalid-suite");
    assertThat(refused.json().path("errors").path(0).path("field").asText()).isEqualTo("tests[0].assert[0].type");
  }

  @Test
  void anIdempotencyKeyReplaysTheFirstRunAndRefusesAnotherBody() throws Exception {
    Map<String, String> key = Map.of("Idempotency-Key", "deploy-42");
    Reply first = send(ACME, "POST", "/runs", startBody(1), key);
    Reply again = send(ACME, "POST", "/runs", startBody(1), key);
    Reply other = send(ACME, "POST", "/runs", startBody(2), key);

    assertThat(again.body()).isEqualTo(first.body());
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(other.status()).isEqualTo(422);
    assertThat(other.json().path("type").asText()).endsWith("/idempotency-key-reused");
  }

  @Test
  void aDuplicateSentWhileTheFirstRequestStillActsIsA409WithRetryAfterAndStartsNothing() throws Exception {
    String body = startBody(1);
    Map<String, String> key = Map.of("Idempotency-Key", "deploy-in-flight");
    var tenant = ApiTestPorts.caller(dev.ltb.tenancy.TenantId.of("acme"), dev.ltb.security.Role.MEMBER);
    int startedBefore = TestApiBeans.PORTS.started.size();
    Reply[] duplicate = new Reply[1];

    // the first request is still acting when the duplicate arrives
    TestApiBeans.PORTS.services.idempotency().execute(tenant, "deploy-in-flight", "POST /runs",
        body.getBytes(java.nio.charset.StandardCharsets.UTF_8), () -> {
          duplicate[0] = send(ACME, "POST", "/runs", body, key);
          return new dev.ltb.api.Idempotency.Answer(201, "{\"runId\":\"run-first\"}");
        });

    assertThat(duplicate[0].status()).as(duplicate[0].body()).isEqualTo(409);
    assertThat(duplicate[0].header("Retry-After")).isEqualTo("1");
    assertThat(duplicate[0].json().path("type").asText()).isEqualTo("https://ltb.dev/problems/idempotency-key-in-progress");
    assertThat(TestApiBeans.PORTS.started).hasSize(startedBefore);
    assertThat(send(ACME, "POST", "/runs", body, key).body()).isEqualTo("{\"runId\":\"run-first\"}");
  }

  @Test
  void anUnknownFieldIsNamedAndAnOversizedBodyIs413() throws Exception {
    Reply unknown = send(ACME, "POST", "/runs", "{\"suiteid\": \"x\"}");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().path("errors").path(0).path("field").asText()).isEqualTo("suiteid");

    String huge = "{\"suite\": \"" + "x".repeat(Bodies.MAX_BYTES) + "\"}";
    assertThat(send(ACME, "POST", "/runs", huge).status()).isEqualTo(413);
  }

  @Test
  void theDocumentedExampleSuiteStartsAsIs() throws Exception {
    String suite = java.nio.file.Files.readString(java.nio.file.Path.of("../examples/api/suite.yaml"));

    Reply started = send(ACME, "POST", "/runs", Json.mapper().writeValueAsString(Map.of("suite", suite, "format", "yaml")));

    assertThat(started.status()).as(started.body()).isEqualTo(201);
    assertThat(started.json().path("totalItems").asInt()).isEqualTo(3);
  }

  @Test
  void aRequestWithoutTheAuthorizersContextIs401() {
    Reply anonymous = send(null, "GET", "/runs", null);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.json().path("type").asText()).endsWith("/unauthenticated");
    assertThat(send(null, "GET", "/health", null).status()).isEqualTo(200);
  }
}
