package dev.ltb.localcloud.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ltb.localcloud.lambda.LambdaFunction;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The local WebSocket API: API Gateway's event shapes to the integration, its Management API for the backend. */
class LocalWebSocketApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final List<JsonNode> events = new CopyOnWriteArrayList<>();
  private LocalWebSocketApi api;

  /** Accepts token "good" (query string or subprotocol), echoes subscribe messages. */
  private final LambdaFunction integration = (payload, context) -> {
    JsonNode event = JSON.readTree(payload);
    events.add(event);
    JsonNode request = event.path("requestContext");
    return switch (request.path("eventType").asText()) {
      case "CONNECT" -> {
        String protocol = event.path("headers").path("Sec-WebSocket-Protocol").asText("");
        boolean ok = event.path("queryStringParameters").path("token").asText("").equals("good")
            || protocol.contains("good");
        yield (ok
            ? protocol.isEmpty() ? "{\"statusCode\":200}"
                : "{\"statusCode\":200,\"headers\":{\"Sec-WebSocket-Protocol\":\"good\"}}"
            : "{\"statusCode\":401}").getBytes();
      }
      case "MESSAGE" -> JSON.writeValueAsBytes(
          JSON.createObjectNode().put("statusCode", 200).put("body", "route " + request.path("routeKey").asText()));
      default -> "{\"statusCode\":200}".getBytes();
    };
  };

  @AfterEach
  void stop() {
    if (api != null) api.close();
  }

  private JsonNode eventOf(String type) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      for (JsonNode event : events) if (event.path("requestContext").path("eventType").asText().equals(type)) return event;
      Thread.sleep(50);
    }
    throw new AssertionError("no " + type + " event; got " + events);
  }

  @Test
  void connectMessagesAndDisconnectReachTheIntegrationInApiGatewaysShapes() throws Exception {
    api = LocalWebSocketApi.start(integration, Set.of("subscribe"), "local");

    try (WebSocketTestClient client = WebSocketTestClient.connect(URI.create(api.url() + "?token=good"))) {
      JsonNode connect = eventOf("CONNECT");
      assertThat(connect.path("requestContext").path("routeKey").asText()).isEqualTo("$connect");
      assertThat(connect.path("requestContext").path("stage").asText()).isEqualTo("local");
      assertThat(connect.path("queryStringParameters").path("token").asText()).isEqualTo("good");
      String connectionId = connect.path("requestContext").path("connectionId").asText();
      assertThat(api.connections()).containsExactly(connectionId);

      client.send("{\"action\":\"subscribe\",\"runId\":\"r1\"}");
      assertThat(client.next(Duration.ofSeconds(5))).isEqualTo("route subscribe");
      JsonNode message = eventOf("MESSAGE");
      assertThat(message.path("body").asText()).isEqualTo("{\"action\":\"subscribe\",\"runId\":\"r1\"}");
      assertThat(message.path("requestContext").path("connectionId").asText()).isEqualTo(connectionId);

      client.send("{\"action\":\"dance\"}");
      assertThat(JSON.readTree(client.next(Duration.ofSeconds(5))).path("message").asText()).isEqualTo("Forbidden");
    }
    JsonNode disconnect = eventOf("DISCONNECT");
    assertThat(disconnect.path("requestContext").path("routeKey").asText()).isEqualTo("$disconnect");
  }

  @Test
  void aRefusedConnectFailsTheHandshakeAndASubprotocolIsAnsweredBack() throws Exception {
    api = LocalWebSocketApi.start(integration, Set.of("subscribe"), "local");

    assertThatThrownBy(() -> WebSocketTestClient.connect(URI.create(api.url() + "?token=bad")))
        .hasCauseInstanceOf(java.net.http.WebSocketHandshakeException.class)
        .hasRootCauseMessage("Unexpected HTTP response status code 404");
    assertThat(api.connections()).isEmpty();

    try (WebSocketTestClient client = WebSocketTestClient.connect(api.url(), "good")) {
      assertThat(client.subprotocol()).isEqualTo("good");
    }
  }

  @Test
  void theManagementApiPushesToOpenConnectionsAndAnswersGoneForOthers() throws Exception {
    api = LocalWebSocketApi.start(integration, Set.of("subscribe"), "prod");
    HttpClient http = HttpClient.newHttpClient();

    try (WebSocketTestClient client = WebSocketTestClient.connect(URI.create(api.url() + "?token=good"))) {
      String connectionId = api.connections().iterator().next();
      HttpResponse<String> pushed = http.send(
          HttpRequest.newBuilder(URI.create(api.callbackUrl() + "/@connections/" + connectionId))
              .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"run.started\"}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(pushed.statusCode()).isEqualTo(200);
      assertThat(client.next(Duration.ofSeconds(5))).isEqualTo("{\"type\":\"run.started\"}");

      HttpResponse<String> gone = http.send(
          HttpRequest.newBuilder(URI.create(api.callbackUrl() + "/@connections/nope"))
              .POST(HttpRequest.BodyPublishers.ofString("x")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(gone.statusCode()).isEqualTo(410);
      assertThat(gone.headers().firstValue("x-amzn-ErrorType")).hasValue("GoneException");
    }
  }
}
