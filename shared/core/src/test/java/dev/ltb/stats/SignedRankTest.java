package dev.ltb.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SignedRankTest {

  @Test
  void exactPValueMatchesScipyDocumentation() {
    // scipy.stats.wilcoxon documentation example (differences in height of cross- and self-fertilised corn,
    // Fisher's data): wilcoxon(d) → statistic=24.0, pvalue=0.041259765625 (exact, two-sided).
    double[] d = {6, 8, 14, 16, 23, 24, 28, 29, 41, -48, 49, 56, 60, -67, 75};
    SignedRankResult result = SignedRank.test(d);
    assertThat(result.test().method()).isEqualTo(SignedRank.EXACT);
    assertThat(result.test().statistic()).isEqualTo(24.0);
    assertThat(result.test().pValue()).isCloseTo(0.041259765625, within(1e-12));
    assertThat(result.positiveRankSum()).isEqualTo(96);
    assertThat(result.negativeRankSum()).isEqualTo(24);
    // Kerby's simple difference: (96 - 24) / 120
    assertThat(result.rankBiserial()).isCloseTo(0.6, within(1e-12));
  }

  @Test
  void exactPValueMatchesHollanderAndWolfe() {
    // Hollander & Wolfe (1973), p. 29, Hamilton depression scale before (x) and after (y) tranquilizer, the
    // example of R's wilcox.test: V = 40; one-sided p = 0.01953, so two-sided 0.0390625.
    double[] x = {1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30};
    double[] y = {0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29};
    double[] d = new double[x.length];
    for (int i = 0; i < d.length; i++) d[i] = x[i] - y[i];
    SignedRankResult result = SignedRank.test(d);
    assertThat(result.positiveRankSum()).isEqualTo(40);
    assertThat(result.test().pValue()).isCloseTo(0.0390625, within(1e-12));
    assertThat(result.direction()).isPositive();
  }

  @Test
  void tiesUseTheTieCorrectedNormalApproximationAndZerosAreDropped() {
    // Cross-checked with scipy 1.17: wilcoxon(d, method="approx", correction=True) → statistic 10, p = 0.018741
    // (zero_method="wilcox" drops the two zeros; scipy applies the same tie correction to the variance).
    double[] d = {1, 1, 1, 1, 1, 1, -1, 0.5, 0.5, 1, 1, 0, 0, -0.5};
    SignedRankResult result = SignedRank.test(d);
    assertThat(result.pairs()).isEqualTo(12);
    assertThat(result.zeroDifferences()).isEqualTo(2);
    assertThat(result.test().method()).isEqualTo(SignedRank.NORMAL_TIE_CORRECTED);
    assertThat(result.test().statistic()).isEqualTo(10.0);
    assertThat(result.test().pValue()).isCloseTo(0.018741136789596664, within(1e-9));
  }

  @Test
  void largeSamplesWithoutTiesUseHipparchusNormalApproximation() {
    double[] d = new double[30];
    for (int i = 0; i < d.length; i++) d[i] = (i % 3 == 0 ? -1 : 1) * (i + 1);
    SignedRankResult result = SignedRank.test(d);
    assertThat(result.test().method()).isEqualTo(SignedRank.NORMAL);
    // W- = 1+4+...+28 = 145, W+ = 465 - 145 = 320; mean 232.5, variance 30·31·61/24 = 2363.75;
    // z = (320 - 232.5 - 0.5) / 48.6184 = 1.78945 → p = 0.073544
    assertThat(result.negativeRankSum()).isEqualTo(145);
    assertThat(result.test().pValue()).isCloseTo(0.073544, within(1e-5));
  }

  @Test
  void allZeroDifferencesGiveNoTest() {
    SignedRankResult result = SignedRank.test(new double[] {0, 0, 0});
    assertThat(result).isEqualTo(new SignedRankResult(0, 3, 0, 0, HypothesisTest.none()));
    assertThat(result.rankBiserial()).isZero();
  }

  @Test
  void nonFiniteDifferencesAreRejected() {
    assertThatThrownBy(() -> SignedRank.test(new double[] {1, Double.NaN}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("finite");
  }
}
