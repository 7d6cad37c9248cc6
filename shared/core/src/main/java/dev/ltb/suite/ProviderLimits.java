package dev.ltb.suite;

/**
 * Per-provider limits the engine enforces: at most {@code maxConcurrency} calls in flight and a token
 * bucket of {@code burst} tokens refilled at {@code requestsPerSecond}. Null fields mean "no limit".
 */
public record ProviderLimits(Integer maxConcurrency, Double requestsPerSecond, Integer burst) {

  public static final ProviderLimits NONE = new ProviderLimits(null, null, null);

  public ProviderLimits {
    if (maxConcurrency != null && maxConcurrency < 1)
      throw new IllegalArgumentException("maxConcurrency must be >= 1, was " + maxConcurrency);
    if (requestsPerSecond != null && !(requestsPerSecond > 0))
      throw new IllegalArgumentException("requestsPerSecond must be > 0, was " + requestsPerSecond);
    if (burst != null && burst < 1) throw new IllegalArgumentException("burst must be >= 1, was " + burst);
  }
}
