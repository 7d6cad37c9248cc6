package dev.ltb.pipeline;

/**
 * Port: run life-cycle and progress events for subscribers (GraphQL subscriptions, WebSocket clients,
 * outbound webhooks). Publishing is best effort for progress and at-least-once for terminal events.
 */
@FunctionalInterface
public interface RunEvents {
  void publish(RunEvent event);
}
