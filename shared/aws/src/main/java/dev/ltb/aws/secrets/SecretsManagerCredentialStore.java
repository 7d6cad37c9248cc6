package dev.ltb.aws.secrets;

import dev.ltb.security.ProviderCredentialStore;
import dev.ltb.security.SecretValue;
import dev.ltb.tenancy.TenantId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A tenant's provider credentials as Secrets Manager secrets named exactly as the worker reads them: {@code
 * <LTB_SECRETS_PREFIX>tenants/<tenant>/<NAME>} (the name {@link PowertoolsSecretResolver#forTenant} maps a variable
 * such as {@code OPENAI_API_KEY} to), so a key set through the API is the key the tenant's next run uses. Listing
 * shows only names of that form, not the webhook secrets in the tenant's sub-folders; values are never read back.
 */
public final class SecretsManagerCredentialStore implements ProviderCredentialStore {

  private final PowertoolsSecretResolver resolver;
  private final SecretsManagerSecrets secrets;

  public SecretsManagerCredentialStore(PowertoolsSecretResolver resolver, SecretsManagerSecrets secrets) {
    this.resolver = Objects.requireNonNull(resolver, "resolver");
    this.secrets = Objects.requireNonNull(secrets, "secrets");
  }

  /** The secret a tenant's credential lives in, e.g. {@code ltb/prod/tenants/acme/OPENAI_API_KEY}. */
  public String secretName(TenantId tenant, String name) {
    return resolver.forTenant(tenant.value()).secretName(ProviderCredentialStore.requireName(name));
  }

  @Override
  public void put(TenantId tenant, String name, SecretValue value) {
    Objects.requireNonNull(value, "value");
    secrets.put(secretName(tenant, name), value);
  }

  @Override
  public List<Info> list(TenantId tenant) {
    String prefix = resolver.forTenant(tenant.value()).secretName("");
    return secrets.list(prefix).stream()
        .map(entry -> new Info(entry.name().substring(prefix.length()), entry.updatedAt()))
        .filter(info -> NAME.matcher(info.name()).matches())
        .sorted(Comparator.comparing(Info::name))
        .toList();
  }

  @Override
  public boolean delete(TenantId tenant, String name) {
    return secrets.delete(secretName(tenant, name));
  }
}
