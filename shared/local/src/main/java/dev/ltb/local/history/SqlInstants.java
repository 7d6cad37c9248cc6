package dev.ltb.local.history;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * How instants are stored: UTC ISO-8601 text with exactly nine fraction digits. Readable in the sqlite3
 * shell, exact to the nanosecond, and (unlike {@link Instant#toString()}) sorted correctly as text.
 */
final class SqlInstants {

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

  private SqlInstants() {}

  static String format(Instant instant) {
    return instant == null ? null : FORMAT.format(instant);
  }

  static Instant parse(String text) {
    return text == null ? null : Instant.parse(text);
  }
}
