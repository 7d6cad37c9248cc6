package dev.ltb.cli.remote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Follows one run over the WebSocket API (docs/api/websocket.md): connects with the token offered as
 * {@code Sec-WebSocket-Protocol}, subscribes, and hands every progress message to the listener once (by {@code seq})
 * and in order, the {@code subscribed} reply's backlog first, until the run's terminal message. A connection the
 * gateway closes (idle timeout, the 2-hour limit) is opened again and the run subscribed again; the backlog fills
 * any gap.
 */
public final class RunWatch {

  /** Why a watch ended without the run's end. */
  public static final class WatchException extends RuntimeException {
    private final boolean userError;

    WatchException(String message, boolean userError) {
      super(message);
      this.userError = userError;
    }

    /** True when the user can fix it (unknown run, refused token); false for the service or the network. */
    public boolean userError() {
      return userError;
    }
  }

  private static final int MAX_RECONNECTS = 5;
  private static final Object CLOSED = new Object();

  private final URI url;
  private final String token;
  private final Duration timeout;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /** @param timeout how long to wait for the next message before giving up */
  public RunWatch(URI url, String token, Duration timeout) {
    this.url = url;
    this.token = token;
    this.timeout = timeout;
  }

  /** Blocks until the run's terminal message, which it returns (after handing it to the listener). */
  public JsonNode watch(String runId, Consumer<JsonNode> listener) throws InterruptedException {
    Set<Long> seen = new HashSet<>();
    for (int attempt = 0; ; attempt++) {
      BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
      WebSocket socket = connect(inbox);
      try {
        socket.sendText(Json.mapper().createObjectNode().put("action", "subscribe").put("runId", runId).toString(), true).join();
        while (true) {
          Object next = inbox.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
          if (next == null) throw new WatchException("no message from " + url + " for " + timeout.toSeconds() + " s", false);
          if (next == CLOSED) break;
          JsonNode message = Json.mapper().readTree((String) next);
          String type = message.path("type").asText();
          switch (type) {
            case "error" -> {
              String code = message.path("code").asText();
              throw new WatchException(
                  message.path("message").asText(code) + (code.equals("run-not-found") ? " (or not in your tenant)" : ""),
                  !code.equals("not-connected"));
            }
            case "subscribed" -> {
              for (JsonNode event : message.path("events")) {
                JsonNode end = offer(event, seen, listener);
                if (end != null) return end;
              }
            }
            case "unsubscribed" -> {}
            default -> {
              if (message.has("seq") && runId.equals(message.path("runId").asText())) {
                JsonNode end = offer(message, seen, listener);
                if (end != null) return end;
              }
            }
          }
        }
      } catch (java.io.IOException e) {
        throw new WatchException("the service sent something that is not JSON: " + e.getMessage(), false);
      } finally {
        if (!socket.isOutputClosed()) socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(e -> null);
      }
      if (attempt >= MAX_RECONNECTS) throw new WatchException("the connection to " + url + " kept closing", false);
    }
  }

  private static JsonNode offer(JsonNode event, Set<Long> seen, Consumer<JsonNode> listener) {
    if (!seen.add(event.path("seq").asLong())) return null;
    listener.accept(event);
    return isTerminal(event) ? event : null;
  }

  public static boolean isTerminal(JsonNode event) {
    return switch (event.path("type").asText()) {
      case "run.completed", "run.partial", "run.failed", "run.cancelled" -> true;
      default -> false;
    };
  }

  private WebSocket connect(BlockingQueue<Object> inbox) {
    try {
      return http.newWebSocketBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .subprotocols("ltb.v1", token)
          .buildAsync(url, new Listener(inbox))
          .join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof WebSocketHandshakeException handshake) {
        int status = handshake.getResponse().statusCode();
        throw new WatchException("the WebSocket API at " + url + " refused the connection (HTTP " + status + ")"
            + (status == 401 || status == 403 ? ": check the API key or token" : ""), status < 500);
      }
      throw new WatchException("cannot connect to " + url + ": " + e.getCause(), false);
    }
  }

  private static final class Listener implements WebSocket.Listener {
    private final BlockingQueue<Object> inbox;
    private final StringBuilder partial = new StringBuilder();

    Listener(BlockingQueue<Object> inbox) {
      this.inbox = inbox;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        inbox.add(partial.toString());
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      inbox.add(CLOSED);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      inbox.add(CLOSED);
    }
  }
}
