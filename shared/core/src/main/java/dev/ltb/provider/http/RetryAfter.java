package dev.ltb.provider.http;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a vendor asked us to wait before retrying, read from the places vendors put it, in this order:
 * {@code retry-after-ms} (OpenAI, Azure), {@code Retry-After} (delta-seconds or an HTTP-date, RFC 9110),
 * then the later of {@code x-ratelimit-reset-requests} and {@code x-ratelimit-reset-tokens} (OpenAI, Groq:
 * durations such as {@code 6m0s} or {@code 20ms}). {@link #fromBody} reads the hints some vendors only put
 * in the error body.
 */
public final class RetryAfter {

  private static final Pattern GO_DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|h|m|s)");
  private static final Pattern TRY_AGAIN_IN =
      Pattern.compile("(?i)try again in (\\d+(?:\\.\\d+)?)\\s*(ms|milliseconds?|s|sec|seconds?|m|minutes?)\\b");
  private static final Pattern RETRY_DELAY = Pattern.compile("\"retryDelay\"\\s*:\\s*\"(\\d+(?:\\.\\d+)?)s\"");

  private RetryAfter() {}

  public static Optional<Duration> fromHeaders(HttpHeaders headers) {
    return fromHeaders(headers, Clock.systemUTC());
  }

  public static Optional<Duration> fromHeaders(HttpHeaders headers, Clock clock) {
    Optional<Duration> millis = headers.firstValue("retry-after-ms").flatMap(RetryAfter::millis);
    if (millis.isPresent()) return millis;
    Optional<Duration> retryAfter = headers.firstValue("retry-after").flatMap(value -> retryAfter(value, clock));
    if (retryAfter.isPresent()) return retryAfter;
    Optional<Duration> requests = headers.firstValue("x-ratelimit-reset-requests").flatMap(RetryAfter::duration);
    Optional<Duration> tokens = headers.firstValue("x-ratelimit-reset-tokens").flatMap(RetryAfter::duration);
    if (requests.isPresent() && tokens.isPresent())
      return Optional.of(requests.get().compareTo(tokens.get()) >= 0 ? requests.get() : tokens.get());
    return requests.or(() -> tokens);
  }

  /**
   * Hints in an error body: OpenAI's "Please try again in 6ms" / "in 1.5s", and Google's {@code RetryInfo}
   * detail {@code "retryDelay": "36s"}.
   */
  public static Optional<Duration> fromBody(String body) {
    if (body == null || body.isEmpty()) return Optional.empty();
    Matcher delay = RETRY_DELAY.matcher(body);
    if (delay.find()) return Optional.of(seconds(Double.parseDouble(delay.group(1))));
    Matcher tryAgain = TRY_AGAIN_IN.matcher(body);
    if (!tryAgain.find()) return Optional.empty();
    double amount = Double.parseDouble(tryAgain.group(1));
    String unit = tryAgain.group(2).toLowerCase(java.util.Locale.ROOT);
    if (unit.equals("ms") || unit.startsWith("milli")) return Optional.of(seconds(amount / 1000));
    if (unit.startsWith("m")) return Optional.of(seconds(amount * 60));
    return Optional.of(seconds(amount));
  }

  /**
   * A {@code Retry-After} value: delta-seconds (fractions tolerated) or an HTTP-date; a date in the past
   * means "now" (zero).
   */
  public static Optional<Duration> retryAfter(String value, Clock clock) {
    String text = value.strip();
    try {
      double seconds = Double.parseDouble(text);
      return seconds >= 0 && Double.isFinite(seconds) ? Optional.of(seconds(seconds)) : Optional.empty();
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration wait = Duration.between(clock.instant(), at.toInstant());
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
      } catch (DateTimeParseException notDate) {
        return Optional.empty();
      }
    }
  }

  /** A Go-style duration ({@code 1h2m3.5s}, {@code 20ms}) or plain seconds ({@code 7.66}). */
  public static Optional<Duration> duration(String value) {
    String text = value.strip();
    if (text.isEmpty()) return Optional.empty();
    try {
      double seconds = Double.parseDouble(text);
      return seconds >= 0 && Double.isFinite(seconds) ? Optional.of(seconds(seconds)) : Optional.empty();
    } catch (NumberFormatException notSeconds) {
      Matcher part = GO_DURATION_PART.matcher(text);
      double total = 0;
      int end = 0;
      while (part.find() && part.start() == end) {
        double amount = Double.parseDouble(part.group(1));
        total += switch (part.group(2)) {
          case "h" -> amount * 3600;
          case "m" -> amount * 60;
          case "ms" -> amount / 1000;
          default -> amount;
        };
        end = part.end();
      }
      return end == text.length() ? Optional.of(seconds(total)) : Optional.empty();
    }
  }

  private static Optional<Duration> millis(String value) {
    try {
      double millis = Double.parseDouble(value.strip());
      return millis >= 0 && Double.isFinite(millis) ? Optional.of(seconds(millis / 1000)) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Duration seconds(double seconds) {
    return Duration.ofNanos((long) (seconds * 1e9));
  }
}
