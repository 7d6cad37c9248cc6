package dev.ltb.pipeline;

import java.util.Objects;

/**
 * One shard of a run to execute: the body of a shard message on the queue. The worker re-plans the run's
 * stored suite (planning is deterministic) and executes shard {@code shardIndex}, so messages stay small.
 *
 * @param tenantId owner of the run
 * @param runId the run
 * @param shardIndex which shard of the plan
 * @param taskToken the token to report the outcome with ({@link ShardCallbacks})
 */
public record ShardTask(String tenantId, String runId, int shardIndex, String taskToken) {
  public ShardTask {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(taskToken, "taskToken");
    if (shardIndex < 0) throw new IllegalArgumentException("shardIndex must be >= 0, was " + shardIndex);
  }
}
