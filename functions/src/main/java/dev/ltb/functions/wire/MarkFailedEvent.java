package dev.ltb.functions.wire;

import dev.ltb.pipeline.RunRef;

/** The MarkFailed state's input: the run and the error its {@code Catch} caught. */
public record MarkFailedEvent(String tenantId, String runId, StateError error) {
  public RunRef ref() {
    return new RunRef(tenantId, runId);
  }
}
