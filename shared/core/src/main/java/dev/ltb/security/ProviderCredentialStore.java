package dev.ltb.security;

import dev.ltb.tenancy.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Port: a tenant's provider credentials (e.g. {@code OPENAI_API_KEY}), write-only. There is deliberately no
 * method that returns a value: the API can set, list (names and dates) and delete, and only the worker reads
 * values, through the core's {@link dev.ltb.provider.SecretResolver} built for the run's tenant. In AWS: one
 * Secrets Manager secret per tenant and name ({@code ltb/tenants/<tenant>/providers/<NAME>}).
 */
public interface ProviderCredentialStore {

  /** Credential names: upper-case letters, digits and underscores, like environment variables. */
  Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]{1,63}");

  /** A stored credential as the API may show it. */
  record Info(String name, Instant updatedAt) {}

  void put(TenantId tenant, String name, SecretValue value);

  List<Info> list(TenantId tenant);

  boolean delete(TenantId tenant, String name);

  static String requireName(String name) {
    if (name == null || !NAME.matcher(name).matches())
      throw new IllegalArgumentException("credential name " + dev.ltb.tenancy.Ids.describe(name)
          + " must be 2-64 characters of A-Z, 0-9 and '_', starting with a letter");
    return name;
  }
}
