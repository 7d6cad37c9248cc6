package dev.ltb.stats;

import java.util.Objects;

/**
 * A difference between two independent samples (first minus second) with its interval and test.
 *
 * @param difference first minus second (rate or mean)
 * @param interval its 95 % interval, or null when it cannot be estimated (fewer than two values on a side)
 * @param test the significance test
 */
public record IndependentComparison(double difference, Interval interval, HypothesisTest test) {
  public IndependentComparison {
    Objects.requireNonNull(test, "test");
  }
}
