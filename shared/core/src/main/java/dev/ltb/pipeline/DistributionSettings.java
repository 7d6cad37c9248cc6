package dev.ltb.pipeline;

/**
 * How the state machine spreads a run over shards; the plan step resolves the defaults and hands the values
 * to the Map state ({@code MaxConcurrencyPath}) and to each shard's task ({@code TimeoutSecondsPath}). The
 * heartbeat timeout is fixed in the state machine (300 s; workers beat every 60 s).
 *
 * @param maxConcurrency shards in flight at once; default {@value #DEFAULT_MAX_CONCURRENCY}
 * @param toleratedFailurePercentage failed shards (of all) that still give a PARTIAL run rather than a FAILED
 *     one; default {@value #DEFAULT_TOLERATED_FAILURE_PERCENTAGE}
 * @param shardTimeoutSeconds longest a shard may take, queueing and redeliveries included; default {@value
 *     #DEFAULT_SHARD_TIMEOUT_SECONDS}
 */
public record DistributionSettings(int maxConcurrency, double toleratedFailurePercentage, int shardTimeoutSeconds) {

  public static final int DEFAULT_MAX_CONCURRENCY = 10;
  public static final double DEFAULT_TOLERATED_FAILURE_PERCENTAGE = 10;
  public static final int DEFAULT_SHARD_TIMEOUT_SECONDS = 3600;

  public DistributionSettings {
    if (maxConcurrency < 1 || maxConcurrency > 1000)
      throw new IllegalArgumentException("maxConcurrency must be 1-1000, was " + maxConcurrency);
    if (toleratedFailurePercentage < 0 || toleratedFailurePercentage > 100)
      throw new IllegalArgumentException(
          "toleratedFailurePercentage must be 0-100, was " + toleratedFailurePercentage);
    if (shardTimeoutSeconds < 1) throw new IllegalArgumentException("shardTimeoutSeconds must be >= 1");
  }

  public static DistributionSettings defaults() {
    return new DistributionSettings(
        DEFAULT_MAX_CONCURRENCY, DEFAULT_TOLERATED_FAILURE_PERCENTAGE, DEFAULT_SHARD_TIMEOUT_SECONDS);
  }

  /** These settings with each non-null value replaced. */
  public DistributionSettings with(Integer maxConcurrency, Double toleratedFailurePercentage, Integer shardTimeoutSeconds) {
    return new DistributionSettings(
        maxConcurrency != null ? maxConcurrency : this.maxConcurrency,
        toleratedFailurePercentage != null ? toleratedFailurePercentage : this.toleratedFailurePercentage,
        shardTimeoutSeconds != null ? shardTimeoutSeconds : this.shardTimeoutSeconds);
  }
}
