package dev.ltb.pipeline;

import java.util.List;

/**
 * The input of the aggregate step: the run and how each of its shards ended.
 *
 * @param toleratedFailurePercentage failed shards (of all) that still give a PARTIAL run
 * @param shardOutcomes one per shard of the plan
 */
public record AggregateRequest(
    String tenantId, String runId, double toleratedFailurePercentage, List<ShardOutcome> shardOutcomes) {

  public AggregateRequest {
    shardOutcomes = shardOutcomes == null ? List.of() : List.copyOf(shardOutcomes);
  }

  public RunRef ref() {
    return new RunRef(tenantId, runId);
  }
}
