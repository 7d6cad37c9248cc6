package dev.ltb.functions.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.ltb.functions.e2e.LocalPipeline.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.ltb.json.Json;
import dev.ltb.local.history.SqliteRunHistory;
import dev.ltb.pipeline.RunEvent;
import dev.ltb.pipeline.WorkerSettings;
import dev.ltb.provider.ProviderFixtures;
import dev.ltb.run.LocalRunner;
import dev.ltb.run.RunListener;
import dev.ltb.run.RunRecord;
import dev.ltb.run.RunStatus;
import dev.ltb.suite.Suite;
import dev.ltb.suite.SuiteCodec;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A benchmark run from StartExecution to its end through statemachines/benchmark-run.asl.json on the local
 * cloud, with the real handlers and AWS adapters; providers are scripted models and an OpenAI-compatible
 * server (WireMock answering the documented Chat Completions body). Faults are made at the wire: a worker
 * killed mid-batch, a 429 storm, DynamoDB refusing a shard's writes, a slow model, a cancellation.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineEndToEndTest {

  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(3);

  private final WireMockServer llm = new WireMockServer(options().dynamicPort());
  private final WireMockServer dynamoDbProxy = new WireMockServer(options().dynamicPort());
  private final WireMockServer secretsManager = new WireMockServer(options().dynamicPort());
  private final List<StubMapping> llmStubs = new ArrayList<>();
  private final List<StubMapping> dynamoDbStubs = new ArrayList<>();
  private LocalPipeline pipeline;

  @BeforeAll
  void startCloud() {
    llm.start();
    dynamoDbProxy.start();
    secretsManager.start();
    answerChatCompletions(0);
    // The local cloud has no Secrets Manager: this one, on the wire, stores no secret (the documented answer
    // to GetSecretValue for an unknown secret), so providers run without keys as against a local server.
    secretsManager.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
            .withBody("{\"__type\":\"ResourceNotFoundException\",\"Message\":\"Secrets Manager can't find the specified secret.\"}")));
    System.setProperty("aws.endpointUrlSecretsManager", secretsManager.baseUrl());
    pipeline =
        LocalPipeline.start(
            dynalite -> {
              dynamoDbProxy.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(dynalite)));
              return dynamoDbProxy.baseUrl();
            },
            4, WorkerSettings.defaults().withStatusPollInterval(Duration.ofMillis(200)));
  }

  @AfterAll
  void stopCloud() {
    if (pipeline != null) pipeline.close();
    System.clearProperty("aws.endpointUrlSecretsManager");
    llm.stop();
    dynamoDbProxy.stop();
    secretsManager.stop();
  }

  @AfterEach
  void removeTestStubs() {
    llmStubs.forEach(llm::removeStub);
    llmStubs.clear();
    dynamoDbStubs.forEach(dynamoDbProxy::removeStub);
    dynamoDbStubs.clear();
    llm.resetScenarios();
    answerChatCompletions(0);
  }

  @Test
  void twoHundredTestsOnThreeProvidersCompleteWithTheSummaryLtbRunComputes(@TempDir Path tmp) throws Exception {
    String execution = pipeline.start("full-run", Suites.threeProviders(200, openAiBaseUrl(), 50), Map.of("maxConcurrency", 4));

    DescribeExecutionResponse ended = pipeline.awaitEnd(execution, RUN_TIMEOUT);

    assertThat(ended.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(pipeline.output(ended).get("type").asText()).isEqualTo("run.completed");
    RunRecord record = pipeline.history().find("full-run").orElseThrow();
    assertThat(record.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(record.totalItems()).isEqualTo(600);
    assertThat(storedItemIds("full-run")).hasSize(600);
    JsonNode cloudSummary = Json.mapper().readTree(pipeline.blobText(pipeline.run("full-run").summaryKey()));
    assertThat(pipeline.blobText(pipeline.run("full-run").reportKey())).contains("<html").contains("http-model");

    Suite suite = SuiteCodec.fromJson(pipeline.blobText(pipeline.run("full-run").resolvedSuiteKey()));
    try (SqliteRunHistory local = SqliteRunHistory.open(tmp.resolve("history.db"))) {
      RunRecord localRun = new LocalRunner(local, pipeline.wiring().engine()).run(suite, RunListener.NONE, () -> false);
      JsonNode localSummary = Json.mapper().readTree(Json.write(localRun.summary()));
      assertThat(withoutTimings(cloudSummary)).isEqualTo(withoutTimings(localSummary));
    }
    assertThat(cloudSummary.at("/totals/items").asLong()).isEqualTo(600);
    assertThat(cloudSummary.at("/totals/passed").asLong()).isEqualTo(200);
    assertThat(eventTypes("full-run"))
        .startsWith("run.started").endsWith("run.completed")
        .filteredOn("run.progress"::equals).hasSize(12);
  }

  @Test
  void aWorkerKilledMidShardStoresEveryItemOnceAndCallsNoFinishedItemAgain() throws Exception {
    answerChatCompletions(100);
    String execution = pipeline.start("killed", Suites.openAiOnly("killed", 40, openAiBaseUrl(), 40, 2, 0), Map.of());
    await(() -> storedItemIds("killed").size() >= 8, Duration.ofSeconds(60));

    pipeline.killWorkers();
    Thread.sleep(300);
    Set<String> finishedBeforeTheKill = storedItemIds("killed");
    pipeline.startWorkers();
    DescribeExecutionResponse ended = pipeline.awaitEnd(execution, RUN_TIMEOUT);

    assertThat(ended.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(pipeline.history().find("killed").orElseThrow().status()).isEqualTo(RunStatus.COMPLETED);
    List<String> stored = new ArrayList<>();
    pipeline.history().forEachResult("killed", result -> stored.add(result.itemId()));
    assertThat(stored).hasSize(40).doesNotHaveDuplicates();
    assertThat(finishedBeforeTheKill).isNotEmpty().hasSizeLessThan(40);
    for (String itemId : finishedBeforeTheKill) {
      int test = Integer.parseInt(itemId.substring(1, 7));
      assertThat(requestsFor("killed", test)).as("provider calls for %s, finished before the kill", itemId).isEqualTo(1);
    }
  }

  @Test
  void aStormOf429AnswersIsRiddenOutWithBackoffAndTheRunCompletes() throws Exception {
    int storm = 12;
    for (int i = 0; i < storm; i++) {
      llmStubs.add(llm.stubFor(post(urlEqualTo("/v1/chat/completions")).atPriority(1)
          .inScenario("storm").whenScenarioStateIs(i == 0 ? Scenario.STARTED : "429-" + i)
          .willSetStateTo("429-" + (i + 1))
          .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
              .withHeader("Content-Type", "application/json")
              .withBody("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}"))));
    }
    String execution = pipeline.start("storm", Suites.openAiOnly("storm", 20, openAiBaseUrl(), 10, 4, 6), Map.of());

    DescribeExecutionResponse ended = pipeline.awaitEnd(execution, RUN_TIMEOUT);

    assertThat(ended.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    RunRecord record = pipeline.history().find("storm").orElseThrow();
    assertThat(record.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(record.summary().totals().errors()).isZero();
    long[] retries = {0};
    pipeline.history().forEachResult("storm", result -> retries[0] += result.attempts() - 1);
    // concurrent calls may share a 429 of the scenario: at least `storm` of them, each retried once more
    assertThat(retries[0]).isGreaterThanOrEqualTo(storm);
    assertThat(chatRequests("storm")).isEqualTo(20 + retries[0]);
  }

  @Test
  void aPoisonShardGoesToTheDeadLetterQueueIsRecordedAndTheRunEndsPartial() throws Exception {
    // DynamoDB refuses every write of shard 1's middle item's result, on every delivery
    dynamoDbStubs.add(dynamoDbProxy.stubFor(post(urlEqualTo("/")).atPriority(1)
        .withHeader("X-Amz-Target", equalTo("DynamoDB_20120810.PutItem"))
        .withRequestBody(containing("#RUN#poison")).withRequestBody(containing("ITEM#t000004-"))
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.0")
            .withBody("{\"__type\":\"com.amazon.coral.validation#ValidationException\","
                + "\"message\":\"Item size has exceeded the maximum allowed size\"}"))));
    String execution =
        pipeline.start("poison", Suites.scripted(12, 3, "yes"), Map.of("toleratedFailurePercentage", 50));

    DescribeExecutionResponse ended = pipeline.awaitEnd(execution, RUN_TIMEOUT);

    assertThat(ended.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    RunRecord record = pipeline.history().find("poison").orElseThrow();
    assertThat(record.status()).isEqualTo(RunStatus.PARTIAL);
    assertThat(record.statusReason())
        .startsWith("1 of 4 shards failed (shard 1: ltb.ShardFailed: failed on all 3 deliveries; last error: storing results failed")
        .endsWith("1 of 12 items have no result");
    assertThat(storedItemIds("poison")).hasSize(11).doesNotContain("t000004-p0-m0-r0");
    await(() -> deadLetters() > 0, Duration.ofSeconds(30));
    assertThat(eventTypes("poison")).endsWith("run.partial");
  }

  @Test
  void aShardThatOutlivesItsTimeoutIsCaughtAndRecorded() throws Exception {
    answerChatCompletions(400);
    String execution =
        pipeline.start("too-slow", Suites.openAiOnly("too-slow", 12, openAiBaseUrl(), 12, 1, 0),
            Map.of("shardTimeoutSeconds", 2, "toleratedFailurePercentage", 100));

    DescribeExecutionResponse ended = pipeline.awaitEnd(execution, RUN_TIMEOUT);

    assertThat(ended.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    RunRecord record = pipeline.history().find("too-slow").orElseThrow();
    assertThat(record.status()).isEqualTo(RunStatus.PARTIAL);
    assertThat(record.statusReason()).startsWith("1 of 1 shards failed (shard 0: States.Timeout");
  }

  @Test
  void cancellingMidRunStopsTheExecutionAndEveryProviderCall() throws Exception {
    answerChatCompletions(150);
    String execution =
        pipeline.start("cancelled", Suites.openAiOnly("cancelled", 60, openAiBaseUrl(), 10, 2, 0), Map.of("maxConcurrency", 1));
    await(() -> storedItemIds("cancelled").size() >= 6, Duration.ofSeconds(60));

    JsonNode answer = invoke(pipeline.wiring().cancel(), "{\"tenantId\":\"acme\",\"runId\":\"cancelled\"}");

    assertThat(answer.get("status").asText()).isEqualTo("CANCELLED");
    await(() -> pipeline.describe(execution).status() != ExecutionStatus.RUNNING, Duration.ofSeconds(10));
    assertThat(pipeline.describe(execution).status()).isEqualTo(ExecutionStatus.ABORTED);
    Thread.sleep(1_000); // calls in flight at the cancellation finish; no new one may start
    long callsAfterCancel = chatRequests("cancelled");
    Thread.sleep(2_000);
    assertThat(chatRequests("cancelled")).isEqualTo(callsAfterCancel).isLessThan(60);
    RunRecord record = pipeline.history().find("cancelled").orElseThrow();
    assertThat(record.status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(record.statusReason()).startsWith("cancelled by request after ");
    assertThat(eventTypes("cancelled")).endsWith("run.cancelled");
  }

  @Test
  void aMalformedSuiteFailsTheRunAtPlanWithTheValidatorsMessage() throws Exception {
    String malformed = Suites.scripted(3, 10, "yes").replace("type: icontains", "type: icontain");
    String execution = pipeline.start("malformed", malformed, Map.of());

    DescribeExecutionResponse ended = pipeline.awaitEnd(execution, RUN_TIMEOUT);

    assertThat(ended.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(ended.error()).isEqualTo("ltb.RunFailed");
    RunRecord record = pipeline.history().find("malformed").orElseThrow();
    assertThat(record.status()).isEqualTo(RunStatus.FAILED);
    assertThat(record.statusReason())
        .matches("(?s)malformed\\.yaml:\\d+:\\d+: tests\\[0]\\.assert\\[0]\\.type: .*icontain.*");
    assertThat(storedItemIds("malformed")).isEmpty();
    assertThat(eventTypes("malformed")).containsExactly("run.failed");
  }

  @Test
  void anOversizedOutputIsStoredInS3ByReference() throws Exception {
    String huge = "yes ".repeat(80_000);
    String execution = pipeline.start("oversized", Suites.scripted(2, 10, huge), Map.of());

    DescribeExecutionResponse ended = pipeline.awaitEnd(execution, RUN_TIMEOUT);

    assertThat(ended.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    ScanResponse referenced =
        pipeline.aws().clients().dynamoDb().scan(b -> b.tableName(pipeline.aws().settings().table())
            .filterExpression("attribute_exists(resultKey) AND contains(pk, :run)")
            .expressionAttributeValues(Map.of(":run",
                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("oversized"))));
    assertThat(referenced.items()).hasSize(2);
    for (var item : referenced.items()) {
      String key = item.get("resultKey").s();
      assertThat(key).startsWith("tenants/" + TENANT + "/");
      assertThat(pipeline.blobText(key)).contains(huge);
    }
    List<Integer> outputs = new ArrayList<>();
    pipeline.history().forEachResult("oversized", result -> outputs.add(result.output().length()));
    assertThat(outputs).containsOnly(huge.length());
  }

  // ---- helpers ----

  private void answerChatCompletions(int delayMs) {
    var fixture = ProviderFixtures.load("openai-chat-completions");
    llm.stubFor(post(urlEqualTo("/v1/chat/completions")).atPriority(5)
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody(fixture.body()).withFixedDelay(delayMs)));
  }

  private String openAiBaseUrl() {
    return llm.baseUrl() + "/v1";
  }

  private long chatRequests(String tag) {
    return llm.countRequestsMatching(postRequestedFor(urlEqualTo("/v1/chat/completions"))
        .withRequestBody(containing("[" + tag + "]")).build()).getCount();
  }

  private int requestsFor(String tag, int test) {
    return llm.countRequestsMatching(postRequestedFor(urlEqualTo("/v1/chat/completions"))
        .withRequestBody(containing(Suites.question(tag, test))).build()).getCount();
  }

  private Set<String> storedItemIds(String runId) {
    return new HashSet<>(pipeline.history().completedItemIds(runId));
  }

  private List<String> eventTypes(String runId) {
    return pipeline.aws().runEvents().read(TENANT, runId).stream().map(RunEvent::type).toList();
  }

  private int deadLetters() {
    var attributes = pipeline.cloud().sqs().getQueueAttributes(b -> b.queueUrl(pipeline.shardQueue().deadLetter().url())
        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    return attributes.attributes().values().stream().mapToInt(Integer::parseInt).sum();
  }

  private static JsonNode invoke(com.amazonaws.services.lambda.runtime.RequestStreamHandler handler, String json)
      throws Exception {
    var out = new java.io.ByteArrayOutputStream();
    handler.handleRequest(new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)), out, null);
    return Json.mapper().readTree(out.toByteArray());
  }

  private static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) throw new AssertionError("condition not met within " + timeout);
      Thread.sleep(100);
    }
  }

  /** The summary without what depends on the run id and the clock (timings, latencies). */
  static JsonNode withoutTimings(JsonNode summary) {
    ObjectNode copy = summary.deepCopy();
    copy.remove(List.of("runId", "startedAt", "finishedAt"));
    ((ObjectNode) copy.get("totals")).remove("durationMs");
    for (JsonNode group : copy.get("groups")) ((ObjectNode) group).remove("latencyMs");
    return copy;
  }
}
