package dev.ltb.pipeline;

import static dev.ltb.pipeline.PipelineFixture.suite;
import static dev.ltb.pipeline.PipelineFixture.task;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.json.Json;
import dev.ltb.run.RunStatus;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ShardWorkerTest {

  private final PipelineFixture fixture = new PipelineFixture();
  private final WorkerSettings settings = WorkerSettings.defaults().withStatusPollInterval(Duration.ZERO);

  @Test
  void executesItsShardStoresEveryResultAndReportsTheShardReport() throws Exception {
    fixture.planRun("run-1", suite(10, 6, ""));

    ShardDisposition disposition = fixture.worker(settings).handle(task("run-1", 1), 1);

    assertThat(disposition).isEqualTo(ShardDisposition.ACK);
    assertThat(fixture.history.completedItemIds("run-1"))
        .containsExactlyInAnyOrder("t000003-p0-m0-r0", "t000003-p0-m1-r0", "t000004-p0-m0-r0", "t000004-p0-m1-r0",
            "t000005-p0-m0-r0", "t000005-p0-m1-r0");
    RecordingCallbacks.Report report = fixture.callbacks.reports.getFirst();
    assertThat(report.taskToken()).isEqualTo("token-run-1-1");
    JsonNode output = Json.mapper().readTree(report.outputJson());
    assertThat(output.get("shardIndex").asInt()).isEqualTo(1);
    assertThat(output.get("executed").asLong()).isEqualTo(6);
    assertThat(output.get("passed").asLong()).isEqualTo(3);
    assertThat(output.get("failed").asLong()).isEqualTo(3);
    assertThat(fixture.events).extracting(RunEvent::type).contains("run.progress");
  }

  @Test
  void aRedeliveredShardSkipsStoredItemsAndCallsNoProviderAgain() throws Exception {
    fixture.planRun("run-2", suite(10, 6, ""));
    fixture.worker(settings).handle(task("run-2", 0), 1);

    fixture.worker(settings).handle(task("run-2", 0), 2);

    JsonNode second = Json.mapper().readTree(fixture.callbacks.reports.get(1).outputJson());
    assertThat(second.get("executed").asLong()).isZero();
    assertThat(second.get("skipped").asLong()).isEqualTo(6);
    assertThat(second.get("providerCalls").asLong()).isZero();
    assertThat(fixture.history.duplicateSaves).hasValue(0);
  }

  @Test
  void aStorageFailureLeavesTheMessageToBeRetriedAndIsNeverReportedAsSuccess() {
    fixture.planRun("run-3", suite(4, 8, ""));
    fixture.history.failSavesWhen = result -> result.itemId().startsWith("t000002");

    ShardDisposition first = fixture.worker(settings).handle(task("run-3", 0), 1);

    assertThat(first).isEqualTo(ShardDisposition.RETRY);
    assertThat(fixture.callbacks.reports).isEmpty();

    fixture.history.failSavesWhen = result -> false;
    ShardDisposition retried = fixture.worker(settings).handle(task("run-3", 0), 2);

    assertThat(retried).isEqualTo(ShardDisposition.ACK);
    assertThat(fixture.history.storedResults("run-3")).isEqualTo(8);
    assertThat(fixture.callbacks.reports).singleElement().satisfies(r -> assertThat(r.outputJson()).isNotNull());
  }

  @Test
  void onTheLastDeliveryAFailingShardIsReportedFailedBeforeTheQueueDeadLettersIt() {
    fixture.planRun("run-4", suite(2, 4, ""));
    fixture.history.failSavesWhen = result -> true;

    ShardDisposition disposition = fixture.worker(settings.withMaxDeliveries(3)).handle(task("run-4", 0), 3);

    assertThat(disposition).isEqualTo(ShardDisposition.RETRY);
    assertThat(fixture.callbacks.reports).singleElement().satisfies(report -> {
      assertThat(report.error()).isEqualTo("ltb.ShardFailed");
      assertThat(report.cause()).startsWith("failed on all 3 deliveries; last error: storing results failed");
    });
  }

  @Test
  void aCancelledRunsShardIsDroppedWithoutCallingAProvider() {
    fixture.planRun("run-5", suite(4, 8, ""));
    fixture.history.updateStatus("run-5", RunStatus.CANCELLED, "cancelled by request");

    ShardDisposition disposition = fixture.worker(settings).handle(task("run-5", 0), 1);

    assertThat(disposition).isEqualTo(ShardDisposition.ACK);
    assertThat(fixture.history.storedResults("run-5")).isZero();
    assertThat(fixture.callbacks.reports).singleElement().satisfies(r -> assertThat(r.error()).isEqualTo("ltb.RunEnded"));
  }

  @Test
  void aCancellationWhileTheShardRunsStopsItBeforeTheNextItem() {
    fixture.planRun("run-6", suite(20, 40, "latencyMs: 30"));
    fixture.history.failSavesWhen =
        result -> {
          if (result.itemId().equals("t000001-p0-m0-r0"))
            fixture.history.updateStatus("run-6", RunStatus.CANCELLED, "cancelled by request");
          return false;
        };

    fixture.worker(settings).handle(task("run-6", 0), 1);

    assertThat(fixture.history.storedResults("run-6")).isBetween(1, 39);
    assertThat(fixture.callbacks.reports).singleElement().satisfies(r -> assertThat(r.error()).isEqualTo("ltb.RunEnded"));
  }

  @Test
  void aShardOutsideThePlanIsReportedAtOnce() {
    fixture.planRun("run-7", suite(2, 4, ""));

    ShardDisposition disposition = fixture.worker(settings).handle(task("run-7", 5), 1);

    assertThat(disposition).isEqualTo(ShardDisposition.ACK);
    assertThat(fixture.callbacks.reports).singleElement().satisfies(report -> {
      assertThat(report.error()).isEqualTo("ltb.ShardNotInPlan");
      assertThat(report.cause()).isEqualTo("the plan has 1 shards; there is no shard 5");
    });
  }

  @Test
  void aRunThatWasNeverPlannedIsReportedAtOnce() {
    fixture.history.create(new dev.ltb.run.RunRecord("ghost", "", "", null, RunStatus.RUNNING, java.time.Instant.now(),
        null, 0, null, null));

    ShardDisposition disposition = fixture.worker(settings).handle(task("ghost", 0), 1);

    assertThat(disposition).isEqualTo(ShardDisposition.ACK);
    assertThat(fixture.callbacks.reports).singleElement().satisfies(r -> assertThat(r.error()).isEqualTo("ltb.RunNotFound"));
  }

  @Test
  void aLongShardSendsHeartbeatsWhileItRuns() {
    fixture.planRun("run-8", suite(4, 8, "latencyMs: 150"));

    fixture.worker(settings.withHeartbeatInterval(Duration.ofMillis(40))).handle(task("run-8", 0), 1);

    assertThat(fixture.callbacks.heartbeats.get()).isPositive();
  }
}
