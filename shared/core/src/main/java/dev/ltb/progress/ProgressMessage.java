package dev.ltb.progress;

import dev.ltb.json.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One progress event as subscribers receive it (docs/api/websocket.md): {@code {"type", "runId", "seq", "at",
 * ...fields}}.
 *
 * @param type {@code run.started}, {@code items.completed}, {@code run.completed}, {@code run.partial},
 *     {@code run.failed} or {@code run.cancelled}
 * @param runId the run
 * @param seq the event's position in the run's event log, from 1: a client that sees a {@code seq} twice
 *     (a catch-up on subscribe and the live push, or a retried delivery) keeps the first
 * @param at when the pipeline published the event
 * @param fields the type's fields (counts, pass rate, status, reason), JSON-friendly values only
 */
public record ProgressMessage(String type, String runId, long seq, Instant at, Map<String, Object> fields) {

  public ProgressMessage {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(at, "at");
    if (seq < 1) throw new IllegalArgumentException("seq starts at 1, was " + seq);
    fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /** Whether no further message follows for the run. */
  public boolean terminal() {
    return ProgressMessages.TERMINAL.contains(type);
  }

  /** The message as a JSON-friendly map, in the documented field order. */
  public Map<String, Object> toMap() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("type", type);
    json.put("runId", runId);
    json.put("seq", seq);
    json.put("at", at.toString());
    fields.forEach((name, value) -> {
      if (!json.containsKey(name)) json.put(name, value);
    });
    return json;
  }

  public String toJson() {
    return Json.write(toMap());
  }
}
