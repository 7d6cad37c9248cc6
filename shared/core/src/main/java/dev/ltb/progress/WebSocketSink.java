package dev.ltb.progress;

import java.time.Clock;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes a run's messages to the tenant's WebSocket connections that subscribed to the run. A connection the
 * gateway reports gone (410) is forgotten with its subscriptions; any other push failure is rethrown after the
 * other subscribers had their turn, so the event is delivered again.
 */
public final class WebSocketSink implements ProgressSink {

  private static final Logger LOG = LoggerFactory.getLogger(WebSocketSink.class);

  private final Connections connections;
  private final ConnectionPusher pusher;
  private final Clock clock;

  public WebSocketSink(Connections connections, ConnectionPusher pusher, Clock clock) {
    this.connections = Objects.requireNonNull(connections, "connections");
    this.pusher = Objects.requireNonNull(pusher, "pusher");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void deliver(String tenantId, ProgressMessage message) {
    String json = message.toJson();
    RuntimeException failure = null;
    for (String connectionId : connections.subscribers(tenantId, message.runId(), clock.instant())) {
      try {
        if (pusher.push(connectionId, json) == ConnectionPusher.Result.GONE) {
          LOG.info("connection {} is gone: forgetting it", connectionId);
          connections.delete(connectionId);
        }
      } catch (RuntimeException e) {
        if (failure == null) failure = e;
        else failure.addSuppressed(e);
      }
    }
    if (failure != null) throw failure;
  }
}
