package dev.ltb.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class McNemarTest {

  @ParameterizedTest(name = "b={0}, c={1} → {2}")
  @CsvSource({
    // Exact: 2 · P(X ≤ 2 | n = 12, p = ½) = 2 · 79/4096 (R binom.test(2, 12): p-value = 0.03857).
    "10, 2, mcnemar-exact, 0.0385742",
    "2, 10, mcnemar-exact, 0.0385742",
    // 2 · P(X ≤ 0 | n = 5) = 2/32.
    "5, 0, mcnemar-exact, 0.0625",
    "6, 6, mcnemar-exact, 1.0",
    // Agresti, An Introduction to Categorical Data Analysis (2007), Table 8.1, presidential approval
    // (794, 150, 86, 570); R mcnemar.test(matrix(c(794, 86, 150, 570), 2)): chi-squared = 16.818, p = 4.115e-05.
    "150, 86, mcnemar-chi-square-corrected, 4.1146e-05",
  })
  void matchesPublishedValues(long b, long c, String method, double p) {
    HypothesisTest test = McNemar.test(b, c);
    assertThat(test.method()).isEqualTo(method);
    assertThat(test.pValue()).isCloseTo(p, within(p * 1e-4));
  }

  @Test
  void chiSquareStatisticHasTheContinuityCorrection() {
    // (|150 - 86| - 1)² / 236 = 16.8178
    assertThat(McNemar.test(150, 86).statistic()).isCloseTo(16.81780, within(1e-5));
    // (|10 - 2| - 1)² / 12 = 4.0833, p = 0.0433 (chi-square, 1 df), were the rule not to choose the exact test
    assertThat(McNemar.test(10, 2).statistic()).isNull();
  }

  @Test
  void switchesToChiSquareAtTwentyFiveDiscordantPairs() {
    assertThat(McNemar.test(16, 8).method()).isEqualTo(McNemar.EXACT);
    HypothesisTest chiSquare = McNemar.test(17, 8);
    assertThat(chiSquare.method()).isEqualTo(McNemar.CHI_SQUARE);
    // (|17 - 8| - 1)² / 25 = 2.56 → p = 0.1096
    assertThat(chiSquare.statistic()).isCloseTo(2.56, within(1e-12));
    assertThat(chiSquare.pValue()).isCloseTo(0.10960, within(1e-5));
  }

  @Test
  void withoutDiscordantPairsThereIsNothingToTest() {
    assertThat(McNemar.test(0, 0)).isEqualTo(HypothesisTest.none());
  }
}
