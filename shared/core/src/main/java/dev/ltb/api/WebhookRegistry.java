package dev.ltb.api;

import dev.ltb.security.SecretValue;
import dev.ltb.tenancy.TenantId;
import dev.ltb.webhook.WebhookSecrets;
import dev.ltb.webhook.WebhookSubscription;
import dev.ltb.webhook.WebhookSubscriptions;

/**
 * Port: the tenant's outbound webhooks as the API manages them: the read port the delivery worker uses, plus writes.
 * A webhook's signing secret is stored with it and never read back through the API.
 */
public interface WebhookRegistry extends WebhookSubscriptions {

  /** Creates the webhook with its signing secret. */
  void create(WebhookSubscription subscription, SecretValue secret);

  /** Replaces an existing webhook's settings (the secret stays); false when there is no such webhook. */
  boolean update(WebhookSubscription subscription);

  /** The signing secrets of these webhooks, for the delivery worker. */
  WebhookSecrets secrets();

  /** Deletes the webhook and its secret; false when there was none. */
  boolean delete(TenantId tenant, String webhookId);
}
