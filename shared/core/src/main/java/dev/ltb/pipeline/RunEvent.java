package dev.ltb.pipeline;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Something that happened to a run.
 *
 * @param tenantId owner of the run
 * @param runId the run
 * @param type what happened, e.g. {@code run.started}, {@code run.progress}, {@code run.completed}
 * @param at when
 * @param data event-specific fields (counts, status, reason), JSON-friendly values only
 */
public record RunEvent(String tenantId, String runId, String type, Instant at, Map<String, Object> data) {
  public RunEvent {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(at, "at");
    data = Map.copyOf(data);
  }
}
