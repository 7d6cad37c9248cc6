package dev.ltb.tenancy;

/**
 * Port: the tenant's runs that are QUEUED or RUNNING, counted atomically so two runs starting at the same moment
 * cannot both take the last slot. Both methods are idempotent per run id (a retried start holds one slot, a
 * second release is a no-op). In DynamoDB: one item per tenant with a string set of run ids, updated with
 * {@code ADD runs :r} on the condition {@code size(runs) < :max OR contains(runs, :r)}.
 */
public interface RunSlots {

  /** Takes a slot for the run unless {@code max} runs already hold one; true when the run holds a slot. */
  boolean tryAcquire(TenantId tenant, String runId, int max);

  /** Frees the run's slot (when it reaches a terminal state). */
  void release(TenantId tenant, String runId);

  /** Runs holding a slot now. */
  int active(TenantId tenant);
}
