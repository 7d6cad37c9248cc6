package dev.ltb.aws.sfn;

import dev.ltb.pipeline.ShardCallbacks;
import dev.ltb.pipeline.ShardWaiterGoneException;
import dev.ltb.pipeline.ShardWaiterGoneException.Reason;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.InvalidOutputException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/**
 * Reports shards to the Step Functions {@code .waitForTaskToken} state that waits for them, through
 * SendTaskSuccess, SendTaskFailure and SendTaskHeartbeat (endpoint from {@code AWS_ENDPOINT_URL_SFN} when
 * set).
 *
 * <p>When the waiter is gone (the task timed out, the execution ended or was stopped, the token is unknown
 * or malformed) every method throws {@link ShardWaiterGoneException}: the worker stops the shard. An
 * {@code error} longer than 256 characters or a {@code cause} longer than 32,768 (the service's limits) is
 * cut, so reporting a failure never fails for its length. Other service errors propagate as the SDK's
 * exceptions, after the SDK's own retries.
 */
public final class StepFunctionsShardCallbacks implements ShardCallbacks {

  static final int MAX_ERROR_CHARS = 256;
  static final int MAX_CAUSE_CHARS = 32_768;

  private final SfnClient sfn;

  public StepFunctionsShardCallbacks(SfnClient sfn) {
    this.sfn = Objects.requireNonNull(sfn, "sfn");
  }

  /**
   * @throws IllegalArgumentException when Step Functions refuses {@code outputJson} (not JSON, or over 256 KiB)
   */
  @Override
  public void succeeded(String taskToken, String outputJson) {
    Objects.requireNonNull(outputJson, "outputJson");
    call(
        "report the shard's success",
        () -> sfn.sendTaskSuccess(request -> request.taskToken(token(taskToken)).output(outputJson)));
  }

  @Override
  public void failed(String taskToken, String error, String cause) {
    call(
        "report the shard's failure",
        () ->
            sfn.sendTaskFailure(
                request ->
                    request
                        .taskToken(token(taskToken))
                        .error(cut(error, MAX_ERROR_CHARS))
                        .cause(cut(cause, MAX_CAUSE_CHARS))));
  }

  @Override
  public void heartbeat(String taskToken) {
    call("send a heartbeat", () -> sfn.sendTaskHeartbeat(request -> request.taskToken(token(taskToken))));
  }

  private static void call(String action, Supplier<?> request) {
    try {
      request.get();
    } catch (TaskTimedOutException e) {
      throw gone(Reason.TIMED_OUT, action, "the waiting task timed out", e);
    } catch (TaskDoesNotExistException e) {
      throw gone(Reason.TASK_GONE, action, "the task no longer exists (its execution ended or was stopped)", e);
    } catch (InvalidTokenException e) {
      throw gone(Reason.INVALID_TOKEN, action, "the task token is not valid", e);
    } catch (InvalidOutputException e) {
      throw new IllegalArgumentException(
          "Cannot " + action + ": Step Functions refused the output (it must be JSON of at most 256 KiB): "
              + message(e),
          e);
    }
  }

  private static ShardWaiterGoneException gone(Reason reason, String action, String why, SdkException e) {
    return new ShardWaiterGoneException(
        reason, "Cannot " + action + ": " + why + "; stop the shard (" + message(e) + ")", e);
  }

  private static String message(SdkException e) {
    return e instanceof software.amazon.awssdk.awscore.exception.AwsServiceException service
            && service.awsErrorDetails() != null
            && service.awsErrorDetails().errorMessage() != null
        ? service.awsErrorDetails().errorMessage()
        : e.getMessage();
  }

  private static String token(String taskToken) {
    if (taskToken == null || taskToken.isBlank()) throw new IllegalArgumentException("taskToken must not be blank");
    return taskToken;
  }

  private static String cut(String text, int max) {
    if (text == null) return null;
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
