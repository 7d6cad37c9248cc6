package dev.ltb.progress;

/** Somewhere progress messages go: WebSocket connections, GraphQL subscriptions, ... */
@FunctionalInterface
public interface ProgressSink {

  /**
   * Delivers one message of a tenant's run to that tenant's subscribers.
   *
   * @throws RuntimeException when the message could not be delivered and should be retried
   */
  void deliver(String tenantId, ProgressMessage message);
}
