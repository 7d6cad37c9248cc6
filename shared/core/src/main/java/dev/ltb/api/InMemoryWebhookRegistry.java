package dev.ltb.api;

import dev.ltb.security.SecretValue;
import dev.ltb.tenancy.TenantId;
import dev.ltb.webhook.WebhookSecrets;
import dev.ltb.webhook.WebhookSubscription;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link WebhookRegistry} in memory: for tests and single-process use. */
public final class InMemoryWebhookRegistry implements WebhookRegistry {

  private record Entry(WebhookSubscription subscription, SecretValue secret) {}

  private final Map<String, Entry> webhooks = new ConcurrentHashMap<>();

  @Override
  public void create(WebhookSubscription subscription, SecretValue secret) {
    if (webhooks.putIfAbsent(key(subscription.tenantId(), subscription.webhookId()), new Entry(subscription, secret))
        != null) throw new IllegalStateException("webhook exists: " + subscription.webhookId());
  }

  @Override
  public boolean update(WebhookSubscription subscription) {
    return webhooks.computeIfPresent(key(subscription.tenantId(), subscription.webhookId()),
        (k, old) -> new Entry(subscription, old.secret())) != null;
  }

  @Override
  public boolean delete(TenantId tenant, String webhookId) {
    return webhooks.remove(key(tenant, webhookId)) != null;
  }

  @Override
  public List<WebhookSubscription> list(TenantId tenant) {
    return webhooks.values().stream().map(Entry::subscription).filter(s -> s.tenantId().equals(tenant))
        .sorted(java.util.Comparator.comparing(WebhookSubscription::webhookId)).toList();
  }

  @Override
  public Optional<WebhookSubscription> find(TenantId tenant, String webhookId) {
    return Optional.ofNullable(webhooks.get(key(tenant, webhookId))).map(Entry::subscription);
  }

  @Override
  public WebhookSecrets secrets() {
    return (tenant, id) -> Optional.ofNullable(webhooks.get(key(tenant, id))).map(Entry::secret);
  }

  private static String key(TenantId tenant, String webhookId) {
    return tenant.value() + "/" + webhookId;
  }
}
