package dev.ltb.aws.sfn;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ltb.aws.AwsFakes;
import dev.ltb.json.Json;
import dev.ltb.pipeline.ShardWaiterGoneException;
import dev.ltb.pipeline.ShardWaiterGoneException.Reason;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.sfn.SfnClient;

class StepFunctionsShardCallbacksTest {

  @RegisterExtension
  static WireMockExtension stepFunctions = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private SfnClient sfn;
  private StepFunctionsShardCallbacks callbacks;

  @BeforeEach
  void connect() {
    sfn = AwsFakes.client(SfnClient.builder(), stepFunctions.baseUrl());
    callbacks = new StepFunctionsShardCallbacks(sfn);
  }

  @AfterEach
  void disconnect() {
    sfn.close();
  }

  private static void answer(String action, int status, String body) {
    stepFunctions.stubFor(
        post(urlEqualTo("/"))
            .withHeader("X-Amz-Target", equalTo("AWSStepFunctions." + action))
            .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.0").withBody(body)));
  }

  private static JsonNode sent(String action) throws Exception {
    List<LoggedRequest> requests =
        stepFunctions.findAll(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSStepFunctions." + action)));
    assertThat(requests).hasSize(1);
    return Json.mapper().readTree(requests.getFirst().getBodyAsString());
  }

  @Test
  void successSendsTheTokenAndTheShardSummary() throws Exception {
    answer("SendTaskSuccess", 200, "{}");

    callbacks.succeeded("token-1", "{\"shardIndex\":3,\"executed\":50}");

    stepFunctions.verify(
        postRequestedFor(urlEqualTo("/"))
            .withRequestBody(equalToJson("{\"taskToken\":\"token-1\",\"output\":\"{\\\"shardIndex\\\":3,\\\"executed\\\":50}\"}")));
  }

  @Test
  void failureSendsTheTypedErrorAndCutsAnOverlongCause() throws Exception {
    answer("SendTaskFailure", 200, "{}");
    String longCause = "x".repeat(40_000);

    callbacks.failed("token-1", "ShardFailed", longCause);

    JsonNode body = sent("SendTaskFailure");
    assertThat(body.get("error").asText()).isEqualTo("ShardFailed");
    assertThat(body.get("cause").asText()).hasSize(32_768).endsWith("x…");
  }

  @Test
  void heartbeatSendsTheToken() throws Exception {
    answer("SendTaskHeartbeat", 200, "{}");

    callbacks.heartbeat("token-1");

    assertThat(sent("SendTaskHeartbeat").get("taskToken").asText()).isEqualTo("token-1");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "sfn-task-timed-out.json, TIMED_OUT, the waiting task timed out",
    "sfn-task-does-not-exist.json, TASK_GONE, the task no longer exists",
    "sfn-invalid-token.json, INVALID_TOKEN, the task token is not valid",
  })
  void aVanishedWaiterIsATypedExceptionForEveryCallback(String fixture, Reason reason, String why) {
    for (String action : List.of("SendTaskSuccess", "SendTaskFailure", "SendTaskHeartbeat"))
      answer(action, 400, AwsFakes.fixture(fixture));

    List<Consumer<StepFunctionsShardCallbacks>> calls =
        List.of(
            c -> c.succeeded("token-1", "{}"),
            c -> c.failed("token-1", "ShardFailed", "provider down"),
            c -> c.heartbeat("token-1"));
    for (Consumer<StepFunctionsShardCallbacks> call : calls) {
      assertThatThrownBy(() -> call.accept(callbacks))
          .isInstanceOfSatisfying(ShardWaiterGoneException.class, e -> assertThat(e.reason()).isEqualTo(reason))
          .hasMessageContaining(why)
          .hasMessageContaining("stop the shard");
    }
  }

  @Test
  void anOutputStepFunctionsRefusesIsTheCallersMistake() {
    answer("SendTaskSuccess", 400, AwsFakes.fixture("sfn-invalid-output.json"));

    assertThatThrownBy(() -> callbacks.succeeded("token-1", "not json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "Cannot report the shard's success: Step Functions refused the output (it must be JSON of at most 256 KiB)");
  }

  @Test
  void aBlankTokenIsRejectedBeforeAnyCall() {
    assertThatThrownBy(() -> callbacks.heartbeat(" ")).hasMessage("taskToken must not be blank");
    assertThat(stepFunctions.getAllServeEvents()).isEmpty();
  }
}
