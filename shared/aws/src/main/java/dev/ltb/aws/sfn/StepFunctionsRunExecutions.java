package dev.ltb.aws.sfn;

import dev.ltb.pipeline.RunExecutions;
import dev.ltb.pipeline.RunRef;
import java.util.Objects;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;

/**
 * Stops the Step Functions execution of a run. Executions are named by run id, so the execution ARN is the
 * state machine's ARN with {@code :stateMachine:} replaced by {@code :execution:} and {@code :<runId>}
 * appended. An execution that never started or has already ended is left alone.
 */
public final class StepFunctionsRunExecutions implements RunExecutions {

  private final SfnClient sfn;
  private final String stateMachineArn;

  public StepFunctionsRunExecutions(SfnClient sfn, String stateMachineArn) {
    this.sfn = Objects.requireNonNull(sfn, "sfn");
    if (stateMachineArn == null || !stateMachineArn.contains(":stateMachine:"))
      throw new IllegalArgumentException("not a state machine ARN: " + stateMachineArn);
    this.stateMachineArn = stateMachineArn;
  }

  /** The ARN of the execution that runs {@code run}. */
  public String executionArn(RunRef run) {
    return stateMachineArn.replace(":stateMachine:", ":execution:") + ":" + run.runId();
  }

  @Override
  public void stop(RunRef run, String cause) {
    try {
      sfn.stopExecution(request -> request.executionArn(executionArn(run)).error("ltb.RunCancelled").cause(cause));
    } catch (ExecutionDoesNotExistException e) {
      // never started: nothing to stop (a stopped or finished execution is answered with success)
    }
  }
}
