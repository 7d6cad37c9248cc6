package dev.ltb.engine;

import dev.ltb.suite.Suite;
import java.util.List;
import java.util.stream.Stream;

/** A suite expanded into shards of work items. */
public record RunPlan(String runId, Suite suite, List<Shard> shards) {

  public RunPlan {
    shards = List.copyOf(shards);
  }

  public long totalItems() {
    return shards.stream().mapToLong(shard -> shard.items().size()).sum();
  }

  public Stream<WorkItem> items() {
    return shards.stream().flatMap(shard -> shard.items().stream());
  }
}
