package dev.ltb.localcloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ltb.localcloud.lambda.LambdaFunctions;
import dev.ltb.localcloud.sqs.SqsEventSource;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The local Step Functions server running a real ASL file through the AWS SDK: a Lambda task on the Lambda
 * Invoke endpoint, SQS .waitForTaskToken tasks resolved by a worker driven by the SQS event source, stop,
 * heartbeats and their timeout caught by Catch, and the AWS errors of the API.
 */
@Tag("slow")
class StepFunctionsServerTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static LocalCloud cloud;
  private static SfnClient sfn;
  private static String machineArn;
  private static final ScheduledExecutorService HEARTBEATS = Executors.newScheduledThreadPool(2);

  @BeforeAll
  static void start() throws URISyntaxException {
    cloud = LocalCloud.builder()
        .services(Service.STEP_FUNCTIONS)
        .lambdaFunctions(LambdaFunctions.byName(Map.of("plan", (payload, context) -> {
          JsonNode input = JSON.readTree(payload);
          if (input.path("explode").asBoolean()) {
            throw new IllegalStateException("the suite has no providers");
          }
          return JSON.writeValueAsBytes(Map.of("shards", input.path("shards"), "planner", context.getFunctionName()));
        })))
        .start();
    sfn = cloud.client(Service.STEP_FUNCTIONS, SfnClient.builder());
    Path asl = Path.of(StepFunctionsServerTest.class.getResource("/asl/shards.asl.json").toURI());
    machineArn = cloud.createStateMachine("shards", asl, Map.of("PlanFunctionArn", LocalCloud.functionArn("plan")));
  }

  @AfterAll
  static void stop() {
    HEARTBEATS.shutdownNow();
    sfn.close();
    cloud.close();
  }

  @Test
  void lambdaPlanThenShardsResolvedByTheWorkerThroughSendTaskSuccess() throws Exception {
    String queue = cloud.queues().create("shards-ok", 30).url();
    try (SqsEventSource worker = SqsEventSource.builder(cloud.sqs(), queue,
            LambdaFunctions.ofRequestHandler(new ShardWorker(), SQSEvent.class))
        .functionName("worker").batchSize(2).start()) {
      String executionArn = sfn.startExecution(b -> b.stateMachineArn(machineArn).name("run-ok")
          .input(json(Map.of("queueUrl", queue, "shards", List.of(shard(1, "ok"), shard(2, "ok"), shard(3, "heartbeat"))))))
          .executionArn();

      DescribeExecutionResponse done = awaitEnd(executionArn);

      assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      JsonNode output = JSON.readTree(done.output());
      assertThat(output.path("plan").path("planner").asText()).isEqualTo("plan");
      assertThat(output.path("results").findValues("items")).extracting(JsonNode::asInt).containsExactly(10, 20, 30);
      assertThat(output.path("results").findValuesAsText("executionArn")).containsOnly(executionArn);
      assertThat(worker.deletedMessages()).isEqualTo(3);
    }
  }

  @Test
  void aShardWithoutHeartbeatsTimesOutAndCatchSeesStatesHeartbeatTimeout() throws Exception {
    String queue = cloud.queues().create("shards-silent", 30).url();
    try (SqsEventSource worker = SqsEventSource.builder(cloud.sqs(), queue,
            LambdaFunctions.ofRequestHandler(new ShardWorker(), SQSEvent.class)).start()) {
      String executionArn = sfn.startExecution(b -> b.stateMachineArn(machineArn).name("run-silent")
          .input(json(Map.of("queueUrl", queue, "shards", List.of(shard(1, "silent"), shard(2, "ok")))))).executionArn();

      DescribeExecutionResponse done = awaitEnd(executionArn);

      assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      JsonNode results = JSON.readTree(done.output()).path("results");
      assertThat(results.get(0).path("error").asText()).isEqualTo("States.HeartbeatTimeout");
      assertThat(results.get(1).path("items").asInt()).isEqualTo(20);
      String lateToken = ShardWorker.silentTokens.getLast();
      assertThatThrownBy(() -> sfn.sendTaskSuccess(b -> b.taskToken(lateToken).output("{}")))
          .isInstanceOf(TaskTimedOutException.class);
    }
  }

  @Test
  void aTaskFailureFailsTheExecutionWithTheWorkersErrorAndCause() throws Exception {
    String queue = cloud.queues().create("shards-fail", 30).url();
    try (SqsEventSource worker = SqsEventSource.builder(cloud.sqs(), queue,
            LambdaFunctions.ofRequestHandler(new ShardWorker(), SQSEvent.class)).start()) {
      String executionArn = sfn.startExecution(b -> b.stateMachineArn(machineArn).name("run-fail")
          .input(json(Map.of("queueUrl", queue, "shards", List.of(shard(1, "fail")))))).executionArn();

      DescribeExecutionResponse done = awaitEnd(executionArn);

      assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
      assertThat(done.error()).isEqualTo("ShardFailed");
      assertThat(done.cause()).isEqualTo("provider openai answered 500 three times");
    }
  }

  @Test
  void aLambdaErrorIsCaughtByItsJavaExceptionType() throws Exception {
    String executionArn = sfn.startExecution(b -> b.stateMachineArn(machineArn).name("run-explode")
        .input("{\"explode\": true}")).executionArn();

    DescribeExecutionResponse done = awaitEnd(executionArn);

    assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    JsonNode failure = JSON.readTree(done.output()).path("failure");
    assertThat(failure.path("Error").asText()).isEqualTo("java.lang.IllegalStateException");
    assertThat(JSON.readTree(failure.path("Cause").asText()).path("errorMessage").asText())
        .isEqualTo("the suite has no providers");
  }

  @Test
  void stopExecutionAbortsARunAndItsPendingTaskTokens() throws Exception {
    String queue = cloud.queues().create("shards-stop", 30).url();
    String input = json(Map.of("queueUrl", queue, "shards", List.of(shard(1, "ok"))));
    String executionArn = sfn.startExecution(b -> b.stateMachineArn(machineArn).name("run-stop").input(input))
        .executionArn();
    Message message = awaitMessage(queue);
    String token = JSON.readTree(message.body()).path("taskToken").asText();

    assertThat(sfn.startExecution(b -> b.stateMachineArn(machineArn).name("run-stop").input(input)).executionArn())
        .as("StartExecution is idempotent by name and input while the execution runs")
        .isEqualTo(executionArn);
    assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(machineArn).name("run-stop").input("{}")))
        .isInstanceOf(ExecutionAlreadyExistsException.class);

    sfn.stopExecution(b -> b.executionArn(executionArn).error("Cancelled").cause("the user cancelled the run"));

    DescribeExecutionResponse stopped = sfn.describeExecution(b -> b.executionArn(executionArn));
    assertThat(stopped.status()).isEqualTo(ExecutionStatus.ABORTED);
    assertThat(stopped.stopDate()).isNotNull();
    assertThatThrownBy(() -> sfn.sendTaskSuccess(b -> b.taskToken(token).output("{}")))
        .isInstanceOf(TaskTimedOutException.class);
  }

  @Test
  void theApiAnswersWithAwsErrors() {
    assertThatThrownBy(() -> sfn.describeExecution(b -> b.executionArn(
            "arn:aws:states:us-east-1:000000000000:execution:shards:nope")))
        .isInstanceOf(ExecutionDoesNotExistException.class);
    assertThatThrownBy(() -> sfn.sendTaskSuccess(b -> b.taskToken("not-a-token").output("{}")))
        .isInstanceOf(InvalidTokenException.class);
    assertThatThrownBy(() -> sfn.createStateMachine(b -> b.name("optimized").roleArn("arn:aws:iam::000000000000:role/x")
            .definition("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Task\",\"Resource\":"
                + "\"arn:aws:states:::lambda:invoke\",\"Parameters\":{\"FunctionName\":\"plan\"},\"End\":true}}}")))
        .isInstanceOf(InvalidDefinitionException.class)
        .hasMessageContaining("optimized Lambda integration");
  }

  /** The worker: each SQS record is a shard with its task token; answers like the project's worker will. */
  static final class ShardWorker implements RequestHandler<SQSEvent, SQSBatchResponse> {

    static final List<String> silentTokens = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, com.amazonaws.services.lambda.runtime.Context context) {
      List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
      for (SQSEvent.SQSMessage record : event.getRecords()) {
        assertThat(record.getEventSourceArn()).startsWith("arn:aws:sqs:us-east-1:000000000000:shards-");
        assertThat(record.getAttributes()).containsKey("ApproximateReceiveCount");
        try {
          JsonNode body = JSON.readTree(record.getBody());
          String token = body.path("taskToken").asText();
          JsonNode shard = body.path("shard");
          int id = shard.path("id").asInt();
          String result = json(Map.of("shard", id, "items", id * 10, "executionArn", body.path("executionArn").asText()));
          switch (shard.path("mode").asText()) {
            case "ok" -> sfn.sendTaskSuccess(b -> b.taskToken(token).output(result));
            case "fail" -> sfn.sendTaskFailure(b -> b.taskToken(token).error("ShardFailed")
                .cause("provider openai answered 500 three times"));
            case "silent" -> silentTokens.add(token);
            case "heartbeat" -> HEARTBEATS.schedule(() -> {
              for (int beat = 0; beat < 5; beat++) { // 2.5 s of work against HeartbeatSeconds 2
                sfn.sendTaskHeartbeat(b -> b.taskToken(token));
                sleep(500);
              }
              sfn.sendTaskSuccess(b -> b.taskToken(token).output(result));
            }, 0, TimeUnit.MILLISECONDS);
            default -> throw new IllegalArgumentException("unknown mode");
          }
        } catch (Exception e) {
          failures.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(record.getMessageId()).build());
        }
      }
      return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }
  }

  private static Map<String, Object> shard(int id, String mode) {
    return Map.of("id", id, "mode", mode);
  }

  private static DescribeExecutionResponse awaitEnd(String executionArn) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      DescribeExecutionResponse response = sfn.describeExecution(b -> b.executionArn(executionArn));
      if (response.status() != ExecutionStatus.RUNNING) {
        return response;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(executionArn + " still running after 60 s");
  }

  private static Message awaitMessage(String queueUrl) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      List<Message> messages = cloud.sqs().receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(1)).messages();
      if (!messages.isEmpty()) {
        return messages.getFirst();
      }
    }
    throw new AssertionError("no message on " + queueUrl);
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
