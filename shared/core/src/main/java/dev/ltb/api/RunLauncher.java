package dev.ltb.api;

import dev.ltb.pipeline.PlanRequest;
import dev.ltb.pipeline.RunRef;

/**
 * Port: drives a run's workflow. In AWS {@link #start} is a Step Functions {@code StartExecution} named by the run
 * id (so a retried start cannot start twice) and {@link #cancel} invokes the cancel function.
 */
public interface RunLauncher {

  /** Starts the run's workflow with this input; starting an already started run changes nothing. */
  void start(PlanRequest request);

  /** Cancels the run (stops the workflow, marks it CANCELLED); a run that has ended stays as it is. */
  void cancel(RunRef run);
}
