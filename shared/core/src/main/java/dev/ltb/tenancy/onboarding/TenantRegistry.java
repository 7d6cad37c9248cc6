package dev.ltb.tenancy.onboarding;

import dev.ltb.tenancy.TenantId;
import java.time.Instant;

/** Port: where a tenant comes into being, with the plan it starts on. */
public interface TenantRegistry {

  /**
   * Records the tenant on plan {@code planId} unless it exists (a conditional write).
   *
   * @return true when this call created it, false when it existed already (nothing changed)
   */
  boolean createIfAbsent(TenantId tenant, String planId, Instant at);
}
