package dev.ltb.analysis;

import static dev.ltb.analysis.Results.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class RankerTest {

  /** model-a: 90 % pass, 2000 ms, $0.01; model-b: 80 %, 500 ms, $0.001; model-c: 50 %, 1000 ms, cost unknown. */
  private static PairedSamples threeModels() {
    PairedSamples samples = PairedSamples.withinRun();
    for (int test = 0; test < 10; test++) {
      samples.accept(item("model-a", test).passed(test < 9).latency(2000).cost(0.01).build());
      samples.accept(item("model-b", test).passed(test < 8).latency(500).cost(0.001).build());
      samples.accept(item("model-c", test).passed(test < 5).latency(1000).build());
    }
    return samples;
  }

  @Test
  void ranksByWeightedNormalisedQualityLatencyAndCost() {
    Ranking ranking = Ranker.rank(threeModels(), AnalysisOptions.defaults());

    // Quality terms: a 1, b (0.8 - 0.5) / 0.4 = 0.75, c 0. Latency: a 0, b 1, c (2000 - 1000) / 1500.
    // Cost (a and b only): a 0, b 1. Scores: b 0.6·0.75 + 0.2 + 0.2 = 0.85; a 0.6; c (0.2 · 2/3) / 0.8 = 1/6.
    assertThat(ranking.models()).extracting(RankedModel::model).containsExactly("model-b", "model-a", "model-c");
    RankedModel b = ranking.models().get(0);
    assertThat(b).usingRecursiveComparison().ignoringFields("score", "qualityCiLow", "qualityCiHigh")
        .isEqualTo(
            new RankedModel(1, "model-b", "vendor:model-b", 0, 0.8, null, null, 500L, 0.001, 0.75, 1.0, 1.0, List.of()));
    // 8 of 10 passed: Wilson 95 % interval [0.4902, 0.9433]
    assertThat(b.qualityCiLow()).isCloseTo(0.4902, within(1e-4));
    assertThat(b.qualityCiHigh()).isCloseTo(0.9433, within(1e-4));
    assertThat(b.score()).isCloseTo(0.85, within(1e-12));
    assertThat(ranking.models().get(1).score()).isCloseTo(0.6, within(1e-12));
    RankedModel c = ranking.models().get(2);
    assertThat(c.score()).isCloseTo(1 / 6.0, within(1e-12));
    assertThat(c.costTerm()).isNull();
    assertThat(c.flags()).containsExactly("cost unknown: excluded from the cost term");
  }

  @Test
  void aScoreQualityComesWithItsBootstrapInterval() {
    PairedSamples samples = PairedSamples.withinRun();
    for (int test = 0; test < 10; test++) samples.accept(item("model-a", test).score(test / 10.0).build());

    RankedModel a = Ranker.rank(samples, AnalysisOptions.defaults().withQuality(QualityMeasure.SCORE)).models().getFirst();

    assertThat(a.quality()).isCloseTo(0.45, within(1e-12));
    assertThat(a.qualityCiLow()).isLessThan(0.45).isGreaterThan(0.2);
    assertThat(a.qualityCiHigh()).isGreaterThan(0.45).isLessThan(0.7);
  }

  @Test
  void weightsChangeTheOrder() {
    Ranking qualityOnly =
        Ranker.rank(threeModels(), AnalysisOptions.defaults().withWeights(new RankingWeights(1, 0, 0)));
    assertThat(qualityOnly.models()).extracting(RankedModel::model).containsExactly("model-a", "model-b", "model-c");
  }

  @Test
  void tiesAreBrokenByQualityThenCostThenLatencyThenSuiteOrder() {
    PairedSamples samples = PairedSamples.withinRun();
    for (int test = 0; test < 4; test++) {
      samples.accept(item("model-c", test).passed(test < 2).latency(100).cost(0.002).build());
      samples.accept(item("model-b", test).passed(test < 2).latency(100).cost(0.002).build());
      samples.accept(item("model-a", test).passed(test < 2).latency(100).cost(0.002).build());
    }
    Ranking ranking = Ranker.rank(samples, AnalysisOptions.defaults());
    assertThat(ranking.models()).extracting(RankedModel::model).containsExactly("model-a", "model-b", "model-c");
    assertThat(ranking.models()).extracting(RankedModel::rank).containsExactly(1, 2, 3);
    assertThat(ranking.models()).allSatisfy(model -> assertThat(model.score()).isEqualTo(1.0));
  }

  @Test
  void partialCostAndMissingLatencyAreFlagged() {
    PairedSamples samples = PairedSamples.withinRun();
    samples.accept(item("model-a", 0).cost(0.01).build());
    samples.accept(item("model-a", 1).build());
    samples.accept(item("model-b", 0).cached().build());
    Ranking ranking = Ranker.rank(samples, AnalysisOptions.defaults());
    assertThat(ranking.models().get(0).flags())
        .containsExactly("cost known for 1 of 2 items; cost per item is their mean");
    assertThat(ranking.models().get(1).flags()).containsExactly(
        "latency unknown (no uncached successful call): excluded from the latency term",
        "cost unknown: excluded from the cost term");
  }
}
