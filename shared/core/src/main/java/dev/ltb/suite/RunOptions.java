package dev.ltb.suite;

import java.time.Duration;

/**
 * How a run executes. Every default is resolved here and documented in docs/suite-format.md.
 *
 * @param repeat how many times each (test, prompt, provider) is run; default 1
 * @param maxConcurrency items in flight at once across the run; default 8
 * @param itemTimeout wall-clock limit for one item including retries; default 120 s
 * @param maxRetries retries after the first attempt on retryable errors (429, 5xx, timeouts); default 4
 * @param shardSize items per shard; default 50
 * @param maxCostUsd stop calling providers once the run's cost reaches this budget; null = no cap
 */
public record RunOptions(
    int repeat, int maxConcurrency, Duration itemTimeout, int maxRetries, int shardSize, Double maxCostUsd) {

  public static final int DEFAULT_REPEAT = 1;
  public static final int DEFAULT_MAX_CONCURRENCY = 8;
  public static final Duration DEFAULT_ITEM_TIMEOUT = Duration.ofSeconds(120);
  public static final int DEFAULT_MAX_RETRIES = 4;
  public static final int DEFAULT_SHARD_SIZE = 50;

  public RunOptions {
    if (repeat < 1) throw new IllegalArgumentException("repeat must be >= 1, was " + repeat);
    if (maxConcurrency < 1) throw new IllegalArgumentException("maxConcurrency must be >= 1, was " + maxConcurrency);
    if (maxRetries < 0) throw new IllegalArgumentException("maxRetries must be >= 0, was " + maxRetries);
    if (shardSize < 1) throw new IllegalArgumentException("shardSize must be >= 1, was " + shardSize);
    itemTimeout = itemTimeout == null ? DEFAULT_ITEM_TIMEOUT : itemTimeout;
  }

  public static RunOptions defaults() {
    return new RunOptions(
        DEFAULT_REPEAT, DEFAULT_MAX_CONCURRENCY, DEFAULT_ITEM_TIMEOUT, DEFAULT_MAX_RETRIES, DEFAULT_SHARD_SIZE, null);
  }

  public RunOptions withMaxConcurrency(int value) {
    return new RunOptions(repeat, value, itemTimeout, maxRetries, shardSize, maxCostUsd);
  }

  public RunOptions withRepeat(int value) {
    return new RunOptions(value, maxConcurrency, itemTimeout, maxRetries, shardSize, maxCostUsd);
  }
}
