package dev.ltb.aws.sfn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.aws.LocalAws;
import dev.ltb.json.Json;
import dev.ltb.localcloud.LocalCloud;
import dev.ltb.pipeline.ShardWaiterGoneException;
import dev.ltb.pipeline.ShardWaiterGoneException.Reason;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The callbacks against the local Step Functions server running a real {@code .waitForTaskToken} state: the
 * worker's side of a shard, from the token in the SQS message to the execution's end.
 */
@Tag("slow")
class StepFunctionsShardCallbacksLocalCloudTest {

  @RegisterExtension static LocalAws aws = new LocalAws();

  private static String machineArn;
  private static String queueUrl;

  private SfnClient sfn() {
    return aws.clients().sfn();
  }

  @BeforeAll
  static void stateMachine() throws Exception {
    LocalCloud cloud = LocalAws.cloud();
    Path asl = Path.of(StepFunctionsShardCallbacksLocalCloudTest.class.getResource("/asl/one-shard.asl.json").toURI());
    machineArn = cloud.createStateMachine("one-shard-" + UUID.randomUUID().toString().substring(0, 8), asl, Map.of());
    queueUrl = cloud.queues().create("shards-" + UUID.randomUUID().toString().substring(0, 8), 30).url();
  }

  /** Starts an execution and returns the task token the worker finds in the shard message. */
  private String startShard(String executionName) throws Exception {
    sfn().startExecution(
        request ->
            request.stateMachineArn(machineArn).name(executionName).input("{\"queueUrl\":\"" + queueUrl + "\",\"shardIndex\":3}"));
    List<Message> messages =
        LocalAws.cloud().sqs().receiveMessage(request -> request.queueUrl(queueUrl).waitTimeSeconds(10).maxNumberOfMessages(1)).messages();
    assertThat(messages).hasSize(1);
    LocalAws.cloud().sqs().deleteMessage(request -> request.queueUrl(queueUrl).receiptHandle(messages.getFirst().receiptHandle()));
    JsonNode body = Json.mapper().readTree(messages.getFirst().body());
    assertThat(body.get("shardIndex").asInt()).isEqualTo(3);
    return body.get("taskToken").asText();
  }

  private DescribeExecutionResponse awaitEnd(String executionName) throws InterruptedException {
    String executionArn = machineArn.replace(":stateMachine:", ":execution:") + ":" + executionName;
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      DescribeExecutionResponse execution = sfn().describeExecution(request -> request.executionArn(executionArn));
      if (execution.status() != ExecutionStatus.RUNNING) return execution;
      Thread.sleep(100);
    }
    throw new AssertionError("execution " + executionName + " still running after 30 s");
  }

  @Test
  void heartbeatsKeepTheShardAliveAndSuccessEndsItWithTheSummary() throws Exception {
    StepFunctionsShardCallbacks callbacks = new StepFunctionsShardCallbacks(sfn());
    String token = startShard("ok");

    for (int i = 0; i < 5; i++) { // 5 s of work with a 3 s heartbeat timeout
      Thread.sleep(1_000);
      callbacks.heartbeat(token);
    }
    callbacks.succeeded(token, "{\"shardIndex\":3,\"executed\":50,\"skipped\":0}");

    DescribeExecutionResponse done = awaitEnd("ok");
    assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(Json.mapper().readTree(done.output()).get("executed").asInt()).isEqualTo(50);
  }

  @Test
  void aFailureEndsTheExecutionWithTheWorkersErrorAndCause() throws Exception {
    StepFunctionsShardCallbacks callbacks = new StepFunctionsShardCallbacks(sfn());
    String token = startShard("failed");

    callbacks.failed(token, "ShardFailed", "provider openai answered 500 three times");

    DescribeExecutionResponse done = awaitEnd("failed");
    assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(done.error()).isEqualTo("ShardFailed");
    assertThat(done.cause()).isEqualTo("provider openai answered 500 three times");
  }

  @Test
  void aWorkerThatMissedItsHeartbeatLearnsTheWaiterIsGone() throws Exception {
    StepFunctionsShardCallbacks callbacks = new StepFunctionsShardCallbacks(sfn());
    String token = startShard("silent");

    assertThat(awaitEnd("silent").error()).isEqualTo("States.HeartbeatTimeout");

    assertThatThrownBy(() -> callbacks.heartbeat(token))
        .isInstanceOfSatisfying(ShardWaiterGoneException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TIMED_OUT));
    assertThatThrownBy(() -> callbacks.succeeded(token, "{}"))
        .isInstanceOfSatisfying(ShardWaiterGoneException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TIMED_OUT));
  }

  @Test
  void aStoppedExecutionsTokenIsGoneToo() throws Exception {
    StepFunctionsShardCallbacks callbacks = new StepFunctionsShardCallbacks(sfn());
    String token = startShard("stopped");
    String executionArn = machineArn.replace(":stateMachine:", ":execution:") + ":stopped";

    sfn().stopExecution(request -> request.executionArn(executionArn).error("Cancelled").cause("cancelled by the user"));

    assertThatThrownBy(() -> callbacks.heartbeat(token)).isInstanceOf(ShardWaiterGoneException.class);
  }

  @Test
  void aTokenThatWasNeverIssuedIsTyped() {
    StepFunctionsShardCallbacks callbacks = new StepFunctionsShardCallbacks(sfn());

    assertThatThrownBy(() -> callbacks.heartbeat("not-a-token"))
        .isInstanceOfSatisfying(ShardWaiterGoneException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_TOKEN));
    assertThatThrownBy(() -> callbacks.heartbeat("AQ" + "A".repeat(200)))
        .isInstanceOfSatisfying(ShardWaiterGoneException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TASK_GONE));
  }
}
