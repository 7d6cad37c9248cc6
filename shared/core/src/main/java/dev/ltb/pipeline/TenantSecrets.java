package dev.ltb.pipeline;

import dev.ltb.provider.SecretResolver;

/**
 * Port: the secrets (provider API keys) of one tenant, so that in a shared deployment a tenant's run only
 * ever reads that tenant's keys. A single-tenant deployment answers every tenant with the same resolver.
 */
@FunctionalInterface
public interface TenantSecrets {
  SecretResolver forTenant(String tenantId);
}
