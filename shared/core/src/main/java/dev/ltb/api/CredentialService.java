package dev.ltb.api;

import dev.ltb.audit.ResourceRef;
import dev.ltb.provider.ProviderDescriptor;
import dev.ltb.provider.ProviderRegistry;
import dev.ltb.security.Operation;
import dev.ltb.security.ProviderCredentialStore;
import dev.ltb.security.SecretValue;
import dev.ltb.tenancy.ResourceNotFoundException;
import java.util.List;
import java.util.Objects;

/**
 * The providers catalogue and the tenant's provider credentials, which are write-only: they can be set, listed by
 * name and date, and deleted, never read back.
 */
public final class CredentialService {

  private static final String CREDENTIAL = "provider-credential";
  private static final int MAX_SECRET = 8 * 1024;

  private final ProviderRegistry providers;
  private final ProviderCredentialStore credentials;
  private final Guard guard;

  CredentialService(ProviderRegistry providers, ProviderCredentialStore credentials, Guard guard) {
    this.providers = Objects.requireNonNull(providers);
    this.credentials = Objects.requireNonNull(credentials);
    this.guard = Objects.requireNonNull(guard);
  }

  public List<ProviderDescriptor> providers(Caller caller) {
    guard.require(caller, Operation.PROVIDERS_READ, ResourceRef.collection("provider-credential"));
    return providers.descriptors();
  }

  /** Which credentials are set (names and dates only). */
  public List<ProviderCredentialStore.Info> credentials(Caller caller) {
    guard.require(caller, Operation.PROVIDERS_READ, ResourceRef.collection(CREDENTIAL));
    return credentials.list(caller.tenant());
  }

  /** Sets credential {@code name} (e.g. {@code OPENAI_API_KEY}). */
  public void put(Caller caller, String name, String value) {
    checkName(name);
    ResourceRef resource = ResourceRef.of(CREDENTIAL, name);
    guard.require(caller, Operation.PROVIDER_CREDENTIALS_WRITE, resource);
    if (value == null || value.isEmpty()) throw ApiException.invalidField("value", "is required");
    if (value.length() > MAX_SECRET) throw ApiException.invalidField("value", "must be at most 8 KiB");
    credentials.put(caller.tenant(), name, SecretValue.of(value));
    guard.succeeded(caller, Operation.PROVIDER_CREDENTIALS_WRITE, resource);
  }

  public void delete(Caller caller, String name) {
    checkName(name);
    ResourceRef resource = ResourceRef.of(CREDENTIAL, name);
    guard.require(caller, Operation.PROVIDER_CREDENTIALS_WRITE, resource);
    if (!credentials.delete(caller.tenant(), name)) throw new ResourceNotFoundException(CREDENTIAL, name);
    guard.succeeded(caller, Operation.PROVIDER_CREDENTIALS_WRITE, resource);
  }

  private static void checkName(String name) {
    if (name == null || !ProviderCredentialStore.NAME.matcher(name).matches())
      throw ApiException.invalidField("name",
          "a credential name is 2-64 characters of A-Z, 0-9 and '_', starting with a letter, e.g. OPENAI_API_KEY");
  }
}
