package dev.ltb.aws.sfn;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ltb.api.RunLauncher;
import dev.ltb.aws.AwsStorageException;
import dev.ltb.json.Json;
import dev.ltb.pipeline.PlanRequest;
import dev.ltb.pipeline.RunRef;
import java.util.Objects;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;

/**
 * Starts a run's state machine execution named by its run id, with the {@link PlanRequest} as input: a retried
 * start of the same run meets {@code ExecutionAlreadyExists} and changes nothing. Cancelling is handed to {@code
 * canceller} (in AWS: invoking the cancel function, which stops the execution and marks the run).
 */
public final class StepFunctionsRunLauncher implements RunLauncher {

  private final SfnClient sfn;
  private final String stateMachineArn;
  private final Consumer<RunRef> canceller;

  public StepFunctionsRunLauncher(SfnClient sfn, String stateMachineArn, Consumer<RunRef> canceller) {
    this.sfn = Objects.requireNonNull(sfn, "sfn");
    if (stateMachineArn == null || !stateMachineArn.contains(":stateMachine:"))
      throw new IllegalArgumentException("not a state machine ARN: " + stateMachineArn);
    this.stateMachineArn = stateMachineArn;
    this.canceller = Objects.requireNonNull(canceller, "canceller");
  }

  @Override
  public void start(PlanRequest request) {
    String input;
    try {
      input = Json.mapper().writeValueAsString(request);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a plan request is always serializable", e);
    }
    try {
      sfn.startExecution(start -> start.stateMachineArn(stateMachineArn).name(request.runId()).input(input));
    } catch (ExecutionAlreadyExistsException e) {
      // started before (a retried request): one execution per run
    } catch (SdkException e) {
      throw new AwsStorageException("Cannot start the execution of run " + request.runId() + " on " + stateMachineArn
          + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void cancel(RunRef run) {
    canceller.accept(run);
  }
}
