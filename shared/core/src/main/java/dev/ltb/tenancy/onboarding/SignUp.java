package dev.ltb.tenancy.onboarding;

import dev.ltb.tenancy.TenantId;
import java.util.Objects;
import java.util.Optional;

/**
 * A confirmed self sign-up.
 *
 * @param user where the user lives
 * @param subject the user's stable, unique id (Cognito {@code sub}); the new tenant's id derives from it
 * @param tenantClaim the tenant the confirmation event already carries, if any
 */
public record SignUp(DirectoryUser user, String subject, Optional<TenantId> tenantClaim) {
  public SignUp {
    Objects.requireNonNull(user, "user");
    if (subject == null || subject.isBlank()) throw new IllegalArgumentException("subject is required");
    tenantClaim = tenantClaim == null ? Optional.empty() : tenantClaim;
  }
}
