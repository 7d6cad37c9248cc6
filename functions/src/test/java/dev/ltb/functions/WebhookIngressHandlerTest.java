package dev.ltb.functions;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.ltb.functions.HandlerFixture.invoke;
import static dev.ltb.functions.HandlerFixture.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ltb.api.ApiServices;
import dev.ltb.api.StoredSuite;
import dev.ltb.audit.AuditQuery;
import dev.ltb.audit.AuditRecord;
import dev.ltb.aws.AwsAdapters;
import dev.ltb.aws.AwsClients;
import dev.ltb.aws.AwsSettings;
import dev.ltb.aws.api.AwsApiPorts;
import dev.ltb.aws.dynamodb.TableDefinitions;
import dev.ltb.aws.dynamodb.tenancy.DynamoTenancyStores;
import dev.ltb.aws.dynamodb.tenancy.DynamoTenantPlans;
import dev.ltb.json.Json;
import dev.ltb.run.RunRecord;
import dev.ltb.run.RunStatus;
import dev.ltb.security.SecretValue;
import dev.ltb.tenancy.Plans;
import dev.ltb.tenancy.TenantId;
import dev.ltb.webhook.GitHubSignature;
import dev.ltb.webhook.InboundHook;
import dev.ltb.webhook.LtbSignature;
import dev.ltb.webhook.PayloadMapping;
import dev.ltb.webhook.SignatureScheme;
import dev.ltb.webhook.VarMapping;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code webhook-ingress} with API Gateway's documented proxy event carrying a GitHub push: hooks, delivery ids and
 * audit in dynalite, suites in S3Proxy, hook secrets from Secrets Manager and StartExecution at the wire (WireMock).
 */
class WebhookIngressHandlerTest {

  static final TenantId ACME = TenantId.of("acme");
  static final String GITHUB_SECRET = "gh-hook-secret-4b1c8d2e9f";
  static final String LTB_SECRET = "ltb-hook-secret-7a3e5c1b0d";
  static final String STATE_MACHINE = "arn:aws:states:us-east-1:000000000000:stateMachine:ltb-test-benchmark-run";
  static final String CANCEL_FUNCTION = "arn:aws:lambda:us-east-1:000000000000:function:ltb-test-cancel:live";
  static WireMockServer aws;
  static AwsClients clients;

  String table;
  AwsAdapters adapters;
  DynamoTenancyStores stores;
  DynamoTenantPlans plans;
  WebhookIngressHandler handler;

  @BeforeAll
  static void start() {
    LocalTenancyCloud.clients();
    aws = new WireMockServer(options().dynamicPort());
    aws.start();
    System.setProperty("aws.endpointUrlSecretsManager", aws.baseUrl());
    System.setProperty("aws.endpointUrlSfn", aws.baseUrl());
    clients = new AwsClients();
  }

  @AfterAll
  static void stop() {
    System.clearProperty("aws.endpointUrlSecretsManager");
    System.clearProperty("aws.endpointUrlSfn");
    clients.close();
    aws.stop();
  }

  @BeforeEach
  void setUp() {
    aws.resetAll();
    SecretsManagerStub.missingByDefault(aws);
    SecretsManagerStub.secret(aws, "ltb/test/tenants/acme/hooks/gh-push", GITHUB_SECRET);
    SecretsManagerStub.secret(aws, "ltb/test/tenants/acme/hooks/nightly", LTB_SECRET);
    aws.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSStepFunctions.StartExecution"))
        .willReturn(aResponse().withHeader("Content-Type", "application/x-amz-json-1.0")
            .withBody("{\"executionArn\":\"arn:aws:states:us-east-1:000000000000:execution:ltb-test-benchmark-run:x\","
                + "\"startDate\":1.7958672E9}")));
    table = LocalTenancyCloud.newTable();
    String bucket = "ltb-hooks-" + UUID.randomUUID().toString().substring(0, 8);
    TableDefinitions.createBucket(clients.s3(), bucket);
    adapters = new AwsAdapters(clients, AwsSettings.of(Map.of(AwsSettings.TABLE, table, AwsSettings.BUCKET, bucket,
        AwsSettings.SECRETS_PREFIX, "ltb/test/", AwsSettings.STATE_MACHINE_ARN, STATE_MACHINE,
        AwsSettings.CANCEL_FUNCTION_ARN, CANCEL_FUNCTION)));
    stores = new DynamoTenancyStores(clients.dynamoDb(), table);
    stores.inboundHooks().save(new InboundHook(ACME, "gh-push", "refunds", SignatureScheme.GITHUB,
        PayloadMapping.githubPush(), Set.of("push"), true));
    stores.inboundHooks().save(new InboundHook(ACME, "nightly", "refunds", SignatureScheme.LTB,
        new PayloadMapping(List.of(VarMapping.required("model", "/model")), Map.of("trigger", "nightly")), Set.of(), true));
    CoreBeans core = new CoreBeans();
    ApiServices.Ports ports = AwsApiPorts.from(adapters, core.providers(), core.suiteLoader(core.providers()), Clock.systemUTC());
    ports.suites().add(new StoredSuite(ACME, "refunds", 1, "refunds", "yaml",
        "description: refunds\nprompts: [\"{{q}} ({{commit}})\"]\nproviders: [echo]\ntests:\n  - vars: {q: hi}\n",
        Instant.now(), "user:alice"));
    plans = stores.tenantPlans(Plans.builtIn(), AwsSettings.UNLIMITED_PLAN);
    handler = new WebhookIngressHandler(WebhookBeans.inboundHooks(adapters, ApiServices.wire(ports).runs(), Clock.systemUTC()));
  }

  /** The documented event with its GitHub signature computed over the body as sent. */
  static ObjectNode githubPush(String secret) throws Exception {
    ObjectNode event = (ObjectNode) Json.mapper().readTree(resource("webhook-ingress-github-push.json"));
    byte[] body = event.get("body").asText().getBytes(StandardCharsets.UTF_8);
    ((ObjectNode) event.get("headers")).put("X-Hub-Signature-256", GitHubSignature.header(SecretValue.of(secret), body));
    return event;
  }

  ObjectNode ltbTrigger(String body, Instant signedAt, String secret) throws Exception {
    ObjectNode event = githubPush(GITHUB_SECRET);
    ObjectNode headers = Json.mapper().createObjectNode();
    headers.put("Content-Type", "application/json");
    headers.put("X-LTB-Signature", LtbSignature.header(SecretValue.of(secret), signedAt, body.getBytes(StandardCharsets.UTF_8)));
    headers.put("X-LTB-Delivery", "nightly-" + UUID.randomUUID());
    event.set("headers", headers);
    ((ObjectNode) event.get("pathParameters")).put("hook", "nightly");
    event.put("body", body);
    return event;
  }

  JsonNode call(JsonNode event) throws Exception {
    return Json.mapper().readTree(invoke(handler, event.toString()));
  }

  List<LoggedRequest> starts() {
    return aws.findAll(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSStepFunctions.StartExecution")));
  }

  @Test
  void aSignedGitHubPushStartsTheHooksSuiteWithTheCommitAndBranchAndAnswers202WithTheRunId() throws Exception {
    JsonNode answer = call(githubPush(GITHUB_SECRET));

    assertThat(answer.get("statusCode").asInt()).isEqualTo(202);
    String runId = Json.mapper().readTree(answer.get("body").asText()).get("runId").asText();
    assertThat(runId).startsWith("hook-");
    assertThat(starts()).hasSize(1);
    JsonNode start = Json.mapper().readTree(starts().get(0).getBodyAsString());
    assertThat(start.get("name").asText()).isEqualTo(runId);
    assertThat(start.get("stateMachineArn").asText()).isEqualTo(STATE_MACHINE);
    JsonNode input = Json.mapper().readTree(start.get("input").asText());
    assertThat(input.get("tenantId").asText()).isEqualTo("acme");
    assertThat(input.get("suiteKey").asText()).isEqualTo("tenants/acme/runs/" + runId + "/input.yaml");
    JsonNode suite = Json.yaml().readTree(adapters.blobStore().get(input.get("suiteKey").asText()).orElseThrow());
    assertThat(suite.at("/defaultTest/vars/commit").asText()).isEqualTo("0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c");
    assertThat(suite.at("/defaultTest/vars/branch").asText()).isEqualTo("main");
    assertThat(suite.at("/defaultTest/vars/repository").asText()).isEqualTo("acme/prompts");
    assertThat(suite.at("/tests/0/vars/q").asText()).isEqualTo("hi");
    List<AuditRecord> audit = stores.auditLog().query(ACME, AuditQuery.latest(10)).items();
    assertThat(audit).extracting(AuditRecord::actorId, AuditRecord::action)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("hook:gh-push", "runs:start"));
    assertThat(audit.get(0).sourceIp()).isEqualTo("140.82.115.31");
  }

  @Test
  void theSameDeliveryTwiceIsAReplay409AndStartsNothingMore() throws Exception {
    assertThat(call(githubPush(GITHUB_SECRET)).get("statusCode").asInt()).isEqualTo(202);

    JsonNode replay = call(githubPush(GITHUB_SECRET));

    assertThat(replay.get("statusCode").asInt()).isEqualTo(409);
    assertThat(replay.at("/headers/Content-Type").asText()).isEqualTo("application/problem+json");
    assertThat(Json.mapper().readTree(replay.get("body").asText()).get("type").asText()).endsWith("/replayed-delivery");
    assertThat(starts()).hasSize(1);
  }

  @Test
  void aTamperedBodyAWrongSecretAnUnknownHookAndAnotherTenantAllAnswerTheSame401() throws Exception {
    ObjectNode tampered = githubPush(GITHUB_SECRET);
    tampered.put("body", tampered.get("body").asText().replace("refs/heads/main", "refs/heads/evil"));
    ObjectNode unknownHook = githubPush(GITHUB_SECRET);
    ((ObjectNode) unknownHook.get("pathParameters")).put("hook", "no-such-hook");
    ObjectNode otherTenant = githubPush(GITHUB_SECRET);
    ((ObjectNode) otherTenant.get("pathParameters")).put("tenant", "beta");

    List<JsonNode> answers = List.of(call(tampered), call(githubPush("a-guessed-secret")), call(unknownHook), call(otherTenant));

    assertThat(answers).extracting(answer -> answer.get("statusCode").asInt()).containsOnly(401);
    assertThat(answers).extracting(answer -> answer.get("body").asText()).containsOnly(answers.get(0).get("body").asText());
    assertThat(starts()).isEmpty();
  }

  @Test
  void ourOwnSignatureStartsARunWithTheMappedVarsAndRefusesAStaleTimestamp() throws Exception {
    String body = "{\"model\":\"gpt-4o-mini\"}";

    JsonNode fresh = call(ltbTrigger(body, Instant.now(), LTB_SECRET));
    JsonNode stale = call(ltbTrigger(body, Instant.now().minusSeconds(6 * 60), LTB_SECRET));

    assertThat(fresh.get("statusCode").asInt()).isEqualTo(202);
    assertThat(stale.get("statusCode").asInt()).isEqualTo(401);
    JsonNode input = Json.mapper().readTree(Json.mapper().readTree(starts().get(0).getBodyAsString()).get("input").asText());
    JsonNode suite = Json.yaml().readTree(adapters.blobStore().get(input.get("suiteKey").asText()).orElseThrow());
    assertThat(suite.at("/defaultTest/vars/model").asText()).isEqualTo("gpt-4o-mini");
    assertThat(suite.at("/defaultTest/vars/trigger").asText()).isEqualTo("nightly");
  }

  @Test
  void anOversizedBodyIs413AndMalformedJsonIs400WithNothingStartedOrRemembered() throws Exception {
    String huge = "{\"model\":\"" + "x".repeat(1024 * 1024) + "\"}";
    JsonNode tooLarge = call(ltbTrigger(huge, Instant.now(), LTB_SECRET));
    ObjectNode malformed = ltbTrigger("{\"model\": ", Instant.now(), LTB_SECRET);
    JsonNode notJson = call(malformed);
    JsonNode missingVar = call(ltbTrigger("{\"other\":1}", Instant.now(), LTB_SECRET));

    assertThat(tooLarge.get("statusCode").asInt()).isEqualTo(413);
    assertThat(notJson.get("statusCode").asInt()).isEqualTo(400);
    assertThat(Json.mapper().readTree(notJson.get("body").asText()).get("detail").asText()).contains("not valid JSON");
    assertThat(missingVar.get("statusCode").asInt()).isEqualTo(400);
    assertThat(Json.mapper().readTree(missingVar.get("body").asText()).get("detail").asText())
        .isEqualTo("payload has no value at /model (variable model)");
    assertThat(starts()).isEmpty();
    // the malformed delivery was not remembered: fixed and resent with the same delivery id, it starts
    malformed.put("body", "{\"model\": \"fixed\"}");
    ((ObjectNode) malformed.get("headers")).put("X-LTB-Signature",
        LtbSignature.header(SecretValue.of(LTB_SECRET), Instant.now(), "{\"model\": \"fixed\"}".getBytes(StandardCharsets.UTF_8)));
    assertThat(call(malformed).get("statusCode").asInt()).isEqualTo(202);
  }

  @Test
  void aBase64EncodedBodyIsVerifiedOnItsRawBytes() throws Exception {
    ObjectNode event = githubPush(GITHUB_SECRET);
    event.put("body", Base64.getEncoder().encodeToString(event.get("body").asText().getBytes(StandardCharsets.UTF_8)));
    event.put("isBase64Encoded", true);

    assertThat(call(event).get("statusCode").asInt()).isEqualTo(202);
  }

  @Test
  void aGitHubPingIsAcknowledgedWithoutARun() throws Exception {
    ObjectNode ping = githubPush(GITHUB_SECRET);
    ((ObjectNode) ping.get("headers")).put("X-GitHub-Event", "ping");

    JsonNode answer = call(ping);

    assertThat(answer.get("statusCode").asInt()).isEqualTo(200);
    assertThat(starts()).isEmpty();
  }

  @Test
  void aHookStartedRunIsRecordedAuditedAndHoldsAPlanSlotLikeARunStartedThroughTheApi() throws Exception {
    plans.assign(ACME, "team", Instant.now());

    JsonNode answer = call(githubPush(GITHUB_SECRET));

    String runId = Json.mapper().readTree(answer.get("body").asText()).get("runId").asText();
    RunRecord run = adapters.runHistories().forTenant("acme").find(runId).orElseThrow();
    assertThat(run.status()).isEqualTo(RunStatus.QUEUED);
    assertThat(run.totalItems()).isEqualTo(1);
    assertThat(stores.runSlots().active(ACME)).isEqualTo(1);
    assertThat(stores.auditLog().query(ACME, AuditQuery.latest(10)).items()).singleElement().satisfies(record -> {
      assertThat(record.action()).isEqualTo("runs:start");
      assertThat(record.resource().type() + ":" + record.resource().id()).isEqualTo("run:" + runId);
      assertThat(record.actorId()).isEqualTo("hook:gh-push");
    });
  }

  @Test
  void aHookOverThePlansConcurrentRunLimitIsRefused429NamingTheLimitAndStartsNothing() throws Exception {
    plans.assign(ACME, "free", Instant.now()); // free: 1 concurrent run
    String body = "{\"model\":\"gpt-4o-mini\"}";
    assertThat(call(ltbTrigger(body, Instant.now(), LTB_SECRET)).get("statusCode").asInt()).isEqualTo(202);

    ObjectNode second = ltbTrigger(body, Instant.now(), LTB_SECRET);
    JsonNode refused = call(second);

    assertThat(refused.get("statusCode").asInt()).isEqualTo(429);
    assertThat(refused.at("/headers/Content-Type").asText()).isEqualTo("application/problem+json");
    JsonNode problem = Json.mapper().readTree(refused.get("body").asText());
    assertThat(problem.get("type").asText()).isEqualTo("https://ltb.dev/problems/quota-exceeded");
    assertThat(problem.get("detail").asText()).isEqualTo(
        "plan 'free' allows 1 concurrent runs (maxConcurrentRuns); 1 are queued or running. Retry when one finishes.");
    assertThat(starts()).hasSize(1);
    assertThat(adapters.runHistories().forTenant("acme").list(10)).hasSize(1);
    // the refused delivery was not kept: once a slot is free, the sender's redelivery starts the run
    String running = adapters.runHistories().forTenant("acme").list(10).get(0).runId();
    stores.runSlots().release(ACME, running);
    assertThat(call(second).get("statusCode").asInt()).isEqualTo(202);
    assertThat(starts()).hasSize(2);
  }

  @Test
  void aHookOverThePlansItemLimitIsRefusedNamingMaxItemsPerRun() throws Exception {
    plans.assign(ACME, "free", Instant.now()); // free: 500 items per run
    StringBuilder suite = new StringBuilder("description: big\nprompts: [\"{{q}}\"]\nproviders: [echo]\ntests:\n");
    for (int i = 0; i < 501; i++) suite.append("  - vars: {q: q").append(i).append("}\n");
    new dev.ltb.aws.dynamodb.api.DynamoSuiteStore(clients.dynamoDb(), table, adapters.blobStore())
        .add(new StoredSuite(ACME, "refunds", 2, "big", "yaml", suite.toString(), Instant.now(), "user:alice"));

    JsonNode refused = call(ltbTrigger("{\"model\":\"m\"}", Instant.now(), LTB_SECRET));

    assertThat(refused.get("statusCode").asInt()).isEqualTo(429);
    assertThat(Json.mapper().readTree(refused.get("body").asText()).get("detail").asText())
        .startsWith("plan 'free' allows at most 500 items per run (maxItemsPerRun); this run has 501 items.");
    assertThat(starts()).isEmpty();
    assertThat(adapters.runHistories().forTenant("acme").list(10)).isEmpty();
    assertThat(stores.runSlots().active(ACME)).isZero();
  }
}
