package dev.ltb.pipeline;

/**
 * How the state machine spreads a run over shards; the plan step resolves the defaults and hands the values
 * to the Map state ({@code MaxConcurrencyPath}) and to each shard's task ({@code TimeoutSecondsPath},
 * {@code HeartbeatSecondsPath}).
 *
 * @param maxConcurrency shards in flight at once; default {@value #DEFAULT_MAX_CONCURRENCY}
 * @param toleratedFailurePercentage failed shards (of all) that still give a PARTIAL run rather than a FAILED
 *     one; default {@value #DEFAULT_TOLERATED_FAILURE_PERCENTAGE}
 * @param shardTimeoutSeconds longest a shard may take, queueing and redeliveries included; default {@value
 *     #DEFAULT_SHARD_TIMEOUT_SECONDS}
 * @param heartbeatSeconds longest silence from a worker before its shard counts as lost; default {@value
 *     #DEFAULT_HEARTBEAT_SECONDS} (workers beat every {@code heartbeatSeconds / 5})
 */
public record DistributionSettings(
    int maxConcurrency, double toleratedFailurePercentage, int shardTimeoutSeconds, int heartbeatSeconds) {

  public static final int DEFAULT_MAX_CONCURRENCY = 10;
  public static final double DEFAULT_TOLERATED_FAILURE_PERCENTAGE = 10;
  public static final int DEFAULT_SHARD_TIMEOUT_SECONDS = 3600;
  public static final int DEFAULT_HEARTBEAT_SECONDS = 300;

  public DistributionSettings {
    if (maxConcurrency < 1 || maxConcurrency > 1000)
      throw new IllegalArgumentException("maxConcurrency must be 1-1000, was " + maxConcurrency);
    if (toleratedFailurePercentage < 0 || toleratedFailurePercentage > 100)
      throw new IllegalArgumentException(
          "toleratedFailurePercentage must be 0-100, was " + toleratedFailurePercentage);
    if (shardTimeoutSeconds < 1) throw new IllegalArgumentException("shardTimeoutSeconds must be >= 1");
    if (heartbeatSeconds < 1) throw new IllegalArgumentException("heartbeatSeconds must be >= 1");
  }

  public static DistributionSettings defaults() {
    return new DistributionSettings(
        DEFAULT_MAX_CONCURRENCY, DEFAULT_TOLERATED_FAILURE_PERCENTAGE, DEFAULT_SHARD_TIMEOUT_SECONDS,
        DEFAULT_HEARTBEAT_SECONDS);
  }

  /** These settings with each non-null value replaced. */
  public DistributionSettings with(
      Integer maxConcurrency, Double toleratedFailurePercentage, Integer shardTimeoutSeconds, Integer heartbeatSeconds) {
    return new DistributionSettings(
        maxConcurrency != null ? maxConcurrency : this.maxConcurrency,
        toleratedFailurePercentage != null ? toleratedFailurePercentage : this.toleratedFailurePercentage,
        shardTimeoutSeconds != null ? shardTimeoutSeconds : this.shardTimeoutSeconds,
        heartbeatSeconds != null ? heartbeatSeconds : this.heartbeatSeconds);
  }
}
