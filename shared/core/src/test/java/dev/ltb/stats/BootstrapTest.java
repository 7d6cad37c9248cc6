package dev.ltb.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BootstrapTest {

  private static final double[] SCORES = {0.2, 0.9, 0.4, 1, 0.75, 0.1, 0.6, 0.8, 0.55, 0.3, 1, 0.95};

  @Test
  void sameSeedGivesTheSameIntervalEveryTime() {
    Interval first = new Bootstrap(2000, 7).meanInterval(SCORES);
    Interval again = new Bootstrap(2000, 7).meanInterval(SCORES.clone());
    assertThat(again).isEqualTo(first);
    // A computation in between does not shift the generator: each call starts from the seed.
    Bootstrap shared = new Bootstrap(2000, 7);
    shared.meanInterval(new double[] {1, 2, 3});
    assertThat(shared.meanInterval(SCORES)).isEqualTo(first);
  }

  @Test
  void anotherSeedGivesASlightlyDifferentInterval() {
    Interval seven = new Bootstrap(2000, 7).meanInterval(SCORES);
    Interval eight = new Bootstrap(2000, 8).meanInterval(SCORES);
    assertThat(eight).isNotEqualTo(seven);
    assertThat(Math.abs(eight.low() - seven.low())).isLessThan(0.05);
  }

  @Test
  void intervalSurroundsTheMeanWithinTheDataRange() {
    double mean = 0.629166;
    Interval interval = Bootstrap.defaults().meanInterval(SCORES);
    assertThat(interval.contains(mean)).isTrue();
    assertThat(interval.low()).isGreaterThan(0.1);
    assertThat(interval.high()).isLessThan(1);
    // Roughly mean ± 1.96 · sd / √n = 0.629 ± 0.177; the percentile interval is close to it.
    assertThat(interval.low()).isBetween(0.42, 0.50);
    assertThat(interval.high()).isBetween(0.76, 0.84);
  }

  @Test
  void constantOrSingleValuesAreTheirOwnInterval() {
    assertThat(Bootstrap.defaults().meanInterval(new double[] {0.5, 0.5, 0.5})).isEqualTo(Interval.point(0.5));
    assertThat(Bootstrap.defaults().meanInterval(new double[] {0.3})).isEqualTo(Interval.point(0.3));
  }

  @Test
  void tooFewResamplesAreRejectedWithAReason() {
    assertThatThrownBy(() -> new Bootstrap(10, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bootstrap resamples must be at least 100 for a 95 % interval, got 10");
  }
}
