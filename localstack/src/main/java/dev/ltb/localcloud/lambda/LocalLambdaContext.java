package dev.ltb.localcloud.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import dev.ltb.localcloud.LocalCloud;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lambda {@link Context} of one local invocation: a fresh request id, the function's name and ARN, its
 * memory size, and the time left until the function's configured timeout (which handlers use to stop early or
 * send heartbeats). The logger writes to SLF4J under {@code dev.ltb.localcloud.lambda.<function>}.
 */
public record LocalLambdaContext(
    String awsRequestId, String functionName, int memoryLimitInMB, long deadlineNanos)
    implements Context {

  public static LocalLambdaContext start(String functionName, int memoryLimitInMB, Duration timeout) {
    return new LocalLambdaContext(
        UUID.randomUUID().toString(), functionName, memoryLimitInMB, System.nanoTime() + timeout.toNanos());
  }

  @Override
  public String getAwsRequestId() {
    return awsRequestId;
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/" + functionName;
  }

  @Override
  public String getLogStreamName() {
    return "local/" + awsRequestId;
  }

  @Override
  public String getFunctionName() {
    return functionName;
  }

  @Override
  public String getFunctionVersion() {
    return "$LATEST";
  }

  @Override
  public String getInvokedFunctionArn() {
    return "arn:aws:lambda:" + LocalCloud.REGION + ":" + LocalCloud.ACCOUNT_ID + ":function:" + functionName;
  }

  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public ClientContext getClientContext() {
    return null;
  }

  @Override
  public int getRemainingTimeInMillis() {
    long left = (deadlineNanos - System.nanoTime()) / 1_000_000L;
    return (int) Math.max(0, Math.min(Integer.MAX_VALUE, left));
  }

  @Override
  public int getMemoryLimitInMB() {
    return memoryLimitInMB;
  }

  @Override
  public LambdaLogger getLogger() {
    Logger log = LoggerFactory.getLogger("dev.ltb.localcloud.lambda." + functionName);
    return new LambdaLogger() {
      @Override
      public void log(String message) {
        log.info("{}", message.strip());
      }

      @Override
      public void log(byte[] message) {
        log(new String(message, StandardCharsets.UTF_8));
      }
    };
  }
}
