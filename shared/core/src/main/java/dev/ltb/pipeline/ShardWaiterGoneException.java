package dev.ltb.pipeline;

/**
 * Whoever waited for a shard no longer does: in the cloud the Step Functions task timed out, the execution
 * was stopped, or the task token is unknown. The worker stops the shard (its remaining items would not be
 * counted) and does not retry the callback.
 */
public final class ShardWaiterGoneException extends RuntimeException {

  /** Why the waiter is gone. */
  public enum Reason {
    /** The waiting state timed out (its TimeoutSeconds or HeartbeatSeconds passed). */
    TIMED_OUT,
    /** The task is finished or unknown: the execution ended, was stopped, or the token was already used. */
    TASK_GONE,
    /** The token is malformed: the message did not come from this state machine. */
    INVALID_TOKEN
  }

  private final Reason reason;

  public ShardWaiterGoneException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
