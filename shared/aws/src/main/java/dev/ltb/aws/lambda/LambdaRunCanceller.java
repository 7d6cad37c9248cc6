package dev.ltb.aws.lambda;

import dev.ltb.aws.AwsStorageException;
import dev.ltb.pipeline.RunRef;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Consumer;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;

/**
 * Cancels a run by invoking the deployed cancel function ({@code LTB_CANCEL_FUNCTION_ARN}) synchronously with the
 * event it takes, {@code {"tenantId": "…", "runId": "…"}}: it stops the execution and marks the run cancelled
 * before this returns. A function error (the run is unknown, the execution cannot be stopped) is thrown.
 */
public final class LambdaRunCanceller implements Consumer<RunRef> {

  private final LambdaClient lambda;
  private final String functionName;

  public LambdaRunCanceller(LambdaClient lambda, String functionName) {
    this.lambda = Objects.requireNonNull(lambda, "lambda");
    if (functionName == null || functionName.isBlank())
      throw new IllegalArgumentException("the cancel function's name or ARN is required");
    this.functionName = functionName;
  }

  @Override
  public void accept(RunRef run) {
    String payload = dev.ltb.json.Json.write(new CancelEvent(run.tenantId(), run.runId()));
    try {
      var response = lambda.invoke(invoke -> invoke.functionName(functionName)
          .invocationType(InvocationType.REQUEST_RESPONSE)
          .payload(SdkBytes.fromString(payload, StandardCharsets.UTF_8)));
      if (response.functionError() != null)
        throw new AwsStorageException("The cancel function " + functionName + " failed for run " + run.runId() + ": "
            + response.functionError() + " " + response.payload().asUtf8String());
    } catch (SdkException e) {
      throw new AwsStorageException("Cannot invoke the cancel function " + functionName + " for run " + run.runId()
          + ": " + e.getMessage(), e);
    }
  }

  /** The cancel function's input (its {@code RunRefEvent}). */
  record CancelEvent(String tenantId, String runId) {}
}
