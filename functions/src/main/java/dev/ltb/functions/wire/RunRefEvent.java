package dev.ltb.functions.wire;

import dev.ltb.pipeline.RunRef;

/** An event that names a run: {@code {"tenantId": "...", "runId": "..."}} (other fields are ignored). */
public record RunRefEvent(String tenantId, String runId) {
  public RunRef ref() {
    return new RunRef(tenantId, runId);
  }
}
