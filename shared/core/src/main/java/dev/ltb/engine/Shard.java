package dev.ltb.engine;

import java.util.List;
import java.util.Objects;

/** A batch of work items executed together (one SQS message in the cloud). */
public record Shard(String runId, int index, List<WorkItem> items) {
  public Shard {
    Objects.requireNonNull(runId, "runId");
    items = List.copyOf(items);
  }
}
