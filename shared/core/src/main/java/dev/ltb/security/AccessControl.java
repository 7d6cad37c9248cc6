package dev.ltb.security;

import dev.ltb.audit.AuditRecorder;
import dev.ltb.audit.RequestContext;
import dev.ltb.audit.ResourceRef;
import dev.ltb.tenancy.ResourceNotFoundException;
import dev.ltb.tenancy.TenantId;
import java.util.Objects;

/**
 * The check every entry point makes before it acts: the principal's role must allow the operation
 * ({@link Permissions}), and a resource addressed with a tenant must belong to the principal's tenant. A denial
 * is audited, then thrown: {@link AccessDeniedException} (403) for the role, {@link ResourceNotFoundException} (404,
 * the same answer as for an id that does not exist) for another tenant's resource.
 */
public final class AccessControl {

  private final AuditRecorder audit;

  public AccessControl(AuditRecorder audit) {
    this.audit = Objects.requireNonNull(audit, "audit");
  }

  /** Allows or throws; denials are audited. */
  public void require(Principal principal, Operation operation, ResourceRef resource, RequestContext request) {
    if (!principal.may(operation)) {
      audit.denied(principal, operation, resource, "role-not-permitted", request);
      throw new AccessDeniedException(operation, principal.role());
    }
  }

  /**
   * As {@link #require}, for a resource addressed together with its tenant (e.g. a path {@code /tenants/{t}/…}):
   * another tenant's resource is reported as not found, and the denial is audited in the caller's own trail.
   */
  public void require(
      Principal principal, TenantId owner, Operation operation, ResourceRef resource, RequestContext request) {
    if (!principal.tenantId().equals(owner)) {
      audit.denied(principal, operation, resource, "other-tenant", request);
      throw new ResourceNotFoundException(resource.type(), resource.id() == null ? owner.value() : resource.id());
    }
    require(principal, operation, resource, request);
  }
}
