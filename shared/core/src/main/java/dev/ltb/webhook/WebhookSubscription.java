package dev.ltb.webhook;

import dev.ltb.tenancy.Ids;
import dev.ltb.tenancy.TenantId;
import java.net.URI;
import java.util.Objects;
import java.util.Set;

/**
 * An outbound webhook: where to POST which events. Its signing secret lives apart ({@link WebhookSecrets}).
 *
 * @param tenantId owner
 * @param webhookId id
 * @param url the receiver; checked against the {@link EndpointPolicy} when saved and before every delivery
 * @param events which events it wants
 * @param baselineRunId the run {@code run.regressed} compares with; null: the latest earlier completed run of the
 *     same suite
 * @param enabled a disabled webhook gets nothing
 */
public record WebhookSubscription(
    TenantId tenantId, String webhookId, URI url, Set<WebhookEventType> events, String baselineRunId,
    boolean enabled) {

  public WebhookSubscription {
    Objects.requireNonNull(tenantId, "tenantId");
    Ids.requireResourceId("webhookId", webhookId);
    Objects.requireNonNull(url, "url");
    events = Set.copyOf(events);
    if (baselineRunId != null) Ids.requireResourceId("baselineRunId", baselineRunId);
  }

  public boolean wants(WebhookEventType type) {
    return enabled && events.contains(type);
  }
}
