package dev.ltb.report.html;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How numbers read in the report: the same in every locale, rounded for people, never in E-notation. */
public final class Format {

  private static final DateTimeFormatter INSTANT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private Format() {}

  /** {@code 0.8333} → {@code 83.3%}. */
  public static String percent(double rate) {
    if (!Double.isFinite(rate)) return "–";
    return String.format(Locale.ROOT, "%.1f%%", rate * 100);
  }

  /** {@code [78.1, 87.6]}: an interval of rates, in percent. */
  public static String percentInterval(double low, double high) {
    if (!Double.isFinite(low) || !Double.isFinite(high)) return "";
    return String.format(Locale.ROOT, "[%.1f, %.1f]", low * 100, high * 100);
  }

  /** Scores in [0, 1] with three decimals. */
  public static String score(double score) {
    if (!Double.isFinite(score)) return "–";
    return String.format(Locale.ROOT, "%.3f", score);
  }

  public static String scoreInterval(double low, double high) {
    if (!Double.isFinite(low) || !Double.isFinite(high)) return "";
    return String.format(Locale.ROOT, "[%.3f, %.3f]", low, high);
  }

  /** A difference of rates in percentage points, signed: {@code +5.0 pt}, {@code -12.5 pt}. */
  public static String points(double difference) {
    if (!Double.isFinite(difference)) return "–";
    return String.format(Locale.ROOT, "%+.1f pt", difference * 100);
  }

  /** {@code [-12.5, +3.0] pt}: an interval of rate differences, in percentage points. */
  public static String pointsInterval(Double low, Double high) {
    if (low == null || high == null || !Double.isFinite(low) || !Double.isFinite(high)) return "";
    return String.format(Locale.ROOT, "[%+.1f, %+.1f] pt", low * 100, high * 100);
  }

  /** A signed difference of scores: {@code +0.125}, {@code -0.040}. */
  public static String signed(double difference) {
    if (!Double.isFinite(difference)) return "–";
    return String.format(Locale.ROOT, "%+.3f", difference);
  }

  /** {@code [-0.120, +0.030]}. */
  public static String signedInterval(Double low, Double high) {
    if (low == null || high == null || !Double.isFinite(low) || !Double.isFinite(high)) return "";
    return String.format(Locale.ROOT, "[%+.3f, %+.3f]", low, high);
  }

  /** A p-value with four decimals, {@code < 0.0001} for tiny ones. */
  public static String pValue(double p) {
    if (!Double.isFinite(p)) return "–";
    return p < 0.0001 ? "< 0.0001" : String.format(Locale.ROOT, "%.4f", p);
  }

  /** {@code 12,345}. */
  public static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  /** {@code $12.35}, {@code $0.0123}, {@code $0.000152}: enough digits to tell cheap models apart. */
  public static String usd(double value) {
    if (!Double.isFinite(value)) return "–";
    if (value == 0) return "$0";
    if (Math.abs(value) >= 1) return String.format(Locale.ROOT, "$%,.2f", value);
    if (Math.abs(value) >= 0.01) return String.format(Locale.ROOT, "$%.4f", value);
    return "$" + new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros().toPlainString();
  }

  /** {@code 850 ms}, {@code 1.24 s}, {@code 2 min 05 s}. */
  public static String millis(double millis) {
    if (!Double.isFinite(millis)) return "–";
    if (millis < 1000) return String.format(Locale.ROOT, "%.0f ms", millis);
    if (millis < 60_000) return String.format(Locale.ROOT, "%.2f s", millis / 1000);
    return duration(Duration.ofMillis((long) millis));
  }

  /** {@code 2 min 05 s}, {@code 1 h 02 min}. */
  public static String duration(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds < 60) return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    if (seconds < 3600) return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
    return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
  }

  public static String instant(Instant instant) {
    return instant == null ? "–" : INSTANT.format(instant);
  }

  /** Time axis ticks: {@code 500 ms}, {@code 2.5 s}, {@code 10 s}. */
  public static String millisTick(double millis, double stepMillis) {
    if (millis == 0) return "0";
    if (stepMillis < 1000 && millis < 1000) return trim(tick(millis, stepMillis)) + " ms";
    return trim(tick(millis / 1000, stepMillis / 1000)) + " s";
  }

  private static String trim(String decimal) {
    return new BigDecimal(decimal).stripTrailingZeros().toPlainString();
  }

  /** Axis tick labels: as few digits as the step needs. */
  public static String tick(double value, double step) {
    int decimals = 0;
    while (decimals < 6 && Math.abs(step * Math.pow(10, decimals) - Math.rint(step * Math.pow(10, decimals))) > 1e-6)
      decimals++;
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }
}
