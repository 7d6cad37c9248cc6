package dev.ltb.webhook;

import java.time.Duration;
import java.util.Optional;

/**
 * When failed deliveries are tried again: exponential backoff from {@code initial}, multiplied by {@code factor}
 * each time, capped at {@code max} (SQS delays go up to 15 minutes), for at most {@code attempts} attempts in all.
 * The standard schedule retries after 10 s, 30 s, 1.5 min, 4.5 min, 13.5 min, 15 min and 15 min: 8 attempts over
 * about 50 minutes, then the delivery goes to the dead-letter queue.
 */
public record RetrySchedule(Duration initial, double factor, Duration max, int attempts) {

  public static final Duration SQS_MAX_DELAY = Duration.ofMinutes(15);

  public RetrySchedule {
    if (initial.isNegative() || initial.isZero()) throw new IllegalArgumentException("initial delay must be positive");
    if (factor < 1) throw new IllegalArgumentException("factor must be >= 1");
    if (max.compareTo(initial) < 0 || max.compareTo(SQS_MAX_DELAY) > 0)
      throw new IllegalArgumentException("max delay must be between the initial delay and 15 minutes");
    if (attempts < 1) throw new IllegalArgumentException("attempts must be >= 1");
  }

  public static RetrySchedule standard() {
    return new RetrySchedule(Duration.ofSeconds(10), 3, SQS_MAX_DELAY, 8);
  }

  /** The delay before attempt {@code next} (2 for the first retry), empty when no attempt is left. */
  public Optional<Duration> delayBefore(int next) {
    if (next < 2 || next > attempts) return Optional.empty();
    double millis = initial.toMillis() * Math.pow(factor, next - 2);
    return Optional.of(millis >= max.toMillis() ? max : Duration.ofMillis(Math.round(millis)));
  }
}
