package dev.ltb.engine;

import java.time.Duration;

/**
 * Backoff for retryable provider errors: exponential from {@code baseDelay} to {@code maxDelay} with
 * ±{@code jitterFactor} jitter; a vendor's Retry-After is honoured instead, capped at {@code maxRetryAfter}.
 * The number of retries comes from the suite ({@code options.maxRetries}).
 */
public record RetrySettings(Duration baseDelay, Duration maxDelay, double jitterFactor, Duration maxRetryAfter) {

  public static final RetrySettings DEFAULT =
      new RetrySettings(Duration.ofMillis(500), Duration.ofSeconds(30), 0.25, Duration.ofSeconds(60));

  public RetrySettings {
    if (baseDelay.isNegative() || baseDelay.isZero()) throw new IllegalArgumentException("baseDelay must be > 0");
    if (maxDelay.compareTo(baseDelay) <= 0) throw new IllegalArgumentException("maxDelay must be > baseDelay");
    if (jitterFactor < 0 || jitterFactor >= 1) throw new IllegalArgumentException("jitterFactor must be in [0, 1)");
  }
}
