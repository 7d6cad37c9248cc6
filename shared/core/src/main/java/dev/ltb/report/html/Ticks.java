package dev.ltb.report.html;

import java.util.ArrayList;
import java.util.List;

/** Round axis bounds and tick positions (1, 2, 2.5 or 5 times a power of ten). */
final class Ticks {

  private static final double[] STEPS = {1, 2, 2.5, 5, 10};

  private Ticks() {}

  /** The smallest "nice" number at or above {@code value} (value > 0). */
  static double niceCeiling(double value) {
    double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
    for (double step : STEPS) if (step * magnitude >= value - 1e-12 * magnitude) return step * magnitude;
    return 10 * magnitude;
  }

  /** A nice step that splits [0, upper] into at most {@code maxTicks} intervals. */
  static double step(double upper, int maxTicks) {
    return niceCeiling(upper / maxTicks);
  }

  /** 0, step, 2·step, ... up to upper. */
  static List<Double> linear(double lower, double upper, double step) {
    List<Double> ticks = new ArrayList<>();
    double first = Math.ceil(lower / step - 1e-9) * step;
    for (int i = 0; first + i * step <= upper + step * 1e-9; i++) ticks.add(first + i * step);
    return ticks;
  }

  /** Powers of ten within [lower, upper]. */
  static List<Double> decades(double lower, double upper) {
    List<Double> ticks = new ArrayList<>();
    for (int exponent = (int) Math.ceil(Math.log10(lower) - 1e-9); Math.pow(10, exponent) <= upper * (1 + 1e-9);
        exponent++) ticks.add(Math.pow(10, exponent));
    return ticks;
  }
}
