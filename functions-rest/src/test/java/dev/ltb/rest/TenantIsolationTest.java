package dev.ltb.rest;

import static dev.ltb.rest.ProxyEvents.send;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ltb.api.Caller;
import dev.ltb.api.DatasetService;
import dev.ltb.api.StartRun;
import dev.ltb.api.SuiteService;
import dev.ltb.api.WebhookService;
import dev.ltb.rest.ProxyEvents.As;
import dev.ltb.rest.ProxyEvents.Reply;
import dev.ltb.security.Role;
import dev.ltb.testkit.ApiTestPorts;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tenant beta, as owner (every role permission), walks every endpoint that takes an id with tenant acme's ids: each
 * answer must be exactly the answer for an id that exists nowhere (same status, same body but for the id), and no
 * list of beta's shows anything of acme's.
 */
@QuarkusTest
class TenantIsolationTest {

  static final As INTRUDER = As.owner("beta");
  static final String MISSING = "zz-missing-0000";
  static String runId, suiteId, webhookId, keyId;
  /** Acme's dataset: its name is the id, its version's hash the same in every tenant (content-addressed). */
  static final String DATASET = "acme-cities";
  static final String CSV = "city\nParis\n";
  static final String DATASET_SHA = dev.ltb.plugin.ModuleHash.sha256(CSV.getBytes(java.nio.charset.StandardCharsets.UTF_8));

  @BeforeAll
  static void acmeHasData() {
    Caller acme = ApiTestPorts.caller(ApiTestPorts.ACME, Role.OWNER);
    var api = TestApiBeans.PORTS.services;
    runId = api.runs().start(acme, StartRun.inline(ApiTestPorts.echoSuite(1), null)).runId();
    suiteId = api.suites().create(acme, new SuiteService.SuiteText("s", null, ApiTestPorts.echoSuite(1))).suiteId();
    webhookId = api.webhooks().create(acme,
        new WebhookService.WebhookSettings("http://127.0.0.1:9/h", List.of("run.completed"), null, null))
        .webhook().webhookId();
    keyId = api.account().issueKey(acme, "ci").record().keyId();
    var datasets = new TestApiBeans().datasets();
    var upload = datasets.register(acme, new DatasetService.NewDataset(DATASET, "csv", DATASET_SHA, (long) CSV.length()));
    TestApiBeans.PORTS.blobs.put(upload.upload().url().getPath().substring(1), CSV.getBytes(), "text/csv");
    datasets.validate(acme, DATASET, DATASET_SHA);
  }

  record Call(String method, String template, String body) {
    String path(String id) {
      return template.replace("{id}", id);
    }
  }

  static List<Call> calls() {
    String settings = "{\"url\":\"http://127.0.0.1:9/h\",\"events\":[\"run.completed\"]}";
    return List.of(
        new Call("GET", "/runs/{run}", null), new Call("DELETE", "/runs/{run}", null),
        new Call("POST", "/runs/{run}/cancel", null), new Call("GET", "/runs/{run}/results", null),
        new Call("GET", "/runs/{run}/summary", null), new Call("GET", "/runs/{run}/report", null),
        new Call("GET", "/compare?base={run}&candidate={run}", null),
        new Call("GET", "/suites/{suite}", null), new Call("GET", "/suites/{suite}/versions/1", null),
        new Call("POST", "/suites/{suite}/versions", "{\"text\":" + quoted(ApiTestPorts.echoSuite(1)) + "}"),
        new Call("DELETE", "/suites/{suite}", null),
        new Call("POST", "/runs", "{\"suiteId\":\"{suite}\"}"),
        new Call("GET", "/webhooks/{webhook}", null), new Call("PUT", "/webhooks/{webhook}", settings),
        new Call("POST", "/webhooks/{webhook}/test", null), new Call("DELETE", "/webhooks/{webhook}", null),
        new Call("DELETE", "/api-keys/{key}", null),
        new Call("GET", "/datasets/{dataset}", null), new Call("DELETE", "/datasets/{dataset}", null),
        new Call("GET", "/datasets/{dataset}/versions/" + DATASET_SHA, null),
        new Call("POST", "/datasets/{dataset}/versions/" + DATASET_SHA + "/validate", null),
        new Call("DELETE", "/datasets/{dataset}/versions/" + DATASET_SHA, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("calls")
  void anotherTenantsIdAnswersExactlyLikeAMissingOne(Call call) {
    String acmeIds = call.template().replace("{run}", runId).replace("{suite}", suiteId)
        .replace("{webhook}", webhookId).replace("{key}", keyId).replace("{dataset}", DATASET);
    String missingIds = call.template().replaceAll("\\{(run|suite|webhook|key|dataset)}", MISSING);
    String acmeBody = call.body() == null ? null : call.body().replace("{suite}", suiteId);
    String missingBody = call.body() == null ? null : call.body().replace("{suite}", MISSING);

    Reply theirs = send(INTRUDER, call.method(), acmeIds, acmeBody);
    Reply none = send(INTRUDER, call.method(), missingIds, missingBody);

    assertThat(theirs.status()).as(theirs.body()).isEqualTo(404);
    assertThat(none.status()).isEqualTo(404);
    assertThat(scrub(theirs.body())).isEqualTo(scrub(none.body()));
  }

  @Test
  void acmesDataIsStillThereAndAbsentFromBetasLists() {
    assertThat(send(As.member("acme"), "GET", "/runs/" + runId, null).status()).isEqualTo(200);
    assertThat(send(As.member("acme"), "GET", "/datasets/" + DATASET, null).status()).isEqualTo(200);
    for (String list : List.of("/runs", "/suites", "/webhooks", "/api-keys", "/audit", "/datasets"))
      assertThat(send(INTRUDER, "GET", list, null).body()).as(list)
          .doesNotContain(runId).doesNotContain(suiteId).doesNotContain(webhookId).doesNotContain(keyId)
          .doesNotContain(DATASET);
  }

  private static String scrub(String body) {
    return body.replace(runId, "ID").replace(suiteId, "ID").replace(webhookId, "ID").replace(keyId, "ID")
        .replace(DATASET, "ID")
        .replace(MISSING, "ID");
  }

  private static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
