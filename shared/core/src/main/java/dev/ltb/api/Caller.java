package dev.ltb.api;

import dev.ltb.audit.RequestContext;
import dev.ltb.security.Principal;
import dev.ltb.security.PrincipalKind;
import dev.ltb.security.Role;
import dev.ltb.tenancy.TenantId;
import java.util.Arrays;
import java.util.Objects;

/**
 * Who is calling, as the authorizer established it, and from where (for the audit trail).
 *
 * @param principal tenant, principal id, role and how it authenticated
 * @param request source address and user agent
 */
public record Caller(Principal principal, RequestContext request) {

  public Caller {
    Objects.requireNonNull(principal, "principal");
    request = request == null ? RequestContext.INTERNAL : request;
  }

  /**
   * From the values a Lambda authorizer put into its context ({@code tenantId}, {@code principalId}, {@code role},
   * {@code principalKind}). Anything missing or malformed is a 401: the gateway should never let such a call through.
   */
  public static Caller fromAuthorizer(
      String tenantId, String principalId, String role, String principalKind, RequestContext request) {
    try {
      Role parsedRole = Role.fromId(role).orElseThrow(() -> new IllegalArgumentException("unknown role"));
      PrincipalKind kind =
          principalKind == null
              ? (parsedRole == Role.SERVICE ? PrincipalKind.API_KEY : PrincipalKind.USER)
              : Arrays.stream(PrincipalKind.values())
                  .filter(k -> k.id().equals(principalKind))
                  .findFirst()
                  .orElseThrow(() -> new IllegalArgumentException("unknown principal kind"));
      return new Caller(new Principal(TenantId.of(tenantId), principalId, parsedRole, kind), request);
    } catch (RuntimeException e) {
      throw new ApiException(ProblemType.UNAUTHENTICATED, "the request carries no valid caller identity");
    }
  }

  public TenantId tenant() {
    return principal.tenantId();
  }

  public Role role() {
    return principal.role();
  }
}
