package dev.ltb.cdk.config;

/** Steady-state requests per second and burst of an API stage or usage plan. */
public record Throttle(double rateLimit, int burstLimit) {
  public Throttle {
    if (rateLimit <= 0 || burstLimit <= 0) {
      throw new IllegalArgumentException("throttle rate and burst must be positive, were " + rateLimit + "/" + burstLimit);
    }
  }
}
