package dev.ltb.pipeline;

/**
 * Port: the workflow executions that drive runs. In the cloud a Step Functions execution named after the
 * run id.
 */
@FunctionalInterface
public interface RunExecutions {

  /** Stops the run's execution; does nothing when it has already ended or never started. */
  void stop(RunRef run, String cause);
}
