package dev.ltb.analysis;

import static dev.ltb.analysis.Results.item;
import static dev.ltb.analysis.Results.outcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelComparatorTest {

  private final AnalysisOptions options = AnalysisOptions.defaults();

  /**
   * 40 tests. model-a passes 0–29; model-b passes 0–15, 30, 31 (b = 14, c = 2 against a); model-c is model-a with
   * test 0 failed and test 30 passed (one discordant pair each way).
   */
  private static PairedSamples threeModels() {
    PairedSamples samples = PairedSamples.withinRun();
    for (int test = 0; test < 40; test++) {
      samples.accept(outcome("model-a", test, test < 30));
      samples.accept(outcome("model-b", test, test < 16 || test == 30 || test == 31));
      samples.accept(outcome("model-c", test, test > 0 && test <= 30));
    }
    return samples;
  }

  @Test
  void passRatesAreComparedWithMcNemarAndHolm() {
    List<ModelComparison> comparisons = ModelComparator.compareAll(threeModels(), options);

    assertThat(comparisons).extracting(ModelComparison::modelA, ModelComparison::modelB, ModelComparison::verdict)
        .containsExactly(
            tuple("model-a", "model-b", Verdict.BETTER),
            tuple("model-a", "model-c", Verdict.NO_SIGNIFICANT_DIFFERENCE),
            tuple("model-b", "model-c", Verdict.WORSE));

    // Exact McNemar, b = 14, c = 2: 2 · P(X ≤ 2 | 16, ½) = 2 · 137 / 65536 = 0.0041809. Holm over the three pass
    // comparisons (0.00418, 1, 0.00418): 3 · 0.00418 = 0.01254 for the two significant ones, 1 for the other.
    PassRateComparison aVersusB = comparisons.get(0).passRate();
    assertThat(aVersusB).usingRecursiveComparison().ignoringFields("ciLow", "ciHigh", "pValue", "adjustedPValue")
        .isEqualTo(new PassRateComparison(40, 16, 14, 2, 8, 0.75, 0.45, 0.3, 0, 0, 7.0, "mcnemar-exact", null, 0, 0,
            Verdict.BETTER));
    assertThat(aVersusB.pValue()).isCloseTo(274 / 65536.0, within(1e-12));
    assertThat(aVersusB.adjustedPValue()).isCloseTo(3 * 274 / 65536.0, within(1e-12));
    assertThat(aVersusB.ciLow()).isGreaterThan(0).isLessThan(0.3);
    assertThat(aVersusB.ciHigh()).isGreaterThan(0.3).isLessThan(0.6);
    assertThat(comparisons.get(1).passRate().adjustedPValue()).isEqualTo(1.0);
    assertThat(comparisons.get(2).passRate().adjustedPValue()).isCloseTo(3 * 274 / 65536.0, within(1e-12));

    assertThat(comparisons.get(0).summary()).isEqualTo(
        "model-a is better than model-b on pass rate: 75.0% vs 45.0% over 40 paired cases "
            + "(mcnemar-exact p = 0.0042, Holm-adjusted p = 0.0125 < 0.05)");
    assertThat(comparisons.get(1).summary()).isEqualTo(
        "no significant difference between model-a and model-c on pass rate: 75.0% vs 75.0% over 40 paired cases "
            + "(mcnemar-exact p = 1.0000, Holm-adjusted p = 1.0000 ≥ 0.05)");
    assertThat(comparisons.get(2).verdictFor("model-c")).isEqualTo(Verdict.BETTER);
  }

  @Test
  void scoresAreComparedWithWilcoxonAndEffectSizes() {
    ScoreComparison aVersusB = ModelComparator.compareAll(threeModels(), options).get(0).score();
    // 14 differences of +1, 2 of -1, 24 zeros: all 16 ranks tie → tie-corrected normal approximation.
    assertThat(aVersusB.pairs()).isEqualTo(40);
    assertThat(aVersusB.zeroDifferences()).isEqualTo(24);
    assertThat(aVersusB.test()).isEqualTo("wilcoxon-normal-tie-corrected");
    assertThat(aVersusB.meanDifference()).isCloseTo(0.3, within(1e-12));
    assertThat(aVersusB.rankBiserial()).isCloseTo(0.75, within(1e-12)); // (14 - 2) / 16
    // d_z = 0.3 / sqrt((16 - 40 · 0.09) / 39) = 0.53204
    assertThat(aVersusB.cohensDz()).isCloseTo(0.53204, within(1e-5));
    assertThat(aVersusB.verdict()).isEqualTo(Verdict.BETTER);
  }

  @Test
  void theVerdictCanFollowTheScore() {
    PairedSamples samples = PairedSamples.withinRun();
    for (int test = 0; test < 12; test++) {
      // Both pass everything, but model-a's graded scores are higher on every test by a different amount.
      samples.accept(item("model-a", test).score(0.9).build());
      samples.accept(item("model-b", test).score(0.85 - test * 0.01).build());
    }
    ModelComparison byPass = ModelComparator.compareAll(samples, options).get(0);
    assertThat(byPass.verdict()).isEqualTo(Verdict.NO_SIGNIFICANT_DIFFERENCE);
    assertThat(byPass.summary()).endsWith("over 12 paired cases (no discordant pairs)");

    ModelComparison byScore = ModelComparator.compareAll(samples, options.withQuality(QualityMeasure.SCORE)).get(0);
    // Exact: all 12 differences positive → 2 / 2^12 = 0.000488
    assertThat(byScore.score().pValue()).isCloseTo(2 / 4096.0, within(1e-12));
    assertThat(byScore.score().rankBiserial()).isEqualTo(1.0);
    assertThat(byScore.verdict()).isEqualTo(Verdict.BETTER);
    assertThat(byScore.summary()).isEqualTo(
        "model-a is better than model-b on score: mean 0.900 vs 0.795 over 12 paired cases "
            + "(wilcoxon-exact p = 0.0005, Holm-adjusted p = 0.0005 < 0.05)");
  }

  @Test
  void errorsCountAsFailuresButHaveNoScore() {
    PairedSamples samples = PairedSamples.withinRun();
    samples.accept(outcome("model-a", 0, true));
    samples.accept(item("model-b", 0).error().build());
    samples.accept(outcome("model-a", 1, true));
    samples.accept(outcome("model-b", 1, true));
    ModelComparison comparison = ModelComparator.compareAll(samples, options).get(0);
    assertThat(comparison.passRate().onlyAPassed()).isEqualTo(1);
    assertThat(comparison.score().pairs()).isEqualTo(1);
  }

  @Test
  void modelsWithoutCommonCasesAreNotCompared() {
    PairedSamples samples = PairedSamples.withinRun();
    samples.accept(outcome("model-a", 0, true));
    samples.accept(outcome("model-b", 1, false));
    ModelComparison comparison = ModelComparator.compareAll(samples, options).get(0);
    assertThat(comparison).isEqualTo(new ModelComparison("model-a", "model-b", 0, null, null, QualityMeasure.PASS_RATE,
        Verdict.NO_SIGNIFICANT_DIFFERENCE, "model-a and model-b share no cases: nothing to compare"));
  }
}
