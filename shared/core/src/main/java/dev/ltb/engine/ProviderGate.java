package dev.ltb.engine;

import dev.ltb.suite.ProviderLimits;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Enforces one provider's limits around each call: at most {@code maxConcurrency} calls in flight and a
 * token bucket (Bucket4j) of {@code burst} tokens refilled greedily at {@code requestsPerSecond}. Waiting
 * blocks the calling virtual thread only.
 */
final class ProviderGate {

  private final Semaphore inFlight;
  private final Bucket bucket;

  ProviderGate(ProviderLimits limits) {
    this.inFlight = limits.maxConcurrency() == null ? null : new Semaphore(limits.maxConcurrency(), true);
    this.bucket = limits.requestsPerSecond() == null ? null : bucket(limits.requestsPerSecond(), limits.burst());
  }

  private static Bucket bucket(double requestsPerSecond, Integer burst) {
    long capacity = burst == null ? Math.max(1, (long) Math.ceil(requestsPerSecond)) : burst;
    // Refill one token every 1/rate seconds, expressed in nanoseconds to keep fractional rates exact.
    Duration perToken = Duration.ofNanos(Math.max(1, (long) (1_000_000_000L / requestsPerSecond)));
    Bandwidth limit =
        Bandwidth.builder().capacity(capacity).refillGreedy(1, perToken).initialTokens(capacity).build();
    return Bucket.builder().addLimit(limit).build();
  }

  <T> T call(Supplier<T> action) throws InterruptedException {
    if (bucket != null) bucket.asBlocking().consume(1);
    if (inFlight != null) inFlight.acquire();
    try {
      return action.get();
    } finally {
      if (inFlight != null) inFlight.release();
    }
  }
}
