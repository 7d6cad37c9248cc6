package dev.ltb.localcloud.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ltb.localcloud.LocalCloud;
import dev.ltb.localcloud.lambda.LambdaFunction;
import dev.ltb.localcloud.lambda.LocalLambdaContext;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An API Gateway WebSocket API on 127.0.0.1 for the local cloud: WebSocket clients connect to {@link #url()};
 * each {@code $connect} (during the handshake), message and {@code $disconnect} invokes the integration function
 * with API Gateway's documented WebSocket event ({@code requestContext.routeKey}, {@code eventType} {@code
 * CONNECT}/{@code MESSAGE}/{@code DISCONNECT}, {@code connectionId}, {@code domainName}, {@code stage}, headers and
 * query string on connect, {@code body} on messages). The route is chosen like {@code $request.body.action}: a
 * message whose {@code action} names a route goes there, any other to {@code $default} (or, without one, is
 * answered {@code {"message": "Forbidden", ...}} as API Gateway does). A {@code $connect} answer other than 2xx
 * refuses the handshake (with HTTP 404 here, where API Gateway answers the integration's status: the WebSocket
 * library has no other refusal); a {@code Sec-WebSocket-Protocol} header in the answer is sent back. A
 * route's answer {@code body} is sent to the client (two-way routes).
 *
 * <p>Beside it, the Management API the backend pushes with ({@link #callbackUrl()}): {@code POST
 * /<stage>/@connections/{id}} sends the request body to the client, {@code GET} describes the connection, {@code
 * DELETE} closes it; an unknown connection answers 410 {@code GoneException}, as API Gateway does.
 */
public final class LocalWebSocketApi implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LocalWebSocketApi.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter REQUEST_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);
  private static final String PROTOCOL_HEADER = "Sec-WebSocket-Protocol";

  private final LambdaFunction integration;
  private final Set<String> routes;
  private final String stage;
  private final String apiId;
  private final Gateway gateway;
  private final HttpServer management;
  private final Map<String, WebSocket> open = new ConcurrentHashMap<>();
  private final Map<String, Instant> connectedAt = new ConcurrentHashMap<>();
  private final ExecutorService invocations = Executors.newVirtualThreadPerTaskExecutor();
  private final SecureRandom random = new SecureRandom();

  private LocalWebSocketApi(LambdaFunction integration, Set<String> routes, String stage) throws IOException {
    this.integration = Objects.requireNonNull(integration, "integration");
    this.routes = Set.copyOf(routes);
    this.stage = stage;
    this.apiId = "local" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36).substring(0, 5);
    this.gateway = new Gateway(new InetSocketAddress(LocalCloud.HOST, 0));
    gateway.setReuseAddr(true);
    gateway.start();
    try {
      if (!gateway.started.await(10, java.util.concurrent.TimeUnit.SECONDS))
        throw new IOException("the local WebSocket gateway did not start within 10 s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while starting the local WebSocket gateway", e);
    }
    this.management = HttpServer.create(new InetSocketAddress(LocalCloud.HOST, 0), 0);
    management.createContext("/", this::manage);
    management.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    management.start();
  }

  /**
   * Starts the API with one integration function for every route.
   *
   * @param routes the message routes besides {@code $connect}/{@code $disconnect}, e.g. {@code subscribe},
   *     {@code unsubscribe}, {@code $default}
   */
  public static LocalWebSocketApi start(LambdaFunction integration, Set<String> routes, String stage) {
    try {
      return new LocalWebSocketApi(integration, routes, stage);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the local WebSocket API: " + e.getMessage(), e);
    }
  }

  /** {@code ws://127.0.0.1:<port>/<stage>}: where clients connect. */
  public URI url() {
    return URI.create("ws://" + LocalCloud.HOST + ":" + gateway.getPort() + "/" + stage);
  }

  /** {@code http://127.0.0.1:<port>/<stage>}: the Management API endpoint ({@code LTB_WEBSOCKET_CALLBACK_URL}). */
  public URI callbackUrl() {
    return URI.create("http://" + LocalCloud.HOST + ":" + management.getAddress().getPort() + "/" + stage);
  }

  /** Ids of the open connections. */
  public Set<String> connections() {
    return Set.copyOf(open.keySet());
  }

  private String domainName() {
    return LocalCloud.HOST + ":" + gateway.getPort();
  }

  // ---------------------------------------------------------------- the gateway (client side)

  private final class Gateway extends WebSocketServer {
    final java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);

    Gateway(InetSocketAddress address) {
      super(address);
      setConnectionLostTimeout(30);
    }

    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(
        WebSocket socket, Draft draft, ClientHandshake request) throws InvalidDataException {
      ServerHandshakeBuilder response = super.onWebsocketHandshakeReceivedAsServer(socket, draft, request);
      String connectionId = newConnectionId();
      Instant now = Instant.now();
      ObjectNode event = requestEvent("$connect", "CONNECT", connectionId, now);
      ObjectNode headers = event.putObject("headers");
      ObjectNode multiValueHeaders = event.putObject("multiValueHeaders");
      for (Iterator<String> names = request.iterateHttpFields(); names.hasNext(); ) {
        String name = names.next();
        String value = request.getFieldValue(name);
        headers.put(name, value);
        multiValueHeaders.putArray(name).add(value);
      }
      URI uri = URI.create(request.getResourceDescriptor());
      if (uri.getRawQuery() != null && !uri.getRawQuery().isEmpty()) {
        ObjectNode query = event.putObject("queryStringParameters");
        ObjectNode multiQuery = event.putObject("multiValueQueryStringParameters");
        for (String pair : uri.getRawQuery().split("&")) {
          int eq = pair.indexOf('=');
          String name = decode(eq < 0 ? pair : pair.substring(0, eq));
          String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
          query.put(name, value);
          (multiQuery.has(name) ? (com.fasterxml.jackson.databind.node.ArrayNode) multiQuery.get(name) : multiQuery.putArray(name)).add(value);
        }
      }
      event.put("isBase64Encoded", false);
      JsonNode answer;
      try {
        answer = invoke(event);
      } catch (Exception e) {
        LOG.info("$connect of {} failed in the integration: {}", connectionId, e.toString());
        throw new InvalidDataException(500, "Internal server error");
      }
      int status = answer.path("statusCode").asInt(200);
      if (status < 200 || status > 299) throw new InvalidDataException(status, "Forbidden");
      String protocol = header(answer.path("headers"), PROTOCOL_HEADER);
      if (protocol != null) response.put(PROTOCOL_HEADER, protocol);
      socket.setAttachment(connectionId);
      connectedAt.put(connectionId, now);
      open.put(connectionId, socket);
      return response;
    }

    @Override
    public void onOpen(WebSocket socket, ClientHandshake handshake) {}

    @Override
    public void onMessage(WebSocket socket, String message) {
      String connectionId = socket.getAttachment();
      invocations.submit(() -> message(socket, connectionId, message));
    }

    @Override
    public void onMessage(WebSocket socket, ByteBuffer message) {
      onMessage(socket, StandardCharsets.UTF_8.decode(message).toString());
    }

    @Override
    public void onClose(WebSocket socket, int code, String reason, boolean remote) {
      String connectionId = socket.getAttachment();
      if (connectionId == null || open.remove(connectionId) == null) return;
      connectedAt.remove(connectionId);
      ObjectNode event = requestEvent("$disconnect", "DISCONNECT", connectionId, Instant.now());
      event.with("requestContext").put("disconnectStatusCode", code).put("disconnectReason", reason == null ? "" : reason);
      event.putObject("headers").put("Host", domainName());
      event.put("isBase64Encoded", false);
      invocations.submit(() -> {
        try {
          invoke(event);
        } catch (Exception e) {
          LOG.info("$disconnect of {} failed in the integration: {}", connectionId, e.toString());
        }
      });
    }

    @Override
    public void onError(WebSocket socket, Exception error) {
      LOG.debug("local WebSocket gateway: {}", error.toString());
    }

    @Override
    public void onStart() {
      started.countDown();
    }
  }

  private void message(WebSocket socket, String connectionId, String body) {
    String route = "$default";
    try {
      JsonNode parsed = JSON.readTree(body);
      if (parsed != null && parsed.path("action").isTextual() && routes.contains(parsed.get("action").asText()))
        route = parsed.get("action").asText();
    } catch (IOException notJson) {
      // not JSON: $default
    }
    String requestId = requestId();
    if (!routes.contains(route)) {
      send(socket, "{\"message\": \"Forbidden\", \"connectionId\":\"" + connectionId + "\", \"requestId\":\"" + requestId + "\"}");
      return;
    }
    ObjectNode event = requestEvent(route, "MESSAGE", connectionId, Instant.now());
    event.with("requestContext").put("requestId", requestId).put("messageId", requestId.substring(0, 12));
    event.put("body", body);
    event.put("isBase64Encoded", false);
    try {
      JsonNode answer = invoke(event);
      if (answer.hasNonNull("body")) send(socket, answer.get("body").asText());
    } catch (Exception e) {
      LOG.info("route {} of {} failed in the integration: {}", route, connectionId, e.toString());
      send(socket, "{\"message\": \"Internal server error\", \"connectionId\":\"" + connectionId + "\", \"requestId\":\"" + requestId + "\"}");
    }
  }

  private static void send(WebSocket socket, String text) {
    if (socket.isOpen()) socket.send(text);
  }

  private ObjectNode requestEvent(String routeKey, String eventType, String connectionId, Instant at) {
    ObjectNode event = JSON.createObjectNode();
    ObjectNode context = event.putObject("requestContext");
    context.put("routeKey", routeKey);
    context.put("eventType", eventType);
    context.put("extendedRequestId", requestId());
    context.put("requestTime", REQUEST_TIME.format(at));
    context.put("messageDirection", "IN");
    context.put("stage", stage);
    context.put("connectedAt", connectedAt.getOrDefault(connectionId, at).toEpochMilli());
    context.put("requestTimeEpoch", at.toEpochMilli());
    ObjectNode identity = context.putObject("identity");
    identity.put("sourceIp", LocalCloud.HOST);
    context.put("requestId", requestId());
    context.put("domainName", domainName());
    context.put("connectionId", connectionId);
    context.put("apiId", apiId);
    return event;
  }

  private JsonNode invoke(ObjectNode event) throws Exception {
    byte[] result =
        integration.invoke(JSON.writeValueAsBytes(event), LocalLambdaContext.start("websocket", 512, Duration.ofSeconds(29)));
    JsonNode answer = result == null || result.length == 0 ? null : JSON.readTree(result);
    return answer == null ? JSON.createObjectNode() : answer;
  }

  private static String header(JsonNode headers, String name) {
    for (Iterator<Map.Entry<String, JsonNode>> fields = headers.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (field.getKey().equalsIgnoreCase(name)) return field.getValue().asText();
    }
    return null;
  }

  private String newConnectionId() {
    byte[] bytes = new byte[10];
    random.nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes).replace('/', '_').replace('+', '-');
  }

  private static String requestId() {
    return UUID.randomUUID().toString();
  }

  private static String decode(String value) {
    return URLDecoder.decode(value, StandardCharsets.UTF_8);
  }

  // ---------------------------------------------------------------- the Management API

  private void manage(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      String prefix = "/" + stage + "/@connections/";
      if (!path.startsWith(prefix)) {
        answer(exchange, 404, "NotFoundException", "{\"message\":\"Not Found\"}");
        return;
      }
      String connectionId = decode(path.substring(prefix.length()));
      WebSocket socket = open.get(connectionId);
      byte[] body = exchange.getRequestBody().readAllBytes();
      if (socket == null || !socket.isOpen()) {
        answer(exchange, 410, "GoneException", "{\"message\":null}");
        return;
      }
      switch (exchange.getRequestMethod()) {
        case "POST" -> {
          if (body.length > 128 * 1024) {
            answer(exchange, 413, "PayloadTooLargeException", "{\"message\":\"Payload too large\"}");
            return;
          }
          socket.send(new String(body, StandardCharsets.UTF_8));
          answer(exchange, 200, null, "");
        }
        case "GET" -> {
          ObjectNode description = JSON.createObjectNode();
          description.put("connectedAt", connectedAt.getOrDefault(connectionId, Instant.now()).toString());
          description.putObject("identity").put("sourceIp", LocalCloud.HOST);
          description.put("lastActiveAt", Instant.now().toString());
          answer(exchange, 200, null, description.toString());
        }
        case "DELETE" -> {
          socket.close(CloseFrame.NORMAL, "closed by the backend");
          answer(exchange, 204, null, "");
        }
        default -> answer(exchange, 405, "MethodNotAllowedException", "{\"message\":\"Method Not Allowed\"}");
      }
    }
  }

  private static void answer(HttpExchange exchange, int status, String errorType, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.getResponseHeaders().set("x-amzn-RequestId", requestId());
    if (errorType != null) exchange.getResponseHeaders().set("x-amzn-ErrorType", errorType);
    if (bytes.length == 0 || status == 204) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    try {
      gateway.stop(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    management.stop(0);
    invocations.shutdown();
  }
}
