package dev.ltb.cdk.config;

/**
 * An API Gateway usage plan: per-key throttling and a daily request quota. The plan limits of issue 8
 * (items per run, budget) are enforced by the service; this only protects the API.
 */
public record UsagePlanTier(String name, Throttle throttle, int requestsPerDay) {
  public UsagePlanTier {
    if (name == null || !name.matches("[a-z][a-z0-9-]*")) {
      throw new IllegalArgumentException("usage plan name must be lower-case kebab, was '" + name + "'");
    }
    if (requestsPerDay <= 0) throw new IllegalArgumentException("requestsPerDay must be positive");
  }
}
