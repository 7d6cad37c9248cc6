package dev.ltb.pipeline;

import java.util.List;

/**
 * The output of the plan step, the Map state's input: the shards as bare indices (a worker re-plans the
 * stored suite to find its items), so the state stays far below the 256 KB payload limit.
 *
 * @param tenantId owner of the run
 * @param runId the run
 * @param totalItems work items in the plan
 * @param shardCount shards in the plan
 * @param shards {@code 0 .. shardCount-1}
 */
public record PlannedRun(
    String tenantId,
    String runId,
    long totalItems,
    int shardCount,
    List<Integer> shards,
    int maxConcurrency,
    double toleratedFailurePercentage,
    int shardTimeoutSeconds,
    int heartbeatSeconds) {

  public PlannedRun {
    shards = List.copyOf(shards);
  }
}
