package dev.ltb.analysis;

import static dev.ltb.analysis.Results.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class CostOptimizerTest {

  private static final TrafficProfile TRAFFIC = new TrafficProfile(1_000_000, 1000, 200);
  private final AnalysisOptions options = AnalysisOptions.defaults();

  /**
   * 60 tests. model-a (best) passes 54, priced $10/$30 per million tokens; model-b passes {@code cheapPasses} of
   * model-a's passes and nothing else, priced $0.5/$1.5; model-c passes 52 and has no known cost.
   */
  private static PairedSamples samples(int cheapPasses) {
    PairedSamples samples = PairedSamples.withinRun();
    for (int test = 0; test < 60; test++) {
      long input = 500 + 37L * test, output = 80 + 11L * (test % 7);
      samples.accept(item("model-a", test).passed(test < 54).tokens(input, output)
          .cost(input * 10e-6 + output * 30e-6).build());
      samples.accept(item("model-b", test).passed(test < cheapPasses).tokens(input, output)
          .cost(input * 0.5e-6 + output * 1.5e-6).build());
      samples.accept(item("model-c", test).passed(test < 52).tokens(input, output).build());
    }
    return samples;
  }

  @Test
  void recommendsTheCheapModelWhenItTiesTheBest() {
    // model-b fails 3 of model-a's passes: b = 3, c = 0, exact p = 0.25 → not significantly worse.
    CostRecommendation recommendation = CostOptimizer.recommend(samples(51), compare(samples(51)), TRAFFIC, options);

    assertThat(recommendation.bestModel()).isEqualTo("model-a");
    assertThat(recommendation.recommendedModel()).isEqualTo("model-b");
    // 1e6 · (1000 · 0.5e-6 + 200 · 1.5e-6) = $800; model-a: 1e6 · (1000 · 10e-6 + 200 · 30e-6) = $16,000
    assertThat(recommendation.recommendedMonthlyCostUsd()).isCloseTo(800, within(1e-6));
    assertThat(recommendation.bestMonthlyCostUsd()).isCloseTo(16_000, within(1e-4));
    assertThat(recommendation.monthlySavingsUsd()).isCloseTo(15_200, within(1e-4));
    assertThat(recommendation.summary()).isEqualTo(
        "model-b is not significantly worse than model-a (pass-rate 85.0% vs 90.0%, difference 95 % CI -10.0 pt "
            + "to +0.0 pt) and costs $800.00/month instead of $16,000.00 for model-a for 1000000 requests/month");
    assertThat(recommendation.models()).extracting(CostProjection::model)
        .containsExactly("model-b", "model-a", "model-c");
    CostProjection b = recommendation.models().get(0);
    assertThat(b.versusBest()).isEqualTo(Verdict.NO_SIGNIFICANT_DIFFERENCE);
    // 3 of 60 cases lost, none gained: -5 points; no resample can gain, so the percentile interval ends at 0.
    assertThat(b.differenceVsBest()).isCloseTo(-0.05, within(1e-12));
    assertThat(b.differenceCiLow()).isCloseTo(-0.1, within(1e-12));
    assertThat(b.differenceCiHigh()).isEqualTo(0.0);
    assertThat(b.pricing().method()).isEqualTo(TokenPricing.FITTED);
    assertThat(b.note()).isEqualTo("input and output prices fitted from 60 items");
    CostProjection c = recommendation.models().get(2);
    assertThat(c.eligible()).isFalse();
    assertThat(c.monthlyCostUsd()).isNull();
    assertThat(c.note()).isEqualTo("cost unknown: no item reported a cost");
  }

  @Test
  void keepsTheBestWhenTheCheapModelIsSignificantlyWorse() {
    // model-b fails 24 of model-a's passes: b = 24, c = 0 → exact p = 1.2e-7, significantly worse.
    CostRecommendation recommendation = CostOptimizer.recommend(samples(30), compare(samples(30)), TRAFFIC, options);

    assertThat(recommendation.recommendedModel()).isEqualTo("model-a");
    assertThat(recommendation.monthlySavingsUsd()).isCloseTo(0, within(1e-9));
    assertThat(recommendation.summary()).isEqualTo(
        "model-a has the best pass-rate and is also the cheapest model not significantly worse: $16,000.00/month "
            + "for 1000000 requests/month");
    CostProjection b =
        recommendation.models().stream().filter(p -> p.model().equals("model-b")).findFirst().orElseThrow();
    assertThat(b.eligible()).isFalse();
    assertThat(b.versusBest()).isEqualTo(Verdict.WORSE);
    assertThat(b.note()).startsWith("significantly worse than model-a: model-a is better than model-b on pass rate");
  }

  @Test
  void saysSoWhenNoEligibleModelHasAKnownCost() {
    PairedSamples samples = PairedSamples.withinRun();
    for (int test = 0; test < 5; test++) {
      samples.accept(item("model-a", test).build());
      samples.accept(item("model-b", test).build());
    }
    CostRecommendation recommendation = CostOptimizer.recommend(samples, compare(samples), TRAFFIC, options);
    assertThat(recommendation.recommendedModel()).isNull();
    assertThat(recommendation.summary())
        .isEqualTo("no recommendation: cost is unknown for every model that is not significantly worse than model-a");
  }

  private List<ModelComparison> compare(PairedSamples samples) {
    return ModelComparator.compareAll(samples, options);
  }
}
