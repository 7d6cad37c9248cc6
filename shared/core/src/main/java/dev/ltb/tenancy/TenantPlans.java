package dev.ltb.tenancy;

/**
 * Port: which plan a tenant is on. A SaaS deployment keeps the assignment with the tenant's record; a
 * single-tenant deployment answers one plan for everyone ({@link #fixed}).
 */
@FunctionalInterface
public interface TenantPlans {

  Plan planOf(TenantId tenant);

  static TenantPlans fixed(Plan plan) {
    return tenant -> plan;
  }
}
