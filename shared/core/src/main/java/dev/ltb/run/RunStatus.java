package dev.ltb.run;

/** Life cycle of a run, the same locally and in the cloud. */
public enum RunStatus {
  QUEUED,
  RUNNING,
  /** Every item has a result (passes, fails and provider errors are all results). */
  COMPLETED,
  /** The run ended with some items missing (a shard failed, the budget ran out); the summary says why. */
  PARTIAL,
  FAILED,
  CANCELLED;

  public boolean terminal() {
    return this != QUEUED && this != RUNNING;
  }
}
