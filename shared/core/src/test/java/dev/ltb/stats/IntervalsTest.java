package dev.ltb.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ltb.aggregate.Estimate;
import dev.ltb.aggregate.LatencySummary;
import dev.ltb.aggregate.Proportion;
import org.junit.jupiter.api.Test;

class IntervalsTest {

  @Test
  void wilsonIntervalMatchesPublishedValues() {
    // Newcombe (1998), Statistics in Medicine 17:857, Table I, method 3 (Wilson): 81/263 → 0.2553–0.3662.
    Proportion p = Intervals.wilson(81, 263);
    assertThat(p.rate()).isCloseTo(0.30798, within(1e-5));
    assertThat(p.ciLow()).isCloseTo(0.2553, within(1e-4));
    assertThat(p.ciHigh()).isCloseTo(0.3662, within(1e-4));
    // 0/10 → 0–0.2775 (same table, method 3)
    Proportion zero = Intervals.wilson(0, 10);
    assertThat(zero.ciLow()).isZero();
    assertThat(zero.ciHigh()).isCloseTo(0.2775, within(1e-4));
  }

  @Test
  void meanIntervalUsesStudentT() {
    // 1..10: mean 5.5, sd 3.02765, t(0.975, 9) = 2.262157 → half width 2.16589
    double[] values = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    Estimate estimate = Intervals.mean(values, values.length);
    assertThat(estimate.mean()).isEqualTo(5.5);
    assertThat(estimate.stdDev()).isCloseTo(3.02765, within(1e-5));
    assertThat(estimate.ciLow()).isCloseTo(5.5 - 2.16589, within(1e-4));
    assertThat(estimate.ciHigh()).isCloseTo(5.5 + 2.16589, within(1e-4));
  }

  @Test
  void scoreIntervalsStayWithinTheScoreRange() {
    Estimate estimate = Intervals.boundedMean(new double[] {1, 0, 0}, 3, 0, 1);
    assertThat(estimate.mean()).isCloseTo(1 / 3.0, within(1e-12));
    assertThat(estimate.ciLow()).isZero();
    assertThat(estimate.ciHigh()).isEqualTo(1.0);
  }

  @Test
  void oneValueHasNoSpread() {
    assertThat(Intervals.mean(new double[] {0.7}, 1)).isEqualTo(new Estimate(1, 0.7, 0, 0.7, 0.7));
    assertThat(Intervals.mean(new double[0], 0).n()).isZero();
  }

  @Test
  void latencyPercentilesAreNearestRank() {
    long[] values = new long[100];
    for (int i = 0; i < 100; i++) values[i] = 100 - i; // 1..100 reversed
    LatencySummary latency = Intervals.latency(values, 100);
    assertThat(latency).isEqualTo(new LatencySummary(100, 50, 95, 99, 50.5, 100));
  }
}
