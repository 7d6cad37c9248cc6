package dev.ltb.rest;

import static dev.ltb.rest.ProxyEvents.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.json.Json;
import dev.ltb.plugins.bundled.BundledPlugins;
import dev.ltb.rest.ProxyEvents.As;
import dev.ltb.rest.ProxyEvents.Reply;
import dev.ltb.run.RunRecord;
import dev.ltb.run.RunStatus;
import dev.ltb.tenancy.TenantId;
import dev.ltb.testkit.ApiTestPorts;
import dev.ltb.testkit.SampleRuns;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the resources answer is what docs/api/openapi.yaml says they answer: each body validates against the schema
 * the document gives for that operation, status and media type (a client generated from the document can read it),
 * and no status comes back that the operation does not list.
 */
@QuarkusTest
class OpenApiConformanceTest {

  static final As OWNER = As.owner("conform");
  static final String RUN = SampleRuns.RUN_ID;
  static final DocumentedResponses DOCUMENT = DocumentedResponses.read(Path.of("target/openapi/openapi.yaml"));

  @BeforeAll
  static void aCompletedRunWithResults() {
    var sample = SampleRuns.builder().tests(3).build();
    var history = TestApiBeans.PORTS.history(TenantId.of("conform"));
    if (history.find(RUN).isPresent()) return;
    history.create(new RunRecord(RUN, "capitals", "suite.yaml", null, RunStatus.COMPLETED, SampleRuns.STARTED_AT,
        SampleRuns.STARTED_AT, sample.results().size(), sample.summary(), null));
    sample.forEach(history::save);
  }

  @Test
  void startingAndReadingARunAnswersTheDocumentedRunView() throws Exception {
    String body = Json.mapper().writeValueAsString(Map.of("suite", ApiTestPorts.echoSuite(2), "format", "yaml"));
    Reply started = send(OWNER, "POST", "/runs", body, Map.of("Idempotency-Key", "conform-1"));
    conforms("POST", "/runs", started);
    String runId = started.json().path("runId").asText();
    assertThat(started.header("Location")).isEqualTo("runs/" + runId);
    Reply replayed = send(OWNER, "POST", "/runs", body, Map.of("Idempotency-Key", "conform-1"));
    conforms("POST", "/runs", replayed);
    assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(replayed.header("Location")).isEqualTo("runs/" + runId);

    conforms("GET", "/runs/{runId}", send(OWNER, "GET", "/runs/" + runId, null));
    Reply fromYaml = send(OWNER, "POST", "/runs", ApiTestPorts.echoSuite(3), Map.of("Content-Type", "application/yaml"));
    conforms("POST", "/runs", fromYaml);
    assertThat(fromYaml.json().path("totalItems").asInt()).isEqualTo(3);
    conforms("GET", "/runs", send(OWNER, "GET", "/runs?limit=1", null));
    conforms("POST", "/runs/{runId}/cancel", send(OWNER, "POST", "/runs/" + runId + "/cancel", null));
  }

  @Test
  void resultsSummaryReportAndComparisonMatchTheirSchemas() {
    Reply page = send(OWNER, "GET", "/runs/" + RUN + "/results?limit=2", null);
    conforms("GET", "/runs/{runId}/results", page);
    assertThat(page.json().path("items").size()).isEqualTo(2);
    assertThat(page.json().path("nextCursor").asText()).isNotBlank();

    conforms("GET", "/runs/{runId}/summary", send(OWNER, "GET", "/runs/" + RUN + "/summary", null));
    conforms("GET", "/runs/{runId}/report", send(OWNER, "GET", "/runs/" + RUN + "/report", null));
    conforms("GET", "/compare", send(OWNER, "GET", "/compare?base=" + RUN + "&candidate=" + RUN, null));
  }

  @Test
  void aSuiteStoredAsJsonOrAsYamlIsTheDocumentedStoredSuite() throws Exception {
    String json = Json.mapper().writeValueAsString(Map.of("name", "capitals", "text", ApiTestPorts.echoSuite(1)));
    Reply fromJson = send(OWNER, "POST", "/suites", json);
    conforms("POST", "/suites", fromJson);

    Reply fromYaml = send(OWNER, "POST", "/suites?name=from-yaml", ApiTestPorts.echoSuite(2),
        Map.of("Content-Type", "application/yaml"));
    conforms("POST", "/suites", fromYaml);
    assertThat(fromYaml.json().path("name").asText()).isEqualTo("from-yaml");
    assertThat(fromYaml.json().path("format").asText()).isEqualTo("yaml");
    assertThat(fromYaml.json().path("text").asText()).isEqualTo(ApiTestPorts.echoSuite(2));
    assertThat(fromYaml.header("Location")).isEqualTo("suites/" + fromYaml.json().path("suiteId").asText());

    String suiteId = fromYaml.json().path("suiteId").asText();
    Reply second = send(OWNER, "POST", "/suites/" + suiteId + "/versions", ApiTestPorts.echoSuite(3),
        Map.of("Content-Type", "application/yaml"));
    conforms("POST", "/suites/{suiteId}/versions", second);
    assertThat(second.json().path("version").asInt()).isEqualTo(2);
    assertThat(second.json().path("name").asText()).isEqualTo("from-yaml");
    assertThat(second.header("Location")).isEqualTo("versions/2");

    conforms("GET", "/suites", send(OWNER, "GET", "/suites", null));
    conforms("GET", "/suites/{suiteId}/versions/{version}",
        send(OWNER, "GET", "/suites/" + suiteId + "/versions/1", null));
  }

  @Test
  void anInvalidYamlSuiteIsA422NamingLineAndField() {
    Reply refused = send(OWNER, "POST", "/suites", ApiTestPorts.echoSuite(1).replace("type: contains", "type: containz"),
        Map.of("Content-Type", "application/yaml"));

    conforms("POST", "/suites", refused);
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().path("errors").path(0).path("field").asText()).isEqualTo("tests[0].assert[0].type");
    assertThat(refused.json().path("errors").path(0).path("line").asInt()).isPositive();
  }

  @Test
  void problemsAreTheDocumentedProblemsWithTheirStableTypes() {
    conforms("GET", "/runs/{runId}", send(OWNER, "GET", "/runs/run-nothing-here", null));
    conforms("GET", "/runs", send(OWNER, "GET", "/runs?limit=1000", null));
    conforms("GET", "/runs/{runId}", send(null, "GET", "/runs/" + RUN, null));
    conforms("GET", "/audit", send(As.member("conform"), "GET", "/audit", null));
    conforms("POST", "/runs", send(OWNER, "POST", "/runs", "suite: x", Map.of("Content-Type", "text/plain")));
    conforms("GET", "/runs/{runId}/summary", send(OWNER, "GET", "/runs/" + startedRun() + "/summary", null));
  }

  @Test
  void notModifiedAndAccountAnswersAreDocumented() throws Exception {
    Reply run = send(OWNER, "GET", "/runs/" + RUN, null);
    Reply again = send(OWNER, "GET", "/runs/" + RUN, null, Map.of("If-None-Match", run.header("ETag")));
    assertThat(again.status()).isEqualTo(304);
    assertThat(DOCUMENT.response("GET", "/runs/{runId}", 304).isMissingNode()).isFalse();

    conforms("POST", "/api-keys", send(OWNER, "POST", "/api-keys", "{\"name\": \"ci\"}"));
    conforms("GET", "/api-keys", send(OWNER, "GET", "/api-keys", null));
    conforms("GET", "/usage", send(OWNER, "GET", "/usage?from=2026-03-01&to=2026-03-02", null));
    conforms("GET", "/audit", send(OWNER, "GET", "/audit?limit=5", null));
    conforms("GET", "/providers", send(OWNER, "GET", "/providers", null));
    conforms("GET", "/health", send(null, "GET", "/health", null));
  }

  @Test
  void webhooksAnswerTheirDocumentedBodies() {
    String settings = "{\"url\": \"http://127.0.0.1:9/hook\", \"events\": [\"run.completed\"]}";
    Reply created = send(OWNER, "POST", "/webhooks", settings);
    conforms("POST", "/webhooks", created);
    String webhookId = created.json().path("webhook").path("webhookId").asText();
    assertThat(created.header("Location")).isEqualTo("webhooks/" + webhookId);
    assertThat(created.json().path("secret").asText()).isNotBlank();

    conforms("GET", "/webhooks", send(OWNER, "GET", "/webhooks", null));
    conforms("PUT", "/webhooks/{webhookId}", send(OWNER, "PUT", "/webhooks/" + webhookId, settings));
    conforms("POST", "/webhooks", send(OWNER, "POST", "/webhooks", "{\"url\": \"http://127.0.0.1:9/hook\"}"));
  }

  @Test
  void pluginAnswersAreTheDocumentedUploadAndCheck() throws Exception {
    ObjectNode manifest = (ObjectNode) Json.mapper().readTree(BundledPlugins.manifest("max-words").toJson());
    manifest.put("name", "conform-check").put("module", "conform-check.wasm");
    String sha = manifest.path("sha256").asText();

    Reply registered = send(OWNER, "POST", "/plugins", manifest.toString());
    conforms("POST", "/plugins", registered);
    conforms("GET", "/plugins", send(OWNER, "GET", "/plugins", null));
    conforms("POST", "/plugins/{name}/{sha256}/validate",
        send(OWNER, "POST", "/plugins/conform-check/" + sha + "/validate", null));
    conforms("POST", "/plugins/{name}/{sha256}/validate",
        send(OWNER, "POST", "/plugins/conform-check/not-a-hash/validate", null));
  }

  private static String startedRun() {
    try {
      String body = Json.mapper().writeValueAsString(Map.of("suite", ApiTestPorts.echoSuite(1), "format", "yaml"));
      return send(OWNER, "POST", "/runs", body).json().path("runId").asText();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void conforms(String method, String path, Reply reply) {
    String type = reply.header("Content-Type");
    String mediaType = type == null ? "" : type.split(";")[0].strip();
    assertThat(DOCUMENT.violations(method, path, reply.status(), mediaType, reply.body()))
        .as("%s %s answered %d %s: %s", method, path, reply.status(), mediaType, reply.body())
        .isEmpty();
    assertThat(DOCUMENT.requiredHeaders(method, path, reply.status()))
        .as("%s %s %d: required headers", method, path, reply.status())
        .allSatisfy(header -> assertThat(reply.header(header)).as(header).isNotBlank());
  }
}
