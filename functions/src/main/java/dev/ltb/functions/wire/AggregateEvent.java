package dev.ltb.functions.wire;

import dev.ltb.pipeline.AggregateRequest;
import dev.ltb.pipeline.ShardOutcome;
import java.util.List;

/**
 * The Aggregate state's input: the run, its tolerance and the Map state's result, one entry per shard:
 * {@code {"shardIndex": 3}} for a shard a worker reported done, {@code {"shardIndex": 4, "failure": {"Error":
 * "...", "Cause": "..."}}} for one the iteration's {@code Catch} caught.
 */
public record AggregateEvent(
    String tenantId, String runId, double toleratedFailurePercentage, List<MapIteration> shardOutcomes) {

  /** One iteration's result. */
  public record MapIteration(int shardIndex, StateError failure) {}

  public AggregateRequest toRequest() {
    List<ShardOutcome> outcomes =
        shardOutcomes == null
            ? List.of()
            : shardOutcomes.stream()
                .map(i -> i.failure() == null
                    ? new ShardOutcome(i.shardIndex(), null, null)
                    : new ShardOutcome(i.shardIndex(), i.failure().error(), i.failure().cause()))
                .toList();
    return new AggregateRequest(tenantId, runId, toleratedFailurePercentage, outcomes);
  }
}
