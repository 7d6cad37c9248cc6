package dev.ltb.pipeline;

/**
 * How one iteration of the Map state ended, as the state machine hands it to the aggregate step: a shard
 * the worker reported done has no error; a failed one carries the error name and cause the state machine
 * caught ({@link ShardError} codes, {@code States.Timeout}, {@code States.HeartbeatTimeout}, ...).
 */
public record ShardOutcome(int shardIndex, String error, String cause) {

  public boolean failed() {
    return error != null;
  }
}
