package dev.ltb.functions.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.json.Json;
import dev.ltb.localcloud.websocket.WebSocketTestClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a WebSocket subscriber of a run sees, as docs/api/websocket.md tells a client to read it. */
public final class ProgressEvents {

  private ProgressEvents() {}

  /**
   * The run's events in {@code seq} order until its terminal event: the {@code subscribed} reply's backlog first,
   * then live pushes; a {@code seq} seen twice is one event.
   */
  public static List<JsonNode> untilRunEnds(JsonNode subscribed, WebSocketTestClient client, Duration timeout)
      throws InterruptedException {
    Map<Long, JsonNode> bySeq = new LinkedHashMap<>();
    subscribed.path("events").forEach(event -> bySeq.putIfAbsent(event.get("seq").asLong(), event));
    Instant deadline = Instant.now().plus(timeout);
    while (bySeq.values().stream().noneMatch(e -> e.get("type").asText().startsWith("run.") && e.has("status"))) {
      assertThat(Instant.now()).as("run ended before the timeout; got " + bySeq.values()).isBefore(deadline);
      String next = client.next(Duration.ofSeconds(5));
      if (next != null) {
        JsonNode event = json(next);
        bySeq.putIfAbsent(event.get("seq").asLong(), event);
      }
    }
    List<JsonNode> events = new ArrayList<>(bySeq.values());
    events.sort((a, b) -> Long.compare(a.get("seq").asLong(), b.get("seq").asLong()));
    return events;
  }

  public static JsonNode json(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }
}
