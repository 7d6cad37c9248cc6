package dev.ltb.aws.appsync;

import dev.ltb.pipeline.RunEvent;
import dev.ltb.progress.ProgressMessage;
import dev.ltb.progress.ProgressSink;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Progress messages to the GraphQL subscriptions: each message the progress publisher delivers becomes one publish
 * mutation ({@code publishRunProgress}, or {@code publishRunCompleted} for a terminal one), whose {@code data} holds
 * the message's {@code seq} and fields, as WebSocket subscribers get them. An AppSync refusal is thrown, so the
 * publisher reports the event for a retry.
 */
public final class AppSyncProgressSink implements ProgressSink {

  private final AppSyncRunEventPublisher publisher;

  public AppSyncProgressSink(AppSyncRunEventPublisher publisher) {
    this.publisher = Objects.requireNonNull(publisher, "publisher");
  }

  @Override
  public void deliver(String tenantId, ProgressMessage message) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("seq", message.seq());
    data.putAll(message.fields());
    publisher.publish(new RunEvent(tenantId, message.runId(), message.type(), message.at(), data));
  }
}
