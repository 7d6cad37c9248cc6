package dev.ltb.tenancy.onboarding;

import dev.ltb.audit.AuditRecorder;
import dev.ltb.audit.RequestContext;
import dev.ltb.audit.ResourceRef;
import dev.ltb.security.Operation;
import dev.ltb.security.Principal;
import dev.ltb.security.PrincipalKind;
import dev.ltb.security.Role;
import dev.ltb.tenancy.TenantId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * Gives a self-signed-up user a tenant of their own: the tenant is recorded on the sign-up plan, the user's tenant
 * attribute is written and the user joins the {@code owner} group; the creation is audited under the new tenant.
 *
 * <p>Safe to repeat (the directory may deliver a confirmation more than once, or after a failure part-way): the new
 * tenant's id derives from the user's {@code subject}, so a repeat finds the same tenant, creates nothing twice and
 * finishes the missing steps. A user who already belongs to another tenant (invited by its owner) is left exactly
 * as they are: never made an owner, never moved.
 */
public final class TenantOnboarding {

  /** What onboarding did. */
  public sealed interface Outcome {
    TenantId tenant();

    /** The user owns {@code tenant}; {@code created} is false when a repeat found it already made. */
    record Owner(TenantId tenant, boolean created) implements Outcome {}

    /** The user already belongs to another tenant: nothing was changed. */
    record AlreadyMember(TenantId tenant) implements Outcome {}
  }

  private final TenantRegistry tenants;
  private final UserDirectory directory;
  private final AuditRecorder audit;
  private final String planId;
  private final Clock clock;

  /**
   * @param planId the plan new tenants start on, e.g. {@code free}
   */
  public TenantOnboarding(
      TenantRegistry tenants, UserDirectory directory, AuditRecorder audit, String planId, Clock clock) {
    this.tenants = Objects.requireNonNull(tenants, "tenants");
    this.directory = Objects.requireNonNull(directory, "directory");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.planId = Objects.requireNonNull(planId, "planId");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public Outcome onboard(SignUp signUp) {
    TenantId own = tenantFor(signUp.subject());
    Optional<TenantId> current = signUp.tenantClaim().or(() -> directory.tenantOf(signUp.user()));
    if (current.isPresent() && !current.get().equals(own)) return new Outcome.AlreadyMember(current.get());

    boolean created = tenants.createIfAbsent(own, planId, clock.instant());
    if (created) {
      Principal owner = new Principal(own, signUp.subject(), Role.OWNER, PrincipalKind.USER);
      audit.succeeded(owner, Operation.TENANT_MANAGE, ResourceRef.of("tenant", own.value()), RequestContext.INTERNAL);
    }
    if (current.isEmpty()) directory.assignTenant(signUp.user(), own);
    directory.addToGroup(signUp.user(), Role.OWNER.id());
    return new Outcome.Owner(own, created);
  }

  /** {@code t-<20 hex>}: the tenant a user with this subject owns; the subject itself never shows in ids or URLs. */
  public static TenantId tenantFor(String subject) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(("ltb-tenant\n" + subject).getBytes(StandardCharsets.UTF_8));
      return TenantId.of("t-" + HexFormat.of().formatHex(digest).substring(0, 20));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
