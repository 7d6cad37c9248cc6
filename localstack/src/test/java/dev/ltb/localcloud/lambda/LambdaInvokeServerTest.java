package dev.ltb.localcloud.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ltb.localcloud.LocalCloud;
import dev.ltb.localcloud.Service;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** The Lambda Invoke endpoint reached with the AWS SDK's Lambda client, as Step Functions and callers reach it. */
class LambdaInvokeServerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final CountDownLatch EVENT_RAN = new CountDownLatch(1);

  private static LocalCloud cloud;
  private static LambdaClient lambda;

  /** A stream handler in the shape of Quarkus' QuarkusStreamHandler: it reports what its context says. */
  static final RequestStreamHandler CONTEXT_ECHO = (in, out, context) -> {
    JsonNode input = JSON.readTree(in);
    JSON.writeValue(out, Map.of(
        "greeting", "hello " + input.path("name").asText(),
        "functionName", context.getFunctionName(),
        "requestId", context.getAwsRequestId(),
        "remainingMillis", context.getRemainingTimeInMillis(),
        "arn", context.getInvokedFunctionArn()));
  };

  @BeforeAll
  static void start() {
    cloud = LocalCloud.builder()
        .lambdaFunctions(LambdaFunctions.byName(Map.of(
            "echo", LambdaFunctions.ofStreamHandler(CONTEXT_ECHO),
            "broken", (payload, context) -> {
              throw new IllegalArgumentException("suite.yaml: providers[0].id is missing");
            },
            "huge", (payload, context) -> new byte[LambdaInvokeServer.PAYLOAD_LIMIT_BYTES + 10],
            "event", (payload, context) -> {
              EVENT_RAN.countDown();
              return payload;
            })))
        .lambdaConfiguration(Duration.ofSeconds(30), 512)
        .start();
    lambda = cloud.client(Service.LAMBDA, LambdaClient.builder());
  }

  @AfterAll
  static void stop() {
    lambda.close();
    cloud.close();
  }

  @Test
  void invokesTheHandlerByNameOrArnWithARealContext() throws Exception {
    for (String functionName : new String[] {"echo", LocalCloud.functionArn("echo"), LocalCloud.functionArn("echo") + ":$LATEST"}) {
      InvokeResponse response = lambda.invoke(b -> b.functionName(functionName)
          .payload(SdkBytes.fromUtf8String("{\"name\":\"Ada\"}")));

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.functionError()).isNull();
      JsonNode result = JSON.readTree(response.payload().asUtf8String());
      assertThat(result.path("greeting").asText()).isEqualTo("hello Ada");
      assertThat(result.path("functionName").asText()).isEqualTo("echo");
      assertThat(result.path("arn").asText()).isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:echo");
      assertThat(result.path("requestId").asText()).hasSize(36);
      assertThat(result.path("remainingMillis").asInt()).isBetween(1, 30_000);
    }
  }

  @Test
  void aThrownExceptionIsAnUnhandledFunctionErrorWithTheLambdaErrorShape() throws Exception {
    InvokeResponse response = lambda.invoke(b -> b.functionName("broken").payload(SdkBytes.fromUtf8String("{}")));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.functionError()).isEqualTo("Unhandled");
    JsonNode error = JSON.readTree(response.payload().asUtf8String());
    assertThat(error.path("errorType").asText()).isEqualTo("java.lang.IllegalArgumentException");
    assertThat(error.path("errorMessage").asText()).isEqualTo("suite.yaml: providers[0].id is missing");
    assertThat(error.path("stackTrace").isArray()).isTrue();
  }

  @Test
  void unknownFunctionsAndOversizedResultsFailAsInLambda() throws Exception {
    assertThatThrownBy(() -> lambda.invoke(b -> b.functionName("nope")))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageContaining("Function not found: arn:aws:lambda:us-east-1:000000000000:function:nope");

    InvokeResponse huge = lambda.invoke(b -> b.functionName("huge"));
    assertThat(huge.functionError()).isEqualTo("Unhandled");
    assertThat(JSON.readTree(huge.payload().asUtf8String()).path("errorType").asText())
        .isEqualTo("Function.ResponseSizeTooLarge");
  }

  @Test
  void eventInvocationsAreAcceptedAndRunInTheBackground() throws Exception {
    InvokeResponse response = lambda.invoke(b -> b.functionName("event").invocationType(InvocationType.EVENT)
        .payload(SdkBytes.fromString("{\"runId\":\"r1\"}", StandardCharsets.UTF_8)));

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(EVENT_RAN.await(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void functionsRegisteredLaterAreServedToo() {
    cloud.registerFunction("late", (payload, context) -> "\"here\"".getBytes(StandardCharsets.UTF_8));

    assertThat(lambda.invoke(b -> b.functionName("late")).payload().asUtf8String()).isEqualTo("\"here\"");
  }

  @Test
  void functionNamesAreFoundInNamesAndArns() {
    assertThat(LambdaInvokeServer.functionName("plan")).isEqualTo("plan");
    assertThat(LambdaInvokeServer.functionName("000000000000:function:plan")).isEqualTo("plan");
    assertThat(LambdaInvokeServer.functionName("arn:aws:lambda:eu-west-1:123456789012:function:ltb-plan:live"))
        .isEqualTo("ltb-plan");
    assertThat(LambdaInvokeServer.functionName("arn:aws:s3:::bucket")).isNull();
  }
}
