package dev.ltb.functions.graphql;

import static dev.ltb.functions.graphql.GraphqlFixture.ACME;
import static dev.ltb.functions.graphql.GraphqlFixture.BETA;
import static dev.ltb.functions.graphql.GraphqlFixture.apiKey;
import static dev.ltb.functions.graphql.GraphqlFixture.event;
import static dev.ltb.functions.graphql.GraphqlFixture.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.ltb.functions.graphql.errors.BadRequest;
import dev.ltb.functions.graphql.errors.Conflict;
import dev.ltb.functions.graphql.errors.Forbidden;
import dev.ltb.functions.graphql.errors.NotFound;
import dev.ltb.functions.graphql.errors.Unauthorized;
import dev.ltb.json.Json;
import dev.ltb.run.RunRecord;
import dev.ltb.testkit.ApiTestPorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every Query and Mutation field, invoked as AppSync invokes the direct Lambda resolver (event JSON in, field
 * value out, errors thrown), over the REST use cases on in-memory ports. Two tenants, ACME and BETA, share the
 * stores: whatever one asks about the other answers like a missing id.
 */
class GraphqlResolversTest {

  private final GraphqlFixture f = new GraphqlFixture();

  private JsonNode call(String type, String field, Object args, JsonNode identity) {
    return f.invoke(event(type, field, args, null, identity));
  }

  private JsonNode query(String field, Object args, JsonNode identity) {
    return call("Query", field, args, identity);
  }

  private JsonNode mutation(String field, Object args, JsonNode identity) {
    return call("Mutation", field, args, identity);
  }

  // ------------------------------------------------------------------------------------------ runs

  @Test
  void runAnswersTheCallersRunAndNullForAnotherTenantsLikeForAMissingOne() {
    RunRecord run = f.completedRun(ACME, 3);

    JsonNode answer = query("run", Map.of("runId", run.runId()), user(ACME, "viewer"));
    assertThat(answer.get("runId").asText()).isEqualTo(run.runId());
    assertThat(answer.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(answer.get("totalItems").asInt()).isEqualTo(3);
    assertThat(answer.get("hasSummary").asBoolean()).isTrue();
    assertThat(Json.mapper().convertValue(answer.get("createdAt"), String.class)).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");

    String otherTenants = f.invokeRaw(event("Query", "run", Map.of("runId", run.runId()), null, user(BETA, "owner")));
    String missing = f.invokeRaw(event("Query", "run", Map.of("runId", "run-does-not-exist"), null, user(BETA, "owner")));
    assertThat(otherTenants).isEqualTo("null").isEqualTo(missing);
  }

  @Test
  void runsArePagedMostRecentFirstAndFilteredByStatus() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) ids.add(f.completedRun(ACME, 1).runId());
    f.completedRun(BETA, 1);

    JsonNode first = query("runs", Map.of("limit", 2), apiKey(ACME));
    assertThat(first.get("items")).hasSize(2);
    assertThat(first.get("nextToken").isTextual()).isTrue();
    JsonNode second = query("runs", Map.of("limit", 2, "nextToken", first.get("nextToken").asText()), apiKey(ACME));
    List<String> listed = new ArrayList<>();
    first.get("items").forEach(r -> listed.add(r.get("runId").asText()));
    second.get("items").forEach(r -> listed.add(r.get("runId").asText()));
    assertThat(listed).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(second.path("nextToken").isTextual()).as("the last page has no next token").isFalse();

    assertThat(query("runs", Map.of("filter", Map.of("status", "RUNNING")), apiKey(ACME)).get("items")).isEmpty();
    assertThat(query("runs", Map.of("filter", Map.of("status", "COMPLETED"), "limit", 10), apiKey(ACME)).get("items"))
        .hasSize(3);
    assertThatThrownBy(() -> query("runs", Map.of("filter", Map.of("status", "DONE")), apiKey(ACME)))
        .isInstanceOf(BadRequest.class)
        .hasMessageContaining("filter.status");
  }

  @Test
  void startRunFromAnInlineSuiteQueuesItForTheCallersTenant() {
    JsonNode run =
        mutation(
            "startRun",
            Map.of("input", Map.of("suite", ApiTestPorts.echoSuite(4), "format", "yaml", "vars", "{\"x\":\"1\"}")),
            apiKey(ACME));
    assertThat(run.get("runId").asText()).isNotBlank();
    assertThat(run.get("status").asText()).isIn("QUEUED", "RUNNING");
    assertThat(run.get("totalItems").asInt()).isEqualTo(4);
    assertThat(f.ports.started).singleElement().satisfies(r -> assertThat(r.tenantId()).isEqualTo("acme"));
    assertThat(f.ports.history(ACME).find(run.get("runId").asText())).isPresent();
    assertThat(f.ports.history(BETA).find(run.get("runId").asText())).isEmpty();
  }

  @Test
  void startRunNamesTheInvalidFieldOfASuiteAndAViewerMayNotStartRuns() {
    assertThatThrownBy(
            () -> mutation("startRun", Map.of("input", Map.of("suite", "prompts: [hi]\nproviders: [echo]\ntests:\n  - assert: [{type: nonsense}]\n")), apiKey(ACME)))
        .isInstanceOf(BadRequest.class)
        .hasMessageContaining("nonsense");
    assertThatThrownBy(
            () -> mutation("startRun", Map.of("input", Map.of("suite", ApiTestPorts.echoSuite(1))), user(ACME, "viewer")))
        .isInstanceOf(Forbidden.class)
        .hasMessage("role viewer may not runs:start");
    assertThat(f.ports.started).isEmpty();
  }

  @Test
  void cancelRunStopsTheCallersRunAndAnotherTenantsIdIsNotFound() {
    String runId =
        mutation("startRun", Map.of("input", Map.of("suite", ApiTestPorts.echoSuite(2))), apiKey(ACME)).get("runId").asText();

    Throwable foreign = catchError(() -> mutation("cancelRun", Map.of("runId", runId), user(BETA, "owner")));
    Throwable missing = catchError(() -> mutation("cancelRun", Map.of("runId", "run-missing"), user(BETA, "owner")));
    assertThat(foreign).isInstanceOf(NotFound.class);
    assertThat(foreign.getMessage()).isEqualTo(missing.getMessage().replace("run-missing", runId));

    JsonNode cancelled = mutation("cancelRun", Map.of("runId", runId), user(ACME, "member"));
    assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
  }

  @Test
  void deleteRunRemovesAnEndedRunAndRefusesARunningOne() {
    RunRecord done = f.completedRun(ACME, 1);
    assertThatThrownBy(() -> mutation("deleteRun", Map.of("runId", done.runId()), user(ACME, "member")))
        .isInstanceOf(Forbidden.class);
    assertThat(mutation("deleteRun", Map.of("runId", done.runId()), user(ACME, "admin")).asBoolean()).isTrue();
    assertThat(f.invokeRaw(event("Query", "run", Map.of("runId", done.runId()), null, user(ACME, "admin")))).isEqualTo("null");

    String running =
        mutation("startRun", Map.of("input", Map.of("suite", ApiTestPorts.echoSuite(2))), apiKey(ACME)).get("runId").asText();
    assertThatThrownBy(() -> mutation("deleteRun", Map.of("runId", running), user(ACME, "owner")))
        .isInstanceOf(Conflict.class)
        .hasMessageContaining("cancel it first");
  }

  @Test
  void runSummariesOfAPageOfRunsAreResolvedInOneBatchInvocation() throws Exception {
    RunRecord a = f.completedRun(ACME, 2);
    RunRecord b = f.completedRun(ACME, 3);
    String queued =
        mutation("startRun", Map.of("input", Map.of("suite", ApiTestPorts.echoSuite(1))), apiKey(ACME)).get("runId").asText();
    JsonNode page = query("runs", Map.of("limit", 10), user(ACME, "viewer"));
    assertThat(page.get("items")).hasSize(3);

    ArrayNode batch = Json.mapper().createArrayNode();
    for (JsonNode run : page.get("items")) batch.add(event("Run", "summary", Map.of(), run, user(ACME, "viewer")));
    JsonNode summaries = f.invokeBatch(batch);

    assertThat(summaries).hasSize(3);
    for (int i = 0; i < 3; i++) {
      String runId = page.get("items").get(i).get("runId").asText();
      JsonNode summary = summaries.get(i);
      if (runId.equals(queued)) {
        assertThat(summary.isNull()).as("a run without a summary yet").isTrue();
      } else {
        assertThat(summary.get("runId").asText()).isEqualTo(runId);
        assertThat(summary.get("totals").get("items").asInt()).isEqualTo(runId.equals(a.runId()) ? 2 : 3);
        assertThat(summary.get("totals").get("passRate").asDouble()).isEqualTo(1.0);
        assertThat(Json.mapper().readTree(summary.get("groups").asText()).isArray()).isTrue();
      }
    }
    assertThat(b.runId()).isNotEqualTo(a.runId());
  }

  @Test
  void theDocumentedBatchEventGetsOneAnswerPerEventInOrder() throws Exception {
    RunRecord done = f.completedRun(ACME, 2);
    String text =
        new String(GraphqlFixture.class.getResourceAsStream("/events/appsync/batch-run-summary.json").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8)
            .replace("RUN_1", done.runId());
    JsonNode answers = Json.mapper().readTree(f.invokeBytes(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(answers).hasSize(2);
    assertThat(answers.get(0).get("totals").get("passRate").asDouble()).isEqualTo(1.0);
    assertThat(answers.get(1).isNull()).isTrue();
  }

  @Test
  void aBatchOfAnotherTenantsRunsGetsNoSummaries() {
    RunRecord run = f.completedRun(ACME, 1);
    ArrayNode batch = Json.mapper().createArrayNode();
    batch.add(event("Run", "summary", Map.of(), Map.of("runId", run.runId(), "hasSummary", true), apiKey(BETA)));
    assertThat(f.invokeBatch(batch)).hasSize(1).first().satisfies(n -> assertThat(n.isNull()).isTrue());
  }

  // --------------------------------------------------------------------------------------- results

  @Test
  void resultsComeAHundredAPageWithATokenForTheNext() throws Exception {
    RunRecord run = f.completedRun(ACME, 120);
    JsonNode first = query("results", Map.of("runId", run.runId(), "limit", 100), apiKey(ACME));
    assertThat(first.get("items")).hasSize(100);
    JsonNode item = first.get("items").get(0);
    assertThat(item.get("status").asText()).isEqualTo("PASS");
    assertThat(item.get("providerId").asText()).isEqualTo("echo");
    assertThat(item.get("output").asText()).startsWith("Answer: city");
    assertThat(Json.mapper().readTree(item.get("assertions").asText()).get(0).toString()).contains("contains");
    JsonNode second =
        query("results", Map.of("runId", run.runId(), "limit", 100, "nextToken", first.get("nextToken").asText()), apiKey(ACME));
    assertThat(second.get("items")).hasSize(20);
    assertThat(second.path("nextToken").isTextual()).isFalse();

    assertThat(query("results", Map.of("runId", run.runId(), "filter", Map.of("pass", false)), apiKey(ACME)).get("items"))
        .isEmpty();
    assertThat(query("results", Map.of("runId", run.runId(), "filter", Map.of("providerId", "echo"), "limit", 5), apiKey(ACME))
            .get("items"))
        .hasSize(5);
    assertThatThrownBy(() -> query("results", Map.of("runId", run.runId(), "limit", 1000), apiKey(ACME)))
        .isInstanceOf(BadRequest.class)
        .hasMessageContaining("limit");
    assertThatThrownBy(() -> query("results", Map.of("runId", run.runId()), apiKey(BETA))).isInstanceOf(NotFound.class);
  }

  @Test
  void summaryReportAndComparisonOfFinishedRuns() throws Exception {
    RunRecord base = f.completedRun(ACME, 3);
    RunRecord candidate = f.completedRun(ACME, 3);

    JsonNode summary = query("summary", Map.of("runId", base.runId()), user(ACME, "viewer"));
    assertThat(summary.get("totals").get("passed").asInt()).isEqualTo(3);
    assertThat(summary.get("formatVersion").asText()).isEqualTo("1");

    JsonNode html = query("report", Map.of("runId", base.runId()), user(ACME, "viewer"));
    assertThat(html.get("contentType").asText()).startsWith("text/html");
    assertThat(html.get("content").asText()).contains("<html").contains("capitals");
    JsonNode json = query("report", Map.of("runId", base.runId(), "format", "JSON"), user(ACME, "viewer"));
    assertThat(json.get("contentType").asText()).isEqualTo("application/json");
    assertThat(Json.mapper().readTree(json.get("content").asText()).isObject()).isTrue();

    JsonNode comparison =
        query("compareRuns", Map.of("baselineRunId", base.runId(), "candidateRunId", candidate.runId()), apiKey(ACME));
    assertThat(comparison.get("baselineRunId").asText()).isEqualTo(base.runId());
    assertThat(Json.mapper().readTree(comparison.get("comparison").asText()).toString()).contains("echo");

    assertThatThrownBy(() -> query("summary", Map.of("runId", base.runId()), apiKey(BETA))).isInstanceOf(NotFound.class);
    assertThatThrownBy(
            () -> query("compareRuns", Map.of("baselineRunId", base.runId(), "candidateRunId", candidate.runId()), apiKey(BETA)))
        .isInstanceOf(NotFound.class);
  }

  // ---------------------------------------------------------------------------------------- suites

  @Test
  void suitesAreCreatedVersionedListedReadAndDeletedWithinTheTenant() {
    JsonNode created =
        mutation("createSuite", Map.of("input", Map.of("name", "capitals", "content", ApiTestPorts.echoSuite(2))), user(ACME, "member"));
    String suiteId = created.get("suiteId").asText();
    assertThat(created.get("version").asInt()).isEqualTo(1);

    JsonNode v2 =
        mutation("addSuiteVersion", Map.of("suiteId", suiteId, "input", Map.of("name", "capitals", "content", ApiTestPorts.echoSuite(3))), apiKey(ACME));
    assertThat(v2.get("version").asInt()).isEqualTo(2);

    JsonNode listed = query("suites", Map.of(), user(ACME, "viewer"));
    assertThat(listed.get("items")).extracting(n -> n.get("suiteId").asText()).contains(suiteId);
    JsonNode latest = query("suite", Map.of("suiteId", suiteId), user(ACME, "viewer"));
    assertThat(latest.get("content").asText()).isEqualTo(ApiTestPorts.echoSuite(3));
    assertThat(query("suite", Map.of("suiteId", suiteId, "version", 1), user(ACME, "viewer")).get("content").asText())
        .isEqualTo(ApiTestPorts.echoSuite(2));

    assertThat(f.invokeRaw(event("Query", "suite", Map.of("suiteId", suiteId), null, user(BETA, "owner")))).isEqualTo("null");
    assertThat(query("suites", Map.of(), user(BETA, "owner")).get("items")).isEmpty();
    assertThatThrownBy(() -> mutation("deleteSuite", Map.of("suiteId", suiteId), user(BETA, "owner"))).isInstanceOf(NotFound.class);

    String runId =
        mutation("startRun", Map.of("input", Map.of("suiteId", suiteId, "suiteVersion", 1)), apiKey(ACME)).get("runId").asText();
    assertThat(query("run", Map.of("runId", runId), apiKey(ACME)).get("totalItems").asInt()).isEqualTo(2);

    assertThat(mutation("deleteSuite", Map.of("suiteId", suiteId), user(ACME, "member")).asBoolean()).isTrue();
    assertThat(f.invokeRaw(event("Query", "suite", Map.of("suiteId", suiteId), null, user(ACME, "owner")))).isEqualTo("null");
  }

  @Test
  void anInvalidSuiteIsNotStored() {
    assertThatThrownBy(
            () -> mutation("createSuite", Map.of("input", Map.of("name", "bad", "content", "prompts: 3\n")), user(ACME, "owner")))
        .isInstanceOf(BadRequest.class)
        .hasMessageContaining("prompts");
    assertThat(query("suites", Map.of(), user(ACME, "owner")).get("items")).isEmpty();
  }

  // --------------------------------------------------------------------------------------- account

  @Test
  void providersCredentialsAndUsageAreReadable() {
    JsonNode providers = query("providers", Map.of(), user(ACME, "viewer"));
    assertThat(providers).extracting(n -> n.get("prefix").asText()).contains("echo");
    assertThat(query("providerCredentials", Map.of(), user(ACME, "viewer"))).isEmpty();
    JsonNode usage = query("usage", Map.of("from", "2026-03-01", "to", "2026-03-02"), user(ACME, "owner"));
    assertThat(usage.isArray()).isTrue();
    assertThatThrownBy(() -> query("usage", Map.of("from", "2026-03-01", "to", "2026-03-02"), user(ACME, "viewer")))
        .isInstanceOf(Forbidden.class);
    assertThatThrownBy(() -> query("usage", Map.of("from", "March", "to", "2026-03-02"), user(ACME, "owner")))
        .isInstanceOf(BadRequest.class)
        .hasMessage("usage: argument 'from' must be a date (YYYY-MM-DD)");
  }

  @Test
  void apiKeysAreIssuedOnceListedAndRevokedAndTheAuditLogShowsWhoDidIt() {
    JsonNode issued = mutation("createApiKey", Map.of("name", "ci"), user(ACME, "admin"));
    String secret = issued.get("secret").asText();
    String keyId = issued.get("key").get("keyId").asText();
    assertThat(secret).startsWith("ltb_" + keyId);

    JsonNode keys = query("apiKeys", Map.of(), user(ACME, "owner"));
    assertThat(keys).singleElement().satisfies(k -> {
      assertThat(k.get("keyId").asText()).isEqualTo(keyId);
      assertThat(k.toString()).doesNotContain(secret.substring(16));
    });
    assertThat(query("apiKeys", Map.of(), user(BETA, "owner"))).isEmpty();
    assertThatThrownBy(() -> mutation("revokeApiKey", Map.of("keyId", keyId), user(BETA, "owner"))).isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> mutation("createApiKey", Map.of("name", "x"), user(ACME, "member"))).isInstanceOf(Forbidden.class);
    assertThat(mutation("revokeApiKey", Map.of("keyId", keyId), user(ACME, "owner")).asBoolean()).isTrue();

    JsonNode audit = query("auditLog", Map.of("limit", 50), user(ACME, "owner"));
    assertThat(audit.get("items"))
        .anySatisfy(e -> {
          assertThat(e.get("action").asText()).isEqualTo("api-keys:manage");
          assertThat(e.get("actorId").asText()).isEqualTo("7d8ca528-4931-4254-9273-ea5ee853f271");
          assertThat(e.get("sourceIp").asText()).isEqualTo("203.0.113.7");
        })
        .anySatisfy(e -> assertThat(e.get("result").asText()).isEqualTo("denied"));
    assertThat(query("auditLog", Map.of(), user(BETA, "owner")).get("items").toString()).doesNotContain(keyId);
  }

  // -------------------------------------------------------------------------------------- webhooks

  @Test
  void webhooksAreManagedWithinTheTenant() {
    JsonNode created =
        mutation("createWebhook", Map.of("input", Map.of("url", "https://hooks.example.com/ltb", "events", List.of("run.completed"))),
            user(ACME, "admin"));
    String hookId = created.get("webhook").get("webhookId").asText();
    assertThat(created.get("secret").asText()).isNotBlank();
    assertThat(created.get("webhook").get("events")).extracting(JsonNode::asText).containsExactly("run.completed");

    assertThat(query("webhooks", Map.of(), user(ACME, "member"))).extracting(n -> n.get("webhookId").asText()).containsExactly(hookId);
    assertThat(query("webhooks", Map.of(), user(BETA, "owner"))).isEmpty();

    JsonNode updated =
        mutation("updateWebhook", Map.of("webhookId", hookId, "input",
            Map.of("url", "https://hooks.example.com/ltb2", "events", List.of("run.completed", "run.failed"), "enabled", false)),
            user(ACME, "admin"));
    assertThat(updated.get("enabled").asBoolean()).isFalse();
    assertThat(updated.get("url").asText()).isEqualTo("https://hooks.example.com/ltb2");

    assertThatThrownBy(() -> mutation("testWebhook", Map.of("webhookId", hookId), user(BETA, "owner"))).isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> mutation("deleteWebhook", Map.of("webhookId", hookId), user(ACME, "member"))).isInstanceOf(Forbidden.class);
    assertThat(mutation("deleteWebhook", Map.of("webhookId", hookId), user(ACME, "owner")).asBoolean()).isTrue();
    assertThat(query("webhooks", Map.of(), user(ACME, "owner"))).isEmpty();
  }

  @Test
  void testWebhookSendsASignedTestEventAndAnswersHowItWent() {
    com.github.tomakehurst.wiremock.WireMockServer receiver =
        new com.github.tomakehurst.wiremock.WireMockServer(
            com.github.tomakehurst.wiremock.core.WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    receiver.start();
    try {
      receiver.stubFor(
          com.github.tomakehurst.wiremock.client.WireMock.post("/hook")
              .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(204)));
      String hookId =
          mutation("createWebhook",
                  Map.of("input", Map.of("url", "http://127.0.0.1:" + receiver.port() + "/hook", "events", List.of("run.completed"))),
                  user(ACME, "owner"))
              .get("webhook").get("webhookId").asText();

      JsonNode delivery = mutation("testWebhook", Map.of("webhookId", hookId), user(ACME, "owner"));

      assertThat(delivery.get("outcome").asText()).isEqualTo("DELIVERED");
      assertThat(delivery.get("statusCode").asInt()).isEqualTo(204);
      assertThat(delivery.get("eventType").asText()).isEqualTo("webhook.test");
      assertThat(receiver.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
              com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/hook"))))
          .singleElement()
          .satisfies(r -> assertThat(r.getBodyAsString()).contains("webhook.test"));
    } finally {
      receiver.stop();
    }
  }

  // ---------------------------------------------------------------------------------------- errors

  @Test
  void callersWithoutTenantAndUnknownFieldsAreRefused() {
    assertThatThrownBy(() -> query("runs", Map.of(), GraphqlFixture.fixture("identity-iam.json")))
        .isInstanceOf(Unauthorized.class);
    assertThatThrownBy(() -> query("everything", Map.of(), apiKey(ACME)))
        .isInstanceOf(BadRequest.class)
        .hasMessage("no resolver for Query.everything");
    assertThatThrownBy(() -> query("run", Map.of(), apiKey(ACME)))
        .isInstanceOf(BadRequest.class)
        .hasMessage("run: argument 'runId' is required");
  }

  private static Throwable catchError(Runnable action) {
    try {
      action.run();
    } catch (Throwable t) {
      return t;
    }
    throw new AssertionError("expected an error");
  }
}
