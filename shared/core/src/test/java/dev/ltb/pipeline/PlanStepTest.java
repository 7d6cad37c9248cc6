package dev.ltb.pipeline;

import static dev.ltb.pipeline.PipelineFixture.TENANT;
import static dev.ltb.pipeline.PipelineFixture.suite;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ltb.run.RunRecord;
import dev.ltb.run.RunStatus;
import dev.ltb.suite.SuiteCodec;
import org.junit.jupiter.api.Test;

class PlanStepTest {

  private final PipelineFixture fixture = new PipelineFixture();

  @Test
  void plansTheStoredSuiteMarksTheRunRunningAndHandsTheMapStateBareShardIndices() {
    PlannedRun planned = fixture.planRun("run-1", suite(25, 10, ""));

    assertThat(planned.totalItems()).isEqualTo(50);
    assertThat(planned.shardCount()).isEqualTo(5);
    assertThat(planned.shards()).containsExactly(0, 1, 2, 3, 4);
    assertThat(planned.maxConcurrency()).isEqualTo(DistributionSettings.DEFAULT_MAX_CONCURRENCY);
    RunRecord record = fixture.history.find("run-1").orElseThrow();
    assertThat(record.status()).isEqualTo(RunStatus.RUNNING);
    assertThat(record.totalItems()).isEqualTo(50);
    assertThat(record.suiteSource()).isEqualTo("suite.yaml");
    assertThat(SuiteCodec.fromJson(fixture.blobs.text(new RunRef(TENANT, "run-1").resolvedSuiteKey())).tests())
        .hasSize(25);
    assertThat(fixture.events).singleElement().satisfies(event -> {
      assertThat(event.type()).isEqualTo("run.started");
      assertThat(event.data()).containsEntry("totalItems", 50L).containsEntry("shardCount", 5);
    });
  }

  @Test
  void theStarterChoosesShardConcurrencyTimeoutsAndTolerance() {
    String key = "tenants/acme/s.yaml";
    fixture.blobs.putText(key, suite(3, 1, ""));

    PlannedRun planned = fixture.plan().plan(new PlanRequest(TENANT, "run-2", key, 2, 50.0, 30, 5));

    assertThat(planned.maxConcurrency()).isEqualTo(2);
    assertThat(planned.toleratedFailurePercentage()).isEqualTo(50.0);
    assertThat(planned.shardTimeoutSeconds()).isEqualTo(30);
    assertThat(planned.heartbeatSeconds()).isEqualTo(5);
  }

  @Test
  void aMalformedSuiteFailsTheRunWithTheValidatorsMessageAndPlansNothing() {
    String malformed = suite(2, 10, "").replace("type: equals", "type: equalz");

    assertThatThrownBy(() -> fixture.planRun("bad-1", malformed))
        .isInstanceOf(SuiteRejectedException.class)
        .hasMessageStartingWith("suite.yaml:")
        .hasMessageContaining("tests[0].assert[0].type")
        .hasMessageContaining("equalz");

    RunRecord record = fixture.history.find("bad-1").orElseThrow();
    assertThat(record.status()).isEqualTo(RunStatus.FAILED);
    assertThat(record.statusReason()).matches("(?s)suite\\.yaml:\\d+:\\d+: tests\\[0]\\.assert\\[0]\\.type: .*equalz.*");
    assertThat(fixture.blobs.blobs).doesNotContainKey(new RunRef(TENANT, "bad-1").resolvedSuiteKey());
  }

  @Test
  void aYamlSyntaxErrorIsReportedWithItsLineAndColumn() {
    assertThatThrownBy(() -> fixture.planRun("bad-2", "description: x\nprompts: [\"a\"\nproviders: [echo]\n"))
        .isInstanceOf(SuiteRejectedException.class)
        .hasMessageMatching("(?s)suite\\.yaml:\\d+:\\d+: .*");
  }

  @Test
  void aFileReferenceIsRefusedBecauseItWouldReadTheWorkersOwnFiles() {
    String withFile = suite(1, 10, "").replace("\"Q: {{question}}\"", "\"file:///etc/passwd\"");

    assertThatThrownBy(() -> fixture.planRun("bad-3", withFile))
        .isInstanceOf(SuiteRejectedException.class)
        .hasMessage(
            "suite.yaml:2:11: prompts[0]: file:// references cannot be read in the cloud; put the referenced"
                + " content into the suite itself");
  }

  @Test
  void aSuiteKeyOutsideTheTenantsPrefixIsRefused() {
    fixture.blobs.putText("tenants/other/suite.yaml", suite(1, 10, ""));

    assertThatThrownBy(
            () -> fixture.plan().plan(new PlanRequest(TENANT, "run-x", "tenants/other/suite.yaml", null, null, null, null)))
        .isInstanceOf(SuiteRejectedException.class)
        .hasMessage("suiteKey tenants/other/suite.yaml is outside the tenant's prefix tenants/acme/");
  }

  @Test
  void aMissingSuiteFailsTheRun() {
    assertThatThrownBy(
            () -> fixture.plan().plan(new PlanRequest(TENANT, "run-y", "tenants/acme/none.yaml", null, null, null, null)))
        .isInstanceOf(SuiteRejectedException.class)
        .hasMessage("none.yaml:1:1: no suite is stored at tenants/acme/none.yaml");
    assertThat(fixture.history.find("run-y").orElseThrow().status()).isEqualTo(RunStatus.FAILED);
  }

  @Test
  void aPlanWithMoreShardsThanAnExecutionCanHoldAsksForLargerShards() {
    assertThatThrownBy(() -> fixture.planRun("huge", suite(1_300, 1, "")))
        .isInstanceOf(SuiteRejectedException.class)
        .hasMessage(
            "suite.yaml: the suite expands to 2600 items in 2600 shards of 1; a run has at most 2500 shards:"
                + " set options.shardSize to at least 2");
  }

  @Test
  void planningTheSameRunAgainGivesTheSameShards() {
    PlannedRun first = fixture.planRun("run-3", suite(5, 3, ""));
    PlannedRun again = fixture.planRun("run-3", suite(5, 3, ""));

    assertThat(again).isEqualTo(first);
    assertThat(fixture.history.find("run-3").orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
  }

  @Test
  void idsThatCouldEscapeTheTenantsPrefixAreRefused() {
    assertThatThrownBy(() -> new RunRef("acme", "../other"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("runId must be");
    assertThatThrownBy(() -> new RunRef("a/b", "run"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tenantId must be");
  }
}
