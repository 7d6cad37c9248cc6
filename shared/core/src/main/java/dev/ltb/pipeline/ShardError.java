package dev.ltb.pipeline;

/**
 * Why a shard could not finish, as the error name a worker reports to the state machine ({@code
 * SendTaskFailure}); the state machine records it with the cause on the run.
 */
public enum ShardError {
  /** Kept failing on every delivery (the message goes to the dead-letter queue). */
  FAILED("ltb.ShardFailed"),
  /** The run was cancelled or has already ended; the rest of the shard was dropped. */
  RUN_ENDED("ltb.RunEnded"),
  /** The run or its stored suite does not exist (any more). */
  RUN_NOT_FOUND("ltb.RunNotFound"),
  /** The message names a shard the run's plan does not have. */
  NOT_IN_PLAN("ltb.ShardNotInPlan"),
  /** A provider of the suite cannot be built (configuration, missing secret). */
  PROVIDER_CONFIG("ltb.ProviderConfig"),
  /** A plugin the suite uses cannot be found or loaded (deleted since the plan step checked it). */
  PLUGIN("ltb.Plugin");

  private final String code;

  ShardError(String code) {
    this.code = code;
  }

  /** The error name the state machine sees. */
  public String code() {
    return code;
  }
}
