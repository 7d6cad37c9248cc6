package dev.ltb.aws.tenant;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Test-only global interceptor (registered in {@code software/amazon/awssdk/global/handlers/execution.interceptors}):
 * while a test records on its thread, notes the access key id each signed request carries in its {@code
 * Authorization} header ({@code Credential=<AccessKeyId>/<date>/…}), as the service receiving it would see it.
 */
public final class SignedRequests implements ExecutionInterceptor {

  private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/]+)/");
  private static final ThreadLocal<List<Signed>> RECORDING = new ThreadLocal<>();

  /** One request as sent: the service ({@code DynamoDb}, {@code S3}, {@code STS}), its operation and key id. */
  public record Signed(String service, String operation, String accessKeyId) {}

  /** Runs {@code calls} on this thread and returns the requests they sent, in order. */
  public static List<Signed> during(Runnable calls) {
    List<Signed> requests = new ArrayList<>();
    RECORDING.set(requests);
    try {
      calls.run();
      return List.copyOf(requests);
    } finally {
      RECORDING.remove();
    }
  }

  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
    List<Signed> requests = RECORDING.get();
    if (requests == null) return;
    String authorization = context.httpRequest().firstMatchingHeader("Authorization").orElse("");
    Matcher key = CREDENTIAL.matcher(authorization);
    requests.add(new Signed(
        attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
        attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
        key.find() ? key.group(1) : "unsigned"));
  }
}
