package dev.ltb.webhook;

import dev.ltb.tenancy.TenantId;
import java.util.List;
import java.util.Optional;

/** Port: a tenant's outbound webhooks ({@code SK = WEBHOOK#<id>} under the tenant's partition). */
public interface WebhookSubscriptions {

  List<WebhookSubscription> list(TenantId tenant);

  Optional<WebhookSubscription> find(TenantId tenant, String webhookId);
}
