package dev.ltb.aws.secrets;

import dev.ltb.security.SecretValue;
import dev.ltb.tenancy.Ids;
import dev.ltb.tenancy.TenantId;
import dev.ltb.webhook.WebhookSecrets;
import java.util.Objects;
import java.util.Optional;

/**
 * Webhook signing secrets in Secrets Manager (or SSM), through the tenant-scoped resolver:
 * {@code <LTB_SECRETS_PREFIX>tenants/<tenant>/hooks/<hookId>} for inbound hooks and
 * {@code <LTB_SECRETS_PREFIX>tenants/<tenant>/webhooks/<webhookId>} for outbound webhooks. HMAC needs the secret in
 * clear on both ends, so it is stored encrypted (KMS, by the secret store) rather than hashed, read only by the
 * ingress and the delivery worker, and cached for {@code LTB_SECRETS_TTL_SECONDS}.
 */
public final class SecretStoreWebhookSecrets implements WebhookSecrets {

  /** Which kind of secret: the folder under the tenant's prefix. */
  public enum Kind {
    INBOUND("hooks"),
    OUTBOUND("webhooks");

    private final String folder;

    Kind(String folder) {
      this.folder = folder;
    }

    public String folder() {
      return folder;
    }
  }

  private final PowertoolsSecretResolver resolver;
  private final Kind kind;

  public SecretStoreWebhookSecrets(PowertoolsSecretResolver resolver, Kind kind) {
    this.resolver = Objects.requireNonNull(resolver, "resolver");
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  /** The full name of a secret, e.g. to create it: {@code ltb/prod/tenants/acme/hooks/nightly}. */
  public String secretName(TenantId tenant, String id) {
    return resolver.forTenant(tenant.value()).secretName(kind.folder() + "/" + Ids.requireResourceId("id", id));
  }

  @Override
  public Optional<SecretValue> find(TenantId tenant, String id) {
    if (!Ids.isResourceId(id)) return Optional.empty();
    return resolver.forTenant(tenant.value()).resolve(kind.folder() + "/" + id).map(SecretValue::of);
  }
}
