package dev.ltb.pipeline;

import static dev.ltb.pipeline.PipelineFixture.TENANT;
import static dev.ltb.pipeline.PipelineFixture.suite;
import static dev.ltb.pipeline.PipelineFixture.task;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.json.Json;
import dev.ltb.run.LocalRunner;
import dev.ltb.run.RunListener;
import dev.ltb.run.RunRecord;
import dev.ltb.run.RunStatus;
import dev.ltb.suite.Suite;
import dev.ltb.suite.SuiteCodec;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AggregateStepTest {

  private final PipelineFixture fixture = new PipelineFixture();
  private final WorkerSettings settings = WorkerSettings.defaults().withStatusPollInterval(Duration.ZERO);

  @Test
  void aRunWhoseShardsAllFinishedIsCompletedWithTheSameSummaryAsALocalRun() throws Exception {
    String yaml = suite(15, 7, "");
    PlannedRun planned = fixture.planRun("run-1", yaml);
    for (int shard : planned.shards()) fixture.worker(settings).handle(task("run-1", shard), 1);

    RunConclusion conclusion = fixture.aggregate().aggregate(request("run-1", planned, List.of()));

    assertThat(conclusion.status()).isEqualTo("COMPLETED");
    assertThat(conclusion.items()).isEqualTo(30);
    assertThat(conclusion.passed()).isEqualTo(15);
    RunRef run = new RunRef(TENANT, "run-1");
    assertThat(conclusion.summaryKey()).isEqualTo(run.summaryKey());
    assertThat(fixture.blobs.text(run.reportKey())).contains("<html").contains("pipeline test");
    assertThat(fixture.history.find("run-1").orElseThrow().status()).isEqualTo(RunStatus.COMPLETED);

    Suite suite = SuiteCodec.fromJson(fixture.blobs.text(run.resolvedSuiteKey()));
    InMemoryRunHistory localHistory = new InMemoryRunHistory();
    RunRecord local = new LocalRunner(localHistory, fixture.engine).run(suite, RunListener.NONE, () -> false);
    assertThat(withoutTimings(Json.mapper().readTree(fixture.blobs.text(run.summaryKey()))))
        .isEqualTo(withoutTimings(Json.mapper().readTree(Json.write(local.summary()))));
  }

  @Test
  void failedShardsMakeTheRunPartialAndTheReasonNamesThem() {
    PlannedRun planned = fixture.planRun("run-2", suite(15, 3, ""));
    for (int shard : planned.shards()) if (shard != 4) fixture.worker(settings).handle(task("run-2", shard), 1);
    List<ShardOutcome> outcomes =
        List.of(new ShardOutcome(4, "ltb.ShardFailed", "failed on all 3 deliveries; last error: boom"));

    RunConclusion conclusion = fixture.aggregate().aggregate(request("run-2", planned, outcomes));

    assertThat(conclusion.status()).isEqualTo("PARTIAL");
    assertThat(conclusion.reason())
        .isEqualTo("1 of 10 shards failed (shard 4: ltb.ShardFailed: failed on all 3 deliveries; last error: boom);"
            + " 3 of 30 items have no result");
    assertThat(conclusion.items()).isEqualTo(27);
  }

  @Test
  void moreFailedShardsThanToleratedFailTheRun() {
    PlannedRun planned = fixture.planRun("run-3", suite(4, 4, ""));
    fixture.worker(settings).handle(task("run-3", 0), 1);

    RunConclusion conclusion =
        fixture.aggregate().aggregate(request("run-3", planned, List.of(new ShardOutcome(1, "States.Timeout", null))));

    assertThat(conclusion.status()).isEqualTo("FAILED");
    assertThat(conclusion.reason()).startsWith("1 of 2 shards failed (shard 1: States.Timeout)");
  }

  @Test
  void aCancelledRunKeepsItsStatus() {
    PlannedRun planned = fixture.planRun("run-4", suite(4, 4, ""));
    fixture.cancel().cancel(new RunRef(TENANT, "run-4"));

    RunConclusion conclusion = fixture.aggregate().aggregate(request("run-4", planned, List.of()));

    assertThat(conclusion.status()).isEqualTo("CANCELLED");
    assertThat(conclusion.summaryKey()).isNull();
  }

  private static AggregateRequest request(String runId, PlannedRun planned, List<ShardOutcome> failures) {
    List<ShardOutcome> outcomes =
        IntStream.range(0, planned.shardCount())
            .mapToObj(i -> failures.stream().filter(f -> f.shardIndex() == i).findFirst()
                .orElse(new ShardOutcome(i, null, null)))
            .toList();
    return new AggregateRequest(TENANT, runId, planned.toleratedFailurePercentage(), outcomes);
  }

  /** The summary without what depends on the run's id and the clock. */
  static JsonNode withoutTimings(JsonNode summary) {
    ObjectNode copy = summary.deepCopy();
    copy.remove(List.of("runId", "startedAt", "finishedAt"));
    ((ObjectNode) copy.get("totals")).remove("durationMs");
    for (JsonNode group : copy.get("groups")) ((ObjectNode) group).remove("latencyMs");
    return copy;
  }
}
