package dev.ltb.functions.wire;

import dev.ltb.pipeline.ShardTask;

/**
 * The body of a shard message, as the RunShard state writes it: the run, the shard, the task token to
 * report with, and the waiting task's timeouts (the worker paces its heartbeats by {@code heartbeatSeconds}).
 */
public record ShardMessage(
    String tenantId, String runId, Integer shardIndex, String taskToken, Integer shardTimeoutSeconds,
    Integer heartbeatSeconds) {

  /** @throws IllegalArgumentException when a field the worker needs is missing or invalid */
  public ShardTask toTask() {
    if (shardIndex == null) throw new IllegalArgumentException("shard message without shardIndex");
    if (taskToken == null || taskToken.isBlank()) throw new IllegalArgumentException("shard message without taskToken");
    if (tenantId == null || runId == null) throw new IllegalArgumentException("shard message without tenantId or runId");
    return new ShardTask(tenantId, runId, shardIndex, taskToken);
  }
}
