package dev.ltb.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class IndependentSamplesTest {

  @Test
  void newcombeIntervalMatchesThePublishedExample() {
    // Newcombe (1998), Statistics in Medicine 17:873, Table II example (a): 56/70 - 48/80, method 10
    // (hybrid score, from Wilson intervals) → 0.0524 to 0.3339.
    IndependentComparison comparison = IndependentSamples.proportions(56, 70, 48, 80);
    assertThat(comparison.difference()).isCloseTo(0.2, within(1e-12));
    assertThat(comparison.interval().low()).isCloseTo(0.0524, within(1e-4));
    assertThat(comparison.interval().high()).isCloseTo(0.3339, within(1e-4));
    assertThat(comparison.test().method()).isEqualTo(IndependentSamples.CHI_SQUARE);
  }

  @Test
  void smallTablesUseFishersExactTest() {
    // Fisher's lady tasting tea (Agresti 2007, Table 2.9): [[3, 1], [1, 3]] → two-sided p = 0.4857.
    HypothesisTest test = IndependentSamples.proportions(3, 4, 1, 4).test();
    assertThat(test.method()).isEqualTo(IndependentSamples.FISHER_EXACT);
    assertThat(test.pValue()).isCloseTo(0.485714, within(1e-6));
  }

  @Test
  void largeTablesUsePearsonChiSquare() {
    // [[30, 20], [15, 35]]: chi-square 9.0909, p = 0.0025688 (scipy chi2_contingency, correction=False).
    HypothesisTest test = IndependentSamples.proportions(30, 50, 15, 50).test();
    assertThat(test.method()).isEqualTo(IndependentSamples.CHI_SQUARE);
    assertThat(test.statistic()).isCloseTo(9.090909, within(1e-6));
    assertThat(test.pValue()).isCloseTo(0.0025688, within(1e-7));
  }

  @Test
  void welchTestAndIntervalMatchScipy() {
    // scipy.stats.ttest_ind(a, b, equal_var=False): t = -2.01045, p = 0.0846863, df = 6.9358,
    // confidence_interval() = (-8.168906, 0.668906).
    double[] a = {1, 2, 3, 4, 5, 6};
    double[] b = {2, 4, 6, 8, 10, 13.5};
    IndependentComparison comparison = IndependentSamples.means(a, b);
    assertThat(comparison.difference()).isCloseTo(-3.75, within(1e-12));
    assertThat(comparison.test().statistic()).isCloseTo(-2.010452, within(1e-6));
    assertThat(comparison.test().pValue()).isCloseTo(0.0846863, within(1e-7));
    assertThat(comparison.interval().low()).isCloseTo(-8.168906, within(1e-6));
    assertThat(comparison.interval().high()).isCloseTo(0.668906, within(1e-6));
  }

  @Test
  void degenerateSamplesSayWhatCanBeSaid() {
    assertThat(IndependentSamples.means(new double[] {1}, new double[] {0, 1}).test()).isEqualTo(HypothesisTest.none());
    IndependentComparison constant = IndependentSamples.means(new double[] {1, 1}, new double[] {0.5, 0.5});
    assertThat(constant.interval()).isEqualTo(Interval.point(0.5));
    assertThat(constant.test().pValue()).isZero();
    assertThat(IndependentSamples.proportions(0, 0, 1, 2).test()).isEqualTo(HypothesisTest.none());
  }
}
