package dev.ltb.functions;

import static dev.ltb.functions.HandlerFixture.invoke;
import static dev.ltb.functions.HandlerFixture.resource;
import static dev.ltb.functions.HandlerFixture.suite;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.json.Json;
import dev.ltb.pipeline.SuiteRejectedException;
import dev.ltb.run.RunStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Each handler invoked with the JSON its state (or the event source mapping) sends. */
class HandlersTest {

  private final HandlerFixture fixture = new HandlerFixture();

  @Test
  void planTakesTheExecutionInputAndReturnsTheMapStatesInput() throws Exception {
    fixture.blobs.putText("tenants/acme/suites/s.yaml", suite(10));

    JsonNode planned = Json.mapper().readTree(invoke(fixture.plan(),
        "{\"tenantId\":\"acme\",\"runId\":\"run-1\",\"suiteKey\":\"tenants/acme/suites/s.yaml\",\"maxConcurrency\":4,\"source\":\"api\"}"));

    assertThat(planned.get("shards").toString()).isEqualTo("[0,1,2]");
    assertThat(planned.get("maxConcurrency").asInt()).isEqualTo(4);
    assertThat(planned.get("totalItems").asLong()).isEqualTo(10);
    assertThat(planned.get("heartbeatSeconds").asInt()).isEqualTo(300);
  }

  @Test
  void planThrowsTheTypedErrorTheStateMachineCatches() {
    fixture.blobs.putText("tenants/acme/suites/bad.yaml", "description: [unclosed\n");

    assertThatThrownBy(() -> invoke(fixture.plan(),
            "{\"tenantId\":\"acme\",\"runId\":\"run-2\",\"suiteKey\":\"tenants/acme/suites/bad.yaml\"}"))
        .isInstanceOf(SuiteRejectedException.class)
        .hasMessageStartingWith("bad.yaml:");
  }

  @Test
  void theWorkerAcknowledgesItsShardAndReturnsOnlyTheUnreadableMessageToTheQueue() throws Exception {
    fixture.blobs.putText("tenants/acme/suites/s.yaml", suite(6));
    invoke(fixture.plan(), "{\"tenantId\":\"acme\",\"runId\":\"run-1\",\"suiteKey\":\"tenants/acme/suites/s.yaml\"}");

    JsonNode response = Json.mapper().readTree(invoke(fixture.worker(), resource("sqs-two-shards-one-unreadable.json")));

    assertThat(response.toString())
        .isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"2e1424d4-f796-459a-8184-9c92662be6da\"}]}");
    assertThat(fixture.history.storedResults("run-1")).isEqualTo(4);
    assertThat(fixture.callbacks.reports).singleElement()
        .satisfies(report -> assertThat(report.taskToken()).isEqualTo("token-run-1-0"));
  }

  @Test
  void theWorkerEmitsItsMetricsAsEmbeddedMetricFormat() throws Exception {
    fixture.blobs.putText("tenants/acme/suites/s.yaml", suite(6));
    invoke(fixture.plan(), "{\"tenantId\":\"acme\",\"runId\":\"run-1\",\"suiteKey\":\"tenants/acme/suites/s.yaml\"}");
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      invoke(fixture.worker(), resource("sqs-two-shards-one-unreadable.json"));
    } finally {
      System.setOut(original);
    }

    JsonNode emf =
        captured.toString(StandardCharsets.UTF_8).lines().filter(line -> line.contains("\"_aws\""))
            .map(line -> { try { return Json.mapper().readTree(line); } catch (Exception e) { throw new AssertionError(e); } })
            .findFirst().orElseThrow(() -> new AssertionError("no EMF line in: " + captured));
    assertThat(emf.get("Items").asInt()).isEqualTo(4);
    assertThat(emf.get("ItemsPassed").asInt()).isEqualTo(4);
    assertThat(emf.get("ProviderLatency")).hasSize(4);
    assertThat(emf.get("_aws").get("CloudWatchMetrics").get(0).get("Namespace").asText()).isEqualTo("LlmTestBench");
  }

  @Test
  void aggregateReadsTheMapStatesResultAndNamesTheFailedShard() throws Exception {
    fixture.blobs.putText("tenants/acme/suites/s.yaml", suite(8));
    invoke(fixture.plan(), "{\"tenantId\":\"acme\",\"runId\":\"run-1\",\"suiteKey\":\"tenants/acme/suites/s.yaml\"}");
    invoke(fixture.worker(), resource("sqs-two-shards-one-unreadable.json"));

    JsonNode conclusion = Json.mapper().readTree(invoke(fixture.aggregate(), resource("aggregate-after-map.json")));

    assertThat(conclusion.get("status").asText()).isEqualTo("FAILED");
    assertThat(conclusion.get("reason").asText())
        .isEqualTo("1 of 2 shards failed (shard 1: States.Timeout: the task did not finish in time); 4 of 8 items have no result");
    assertThat(conclusion.get("summaryKey").asText()).isEqualTo("tenants/acme/runs/run-1/summary.json");
  }

  @Test
  void markFailedRecordsTheLambdaErrorMessage() throws Exception {
    JsonNode event = Json.mapper().readTree(invoke(fixture.markFailed(), resource("mark-failed-after-plan.json")));

    assertThat(event.get("type").asText()).isEqualTo("run.failed");
    assertThat(fixture.history.find("run-9").orElseThrow().statusReason())
        .isEqualTo("java.lang.IllegalStateException: the table is not reachable");
  }

  @Test
  void cancelAnswersWithTheRunsNewStatus() throws Exception {
    fixture.blobs.putText("tenants/acme/suites/s.yaml", suite(4));
    invoke(fixture.plan(), "{\"tenantId\":\"acme\",\"runId\":\"run-1\",\"suiteKey\":\"tenants/acme/suites/s.yaml\"}");

    JsonNode cancelled = Json.mapper().readTree(invoke(fixture.cancel(), "{\"tenantId\":\"acme\",\"runId\":\"run-1\"}"));

    assertThat(cancelled.get("status").asText()).isEqualTo(RunStatus.CANCELLED.name());
    assertThat(cancelled.get("reason").asText()).isEqualTo("cancelled by request after 0 of 4 items");
    assertThat(fixture.stopped).hasSize(1);
  }
}
