package dev.ltb.pipeline;

import static dev.ltb.pipeline.PipelineFixture.TENANT;
import static dev.ltb.pipeline.PipelineFixture.suite;
import static dev.ltb.pipeline.PipelineFixture.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ltb.run.RunRecord;
import dev.ltb.run.RunStatus;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CancelAndFailureStepsTest {

  private final PipelineFixture fixture = new PipelineFixture();

  @Test
  void cancellingMarksTheRunCancelledStopsItsExecutionAndAnnouncesIt() {
    fixture.planRun("run-1", suite(10, 5, ""));
    fixture.worker(WorkerSettings.defaults()).handle(task("run-1", 0), 1);
    RunRef run = new RunRef(TENANT, "run-1");

    RunRecord cancelled = fixture.cancel().cancel(run);

    assertThat(cancelled.status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(cancelled.statusReason()).isEqualTo("cancelled by request after 5 of 20 items");
    assertThat(cancelled.summary().totals().items()).isEqualTo(5);
    assertThat(fixture.stoppedExecutions).containsExactly(run);
    assertThat(fixture.events.getLast().type()).isEqualTo("run.cancelled");
  }

  @Test
  void cancellingAnEndedRunChangesNothing() {
    fixture.planRun("run-2", suite(2, 5, ""));
    fixture.history.finish("run-2", RunStatus.COMPLETED, null, null);

    assertThat(fixture.cancel().cancel(new RunRef(TENANT, "run-2")).status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(fixture.stoppedExecutions).isEmpty();
  }

  @Test
  void cancellingAnUnknownRunSaysSo() {
    assertThatThrownBy(() -> fixture.cancel().cancel(new RunRef(TENANT, "nope")))
        .isInstanceOf(RunNotFoundException.class)
        .hasMessage("tenant acme has no run nope");
  }

  @Test
  void aCaughtErrorFailsTheRunWithTheLambdasMessageAndAnnouncesIt() {
    fixture.planRun("run-3", suite(2, 5, ""));

    RunEvent event =
        fixture.markFailed().markFailed(new RunRef(TENANT, "run-3"), "java.lang.IllegalStateException",
            "{\"errorMessage\":\"disk full\",\"errorType\":\"java.lang.IllegalStateException\",\"stackTrace\":[]}");

    RunRecord record = fixture.history.find("run-3").orElseThrow();
    assertThat(record.status()).isEqualTo(RunStatus.FAILED);
    assertThat(record.statusReason()).isEqualTo("java.lang.IllegalStateException: disk full");
    assertThat(event.type()).isEqualTo("run.failed");
    assertThat(event.data()).containsEntry("reason", "java.lang.IllegalStateException: disk full");
  }

  @Test
  void aRunThePlanRejectedKeepsTheValidatorsMessage() {
    try {
      fixture.planRun("run-4", "prompts: []\n");
    } catch (SuiteRejectedException expected) {
      // the plan step failed the run
    }
    String validatorMessage = fixture.history.find("run-4").orElseThrow().statusReason();

    fixture.markFailed().markFailed(new RunRef(TENANT, "run-4"), SuiteRejectedException.class.getName(), "{}");

    assertThat(fixture.history.find("run-4").orElseThrow().statusReason()).isEqualTo(validatorMessage).startsWith("suite.yaml:");
  }

  @Test
  void aRunThatFailedBeforeItsRecordExistedIsRecordedFailed() {
    fixture.markFailed().markFailed(new RunRef(TENANT, "early"), "States.Timeout", "Task timed out");

    assertThat(fixture.history.find("early").orElseThrow().statusReason()).isEqualTo("States.Timeout: Task timed out");
  }

  @Test
  void notifyAnnouncesTheFinalStatusWithTotalsAndReportKeys() {
    fixture.planRun("run-5", suite(3, 10, ""));
    fixture.worker(WorkerSettings.defaults().withStatusPollInterval(Duration.ZERO)).handle(task("run-5", 0), 1);
    fixture.aggregate().aggregate(new AggregateRequest(TENANT, "run-5", 10, java.util.List.of(new ShardOutcome(0, null, null))));

    RunEvent event = fixture.notifyStep().notify(new RunRef(TENANT, "run-5"));

    assertThat(event.type()).isEqualTo("run.completed");
    assertThat(event.data())
        .containsEntry("status", "COMPLETED")
        .containsEntry("items", 6L)
        .containsEntry("passed", 3L)
        .containsEntry("reportKey", "tenants/acme/runs/run-5/report.html");
  }

  @Test
  void listenersHearOfTheEndedRunAfterItsEventIsPublishedAndTheirFailureIsTheStepsFailure() {
    fixture.markFailed().markFailed(new RunRef(TENANT, "run-6"), "States.Timeout", "Task timed out");
    java.util.List<String> heard = new java.util.ArrayList<>();
    NotifyStep notify = new NotifyStep(fixture.histories, fixture.events::add, java.time.Clock.systemUTC(), java.util.List.of(
        (run, history) -> heard.add(run.runId() + " " + history.find(run.runId()).orElseThrow().status()
            + " after " + fixture.events.size() + " events")));

    notify.notify(new RunRef(TENANT, "run-6"));

    assertThat(heard).containsExactly("run-6 FAILED after " + fixture.events.size() + " events");
    NotifyStep failing = new NotifyStep(fixture.histories, fixture.events::add, java.time.Clock.systemUTC(),
        java.util.List.of((run, history) -> { throw new IllegalStateException("webhook queue unreachable"); }));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> failing.notify(new RunRef(TENANT, "run-6")))
        .hasMessage("webhook queue unreachable");
  }
}
