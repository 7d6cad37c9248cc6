package dev.ltb.pipeline;

/** No run with this id belongs to the tenant (or its stored suite is gone). */
public class RunNotFoundException extends RuntimeException {
  public RunNotFoundException(RunRef run) {
    super("tenant " + run.tenantId() + " has no run " + run.runId());
  }

  public RunNotFoundException(String message) {
    super(message);
  }
}
