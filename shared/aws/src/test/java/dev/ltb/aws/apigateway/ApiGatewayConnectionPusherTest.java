package dev.ltb.aws.apigateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ltb.aws.AwsAdapters;
import dev.ltb.aws.AwsClients;
import dev.ltb.aws.AwsSettings;
import dev.ltb.aws.AwsStorageException;
import dev.ltb.localcloud.LocalCloud;
import dev.ltb.localcloud.websocket.LocalWebSocketApi;
import dev.ltb.localcloud.websocket.WebSocketTestClient;
import dev.ltb.progress.ConnectionPusher;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** PostToConnection against the local Management API on 127.0.0.1, which speaks API Gateway's protocol. */
class ApiGatewayConnectionPusherTest {

  private LocalWebSocketApi api;
  private AwsAdapters aws;
  private final Map<String, String> saved = new java.util.HashMap<>();

  @BeforeEach
  void start() {
    api = LocalWebSocketApi.start((payload, context) -> "{\"statusCode\":200}".getBytes(), Set.of("$default"), "prod");
    set("aws.region", LocalCloud.REGION);
    set("aws.accessKeyId", LocalCloud.ACCESS_KEY_ID);
    set("aws.secretAccessKey", LocalCloud.SECRET_ACCESS_KEY);
    aws = new AwsAdapters(new AwsClients(),
        AwsSettings.of(Map.of(AwsSettings.WEBSOCKET_CALLBACK_URL, api.callbackUrl().toString())));
  }

  private void set(String name, String value) {
    saved.put(name, System.getProperty(name));
    System.setProperty(name, value);
  }

  @AfterEach
  void stop() {
    aws.close();
    api.close();
    saved.forEach((name, value) -> {
      if (value == null) System.clearProperty(name);
      else System.setProperty(name, value);
    });
  }

  @Test
  void pushesToAnOpenConnectionAndReportsAClosedOneAsGone() throws Exception {
    ConnectionPusher pusher = aws.connectionPusher();
    try (WebSocketTestClient client = WebSocketTestClient.connect(api.url())) {
      String id = api.connections().iterator().next();

      assertThat(pusher.push(id, "{\"type\":\"run.started\",\"runId\":\"r1\"}")).isEqualTo(ConnectionPusher.Result.DELIVERED);
      assertThat(client.next(Duration.ofSeconds(5))).isEqualTo("{\"type\":\"run.started\",\"runId\":\"r1\"}");
    }
    assertThat(pusher.push("L0SM9cOFvHcCIhw=", "{}")).isEqualTo(ConnectionPusher.Result.GONE);
  }

  @Test
  void anUnreachableEndpointIsAFailureToRetryNotGone() {
    try (AwsAdapters unreachable = new AwsAdapters(new AwsClients(),
        AwsSettings.of(Map.of(AwsSettings.WEBSOCKET_CALLBACK_URL, "http://127.0.0.1:9/prod")))) {
      assertThatThrownBy(() -> unreachable.connectionPusher().push("abc", "{}"))
          .isInstanceOf(AwsStorageException.class)
          .hasMessageContaining("Cannot push to WebSocket connection abc");
    }
  }

  @Test
  void aMissingOrInvalidCallbackUrlSaysWhatToSet() {
    assertThatThrownBy(() -> AwsSettings.of(Map.of()).webSocketCallbackUrl())
        .hasMessageContaining("LTB_WEBSOCKET_CALLBACK_URL is not set");
    assertThatThrownBy(() -> AwsSettings.of(Map.of(AwsSettings.WEBSOCKET_CALLBACK_URL, "wss://x")).webSocketCallbackUrl())
        .hasMessageContaining("give the stage's https callback URL");
    assertThat(AwsSettings.of(Map.of(AwsSettings.WEBSOCKET_CALLBACK_URL, "https://abc.execute-api.eu-west-1.amazonaws.com/prod"))
        .webSocketCallbackUrl()).isEqualTo(URI.create("https://abc.execute-api.eu-west-1.amazonaws.com/prod"));
  }
}
