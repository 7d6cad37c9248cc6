package dev.ltb.analysis;

import java.util.Locale;

/** Number formats of the one-line summaries. */
final class Formats {

  private Formats() {}

  static String percent(double rate) {
    return String.format(Locale.ROOT, "%.1f%%", rate * 100);
  }

  /** A difference of rates in percentage points, signed: "-5.0 pt". */
  static String points(double difference) {
    return String.format(Locale.ROOT, "%+.1f pt", difference * 100);
  }

  static String signed(double value) {
    return String.format(Locale.ROOT, "%+.3f", value);
  }

  static String decimal(double value) {
    return String.format(Locale.ROOT, "%.3f", value);
  }

  /** "p = 0.0123", or "p < 0.0001" for tiny values. */
  static String p(String name, double p) {
    return p < 0.0001 ? name + " < 0.0001" : name + " = " + String.format(Locale.ROOT, "%.4f", p);
  }

  static String usd(double value) {
    return String.format(Locale.ROOT, value >= 1 ? "$%,.2f" : "$%.4f", value);
  }

  static String pValues(String test, double p, double adjusted, double alpha) {
    return test + " " + p("p", p) + ", " + p("Holm-adjusted p", adjusted) + (adjusted < alpha ? " < " : " ≥ ")
        + String.format(Locale.ROOT, "%s", alpha);
  }
}
