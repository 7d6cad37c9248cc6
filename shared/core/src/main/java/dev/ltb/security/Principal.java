package dev.ltb.security;

import dev.ltb.tenancy.TenantId;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An authenticated caller: in which tenant, who, with which role, proven how.
 *
 * @param tenantId the only tenant this principal can reach
 * @param principalId the Cognito {@code sub}, {@code key:<keyId>} for API keys or {@code hook:<hookId>} for
 *     webhooks
 * @param role what it may do ({@link Permissions})
 * @param kind how it authenticated
 */
public record Principal(TenantId tenantId, String principalId, Role role, PrincipalKind kind) {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9:@._+-]{0,127}");

  public Principal {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(kind, "kind");
    if (principalId == null || !ID.matcher(principalId).matches())
      throw new IllegalArgumentException("principal id must be 1-128 characters of letters, digits and :@._+-");
    if (kind == PrincipalKind.USER && !role.forUsers())
      throw new IllegalArgumentException("role " + role.id() + " is for API keys, not users");
  }

  public boolean may(Operation operation) {
    return Permissions.allows(role, operation);
  }
}
