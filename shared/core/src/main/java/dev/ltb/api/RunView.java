package dev.ltb.api;

import dev.ltb.run.RunRecord;
import dev.ltb.run.RunStatus;
import java.time.Instant;

/** A run as the APIs show it: its state, never its suite text or summary (those have their own calls). */
public record RunView(
    String runId, RunStatus status, String description, String suiteSource, Instant createdAt, Instant finishedAt,
    long totalItems, String statusReason, boolean hasSummary) {

  public static RunView of(RunRecord run) {
    return new RunView(run.runId(), run.status(), run.description(), run.suiteSource(), run.createdAt(),
        run.finishedAt(), run.totalItems(), run.statusReason(), run.summary() != null);
  }
}
