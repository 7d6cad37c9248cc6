package dev.ltb.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.json.Json;
import dev.ltb.run.RunHistory;
import dev.ltb.run.RunRecord;
import dev.ltb.run.RunStatus;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Where every {@code Catch} of the state machine ends: records the run as FAILED with the error and cause
 * the state machine caught, then announces it. A run that has already ended (the plan step rejected its
 * suite with the validator's message, or it was cancelled) keeps its status and reason.
 */
public final class MarkFailedStep {

  private final RunHistories histories;
  private final NotifyStep notify;
  private final Clock clock;

  public MarkFailedStep(RunHistories histories, NotifyStep notify, Clock clock) {
    this.histories = Objects.requireNonNull(histories);
    this.notify = Objects.requireNonNull(notify);
    this.clock = Objects.requireNonNull(clock);
  }

  /**
   * @param error the error name the state machine caught (e.g. {@code States.Timeout}, an exception class)
   * @param cause its cause; a Lambda error's JSON ({@code {"errorMessage": ...}}) is reduced to its message
   */
  public RunEvent markFailed(RunRef run, String error, String cause) {
    RunHistory history = histories.forTenant(run.tenantId());
    String reason = reason(error, cause);
    Optional<RunRecord> record = Runs.find(history, run);
    if (record.isEmpty()) {
      history.create(
          new RunRecord(run.runId(), "", "", null, RunStatus.FAILED, clock.instant(), clock.instant(), 0, null, reason));
    } else if (!record.get().status().terminal()) {
      history.finish(run.runId(), RunStatus.FAILED, null, reason);
    }
    return notify.notify(run);
  }

  static String reason(String error, String cause) {
    String message = cause == null ? "" : cause.strip();
    if (message.startsWith("{")) {
      try {
        JsonNode lambdaError = Json.mapper().readTree(message);
        if (lambdaError.hasNonNull("errorMessage")) message = lambdaError.get("errorMessage").asText();
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        // not a Lambda error document: keep the cause as it is
      }
    }
    String name = error == null || error.isBlank() ? "error" : error;
    return message.isEmpty() ? name : name + ": " + message;
  }
}
