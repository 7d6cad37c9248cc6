package dev.ltb.provider.http;

import java.time.Duration;

/** Durations as people write them in messages: {@code 250 ms}, {@code 30 s}, {@code 1.5 s}. */
final class Durations {

  private Durations() {}

  static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis < 1000) return millis + " ms";
    if (millis % 1000 == 0) return millis / 1000 + " s";
    return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000d);
  }
}
