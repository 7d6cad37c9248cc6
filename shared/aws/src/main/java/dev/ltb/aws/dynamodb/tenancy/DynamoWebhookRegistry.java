package dev.ltb.aws.dynamodb.tenancy;

import dev.ltb.api.WebhookRegistry;
import dev.ltb.aws.secrets.SecretStoreWebhookSecrets;
import dev.ltb.aws.secrets.SecretsManagerSecrets;
import dev.ltb.security.SecretValue;
import dev.ltb.tenancy.TenantId;
import dev.ltb.webhook.WebhookSecrets;
import dev.ltb.webhook.WebhookSubscription;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The API's webhooks: settings in DynamoDB ({@link DynamoWebhookSubscriptions}), the signing secret in Secrets
 * Manager under the name the delivery worker reads ({@link SecretStoreWebhookSecrets}, outbound kind: {@code
 * <prefix>tenants/<t>/webhooks/<id>}). The secret is written before the item, so a listed webhook always has one.
 */
public final class DynamoWebhookRegistry implements WebhookRegistry {

  private final DynamoWebhookSubscriptions subscriptions;
  private final SecretStoreWebhookSecrets secrets;
  private final SecretsManagerSecrets writer;

  public DynamoWebhookRegistry(
      DynamoWebhookSubscriptions subscriptions, SecretStoreWebhookSecrets secrets, SecretsManagerSecrets writer) {
    this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
    this.secrets = Objects.requireNonNull(secrets, "secrets");
    this.writer = Objects.requireNonNull(writer, "writer");
  }

  @Override
  public void create(WebhookSubscription subscription, SecretValue secret) {
    writer.put(secrets.secretName(subscription.tenantId(), subscription.webhookId()), secret);
    subscriptions.save(subscription);
  }

  @Override
  public boolean update(WebhookSubscription subscription) {
    if (subscriptions.find(subscription.tenantId(), subscription.webhookId()).isEmpty()) return false;
    subscriptions.save(subscription);
    return true;
  }

  @Override
  public WebhookSecrets secrets() {
    return secrets;
  }

  @Override
  public boolean delete(TenantId tenant, String webhookId) {
    boolean deleted = subscriptions.delete(tenant, webhookId);
    if (deleted) writer.delete(secrets.secretName(tenant, webhookId));
    return deleted;
  }

  @Override
  public List<WebhookSubscription> list(TenantId tenant) {
    return subscriptions.list(tenant);
  }

  @Override
  public Optional<WebhookSubscription> find(TenantId tenant, String webhookId) {
    return subscriptions.find(tenant, webhookId);
  }
}
