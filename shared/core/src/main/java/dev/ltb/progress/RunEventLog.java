package dev.ltb.progress;

import dev.ltb.pipeline.RunEvent;
import java.util.List;

/** Port: the events a run has published so far, oldest first, read inside one tenant. */
@FunctionalInterface
public interface RunEventLog {
  List<RunEvent> events(String tenantId, String runId);
}
