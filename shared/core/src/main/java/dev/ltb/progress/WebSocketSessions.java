package dev.ltb.progress;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.audit.RequestContext;
import dev.ltb.audit.ResourceRef;
import dev.ltb.json.Json;
import dev.ltb.pipeline.RunHistories;
import dev.ltb.run.RunRecord;
import dev.ltb.security.AccessControl;
import dev.ltb.security.AccessDeniedException;
import dev.ltb.security.Operation;
import dev.ltb.security.Principal;
import dev.ltb.tenancy.ResourceNotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The WebSocket door's sessions (docs/api/websocket.md). {@link #connect} stores an authenticated connection
 * with its tenant; {@link #receive} answers the client's {@code subscribe} and {@code unsubscribe} messages;
 * {@link #disconnect} forgets the connection. A subscription needs {@link Operation#RESULTS_READ} and a run of
 * the caller's own tenant: the run is looked up in that tenant's history only, so another tenant's run answers
 * exactly like one that does not exist. The {@code subscribed} reply carries the messages the run has published
 * so far, so a client that subscribes late still sees the run from its start.
 */
public final class WebSocketSessions {

  /** API Gateway closes a WebSocket connection after 2 hours; a little slack for clocks. */
  public static final Duration CONNECTION_LIFETIME = Duration.ofHours(2).plusMinutes(5);
  public static final int MAX_SUBSCRIPTIONS = 20;
  /** Every {@code code} an {@code error} reply can carry (docs/api/websocket.md lists them). */
  public static final java.util.Set<String> ERROR_CODES = java.util.Set.of(
      "bad-request", "unknown-action", "run-not-found", "forbidden", "too-many-subscriptions", "not-connected");
  private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

  private final Connections connections;
  private final RunHistories histories;
  private final RunEventLog log;
  private final AccessControl access;
  private final Clock clock;

  public WebSocketSessions(
      Connections connections, RunHistories histories, RunEventLog log, AccessControl access, Clock clock) {
    this.connections = Objects.requireNonNull(connections, "connections");
    this.histories = Objects.requireNonNull(histories, "histories");
    this.log = Objects.requireNonNull(log, "log");
    this.access = Objects.requireNonNull(access, "access");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Stores the connection of an authenticated principal. */
  public Connection connect(String connectionId, Principal principal) {
    Instant now = clock.instant();
    Connection connection = new Connection(connectionId, principal, now, now.plus(CONNECTION_LIFETIME));
    connections.put(connection);
    return connection;
  }

  /** Forgets the connection and its subscriptions. */
  public void disconnect(String connectionId) {
    connections.delete(connectionId);
  }

  /**
   * Answers one client message: {@code {"action": "subscribe" | "unsubscribe", "runId": "…"}}.
   *
   * @return the reply to send back on the connection, as JSON
   */
  public String receive(String connectionId, String body, RequestContext request) {
    Optional<Connection> found = connections.find(connectionId, clock.instant());
    if (found.isEmpty()) return error("not-connected", "this connection is not known; connect again", null);
    Connection connection = found.get();
    JsonNode message;
    try {
      message = Json.mapper().readTree(body == null ? "" : body);
    } catch (Exception e) {
      message = null;
    }
    if (message == null || !message.isObject())
      return error("bad-request", "send a JSON object such as {\"action\":\"subscribe\",\"runId\":\"<run id>\"}", null);
    String action = message.path("action").asText("");
    String runId = message.path("runId").asText("");
    if (!action.equals("subscribe") && !action.equals("unsubscribe"))
      return error("unknown-action", "action must be subscribe or unsubscribe, was '" + clip(action) + "'", null);
    if (!RUN_ID.matcher(runId).matches())
      return error("bad-request", "runId must be a run id (letters, digits and ._:-, up to 128)", null);
    return action.equals("subscribe") ? subscribe(connection, runId, request) : unsubscribe(connection, runId);
  }

  private String subscribe(Connection connection, String runId, RequestContext request) {
    Principal principal = connection.principal();
    ResourceRef resource = ResourceRef.of("run", runId);
    try {
      access.require(principal, principal.tenantId(), Operation.RESULTS_READ, resource, request);
    } catch (AccessDeniedException e) {
      return error("forbidden", e.getMessage(), runId);
    }
    Optional<RunRecord> run =
        histories.forTenant(connection.tenantId()).find(runId).filter(record -> record.runId().equals(runId));
    if (run.isEmpty()) return error("run-not-found", new ResourceNotFoundException("run", runId).getMessage(), runId);
    if (!connections.subscriptions(connection.connectionId()).contains(runId)
        && connections.subscriptions(connection.connectionId()).size() >= MAX_SUBSCRIPTIONS)
      return error("too-many-subscriptions", "a connection follows at most " + MAX_SUBSCRIPTIONS
          + " runs; unsubscribe from one first", runId);
    connections.subscribe(connection, runId);
    // read after subscribing: an event published in between arrives twice (same seq), never not at all
    List<ProgressMessage> backlog = ProgressMessages.of(log.events(connection.tenantId(), runId));
    Map<String, Object> reply = new LinkedHashMap<>();
    reply.put("type", "subscribed");
    reply.put("runId", runId);
    reply.put("status", run.get().status().name());
    reply.put("events", backlog.stream().map(ProgressMessage::toMap).toList());
    return Json.write(reply);
  }

  private String unsubscribe(Connection connection, String runId) {
    connections.unsubscribe(connection, runId);
    Map<String, Object> reply = new LinkedHashMap<>();
    reply.put("type", "unsubscribed");
    reply.put("runId", runId);
    return Json.write(reply);
  }

  static String error(String code, String message, String runId) {
    if (!ERROR_CODES.contains(code)) throw new IllegalArgumentException("undocumented error code " + code);
    Map<String, Object> reply = new LinkedHashMap<>();
    reply.put("type", "error");
    reply.put("code", code);
    reply.put("message", message);
    if (runId != null) reply.put("runId", runId);
    return Json.write(reply);
  }

  private static String clip(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "…" : value;
  }
}
