package dev.ltb.aws.appsync;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ltb.json.Json;
import dev.ltb.pipeline.RunEvent;
import dev.ltb.pipeline.RunEvents;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns run events into the IAM-only publish mutations of the GraphQL API, which fire its subscriptions:
 * terminal events ({@code run.completed}, {@code run.partial}, {@code run.failed}, {@code run.cancelled}) go to
 * {@value #COMPLETED}, everything else ({@code run.started}, {@code run.progress}, ...) to {@value #PROGRESS}.
 *
 * <p>The payload always carries the event's tenant: the subscription resolver filters on it, so a subscriber
 * only ever receives its own tenant's events. The mutation selects every field of {@code RunEvent}, because
 * AppSync hands subscribers only the fields the mutation selected.
 */
public final class AppSyncRunEventPublisher implements RunEvents {

  public static final String PROGRESS = "publishRunProgress";
  public static final String COMPLETED = "publishRunCompleted";

  /** The event types that end a run (one per terminal status). */
  public static final Set<String> TERMINAL = Set.of("run.completed", "run.partial", "run.failed", "run.cancelled");

  private static final String SELECTION = "{ tenantId runId type at data }";

  private final AppSyncClient client;

  public AppSyncRunEventPublisher(AppSyncClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  /** The publish mutation for an event type. */
  public static String mutationFor(String type) {
    return TERMINAL.contains(type) ? COMPLETED : PROGRESS;
  }

  /** The GraphQL document that publishes through {@code mutation}. */
  static String document(String mutation) {
    return "mutation Publish($tenantId: ID!, $runId: ID!, $type: String!, $at: AWSDateTime!, $data: AWSJSON) { "
        + mutation
        + "(tenantId: $tenantId, runId: $runId, type: $type, at: $at, data: $data) "
        + SELECTION
        + " }";
  }

  /** The mutation's variables: AWSDateTime as ISO-8601 UTC, AWSJSON as a JSON string. */
  static Map<String, Object> variables(RunEvent event) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("tenantId", event.tenantId());
    variables.put("runId", event.runId());
    variables.put("type", event.type());
    variables.put("at", DateTimeFormatter.ISO_INSTANT.format(event.at()));
    try {
      variables.put("data", Json.mapper().writeValueAsString(event.data()));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("event data of run " + event.runId() + " is not JSON-friendly", e);
    }
    return variables;
  }

  /** Publishes one event; throws {@link AppSyncException} when AppSync did not take it. */
  @Override
  public void publish(RunEvent event) {
    client.execute(document(mutationFor(event.type())), variables(event));
  }
}
