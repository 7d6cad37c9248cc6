package dev.ltb.audit;

import dev.ltb.security.PrincipalKind;
import dev.ltb.security.Role;
import dev.ltb.tenancy.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a tenant's audit trail. Immutable once appended; made only by {@link AuditRecorder}, whose inputs
 * are typed or validated, so it holds no secret and no prompt or output text.
 *
 * @param id time-ordered unique id (sorts like {@code at})
 * @param tenantId whose trail
 * @param actorId principal id ({@code sub}, {@code key:<id>}, {@code hook:<id>})
 * @param actorKind how the actor authenticated
 * @param actorRole the actor's role
 * @param action the operation id, e.g. {@code runs:start}
 * @param resource what it touched
 * @param result how it ended
 * @param reason a short code ({@code role-not-permitted}, {@code quota-exceeded}, ...) or null
 * @param sourceIp client address
 * @param userAgent client user agent, cleaned
 * @param at when
 */
public record AuditRecord(
    String id,
    TenantId tenantId,
    String actorId,
    PrincipalKind actorKind,
    Role actorRole,
    String action,
    ResourceRef resource,
    AuditResult result,
    String reason,
    String sourceIp,
    String userAgent,
    Instant at) {

  public AuditRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(actorId, "actorId");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(at, "at");
  }
}
