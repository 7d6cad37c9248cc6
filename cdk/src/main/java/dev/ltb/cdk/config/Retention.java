package dev.ltb.cdk.config;

import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.services.logs.RetentionDays;

/** Maps a number of days to the CloudWatch Logs retention it names (only those values exist). */
final class Retention {
  private static final Map<Integer, RetentionDays> BY_DAYS =
      new TreeMap<>(
          Map.ofEntries(
              Map.entry(1, RetentionDays.ONE_DAY),
              Map.entry(3, RetentionDays.THREE_DAYS),
              Map.entry(5, RetentionDays.FIVE_DAYS),
              Map.entry(7, RetentionDays.ONE_WEEK),
              Map.entry(14, RetentionDays.TWO_WEEKS),
              Map.entry(30, RetentionDays.ONE_MONTH),
              Map.entry(60, RetentionDays.TWO_MONTHS),
              Map.entry(90, RetentionDays.THREE_MONTHS),
              Map.entry(180, RetentionDays.SIX_MONTHS),
              Map.entry(365, RetentionDays.ONE_YEAR),
              Map.entry(731, RetentionDays.TWO_YEARS),
              Map.entry(1827, RetentionDays.FIVE_YEARS),
              Map.entry(3653, RetentionDays.TEN_YEARS)));

  private Retention() {}

  static RetentionDays of(int days) {
    RetentionDays retention = BY_DAYS.get(days);
    if (retention == null) {
      throw new IllegalArgumentException("context 'logRetentionDays' must be one of " + BY_DAYS.keySet() + ", was " + days);
    }
    return retention;
  }
}
