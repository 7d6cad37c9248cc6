package dev.ltb.analysis;

import static dev.ltb.analysis.Results.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CategoryRouterTest {

  /**
   * Tests 0–9 are "math", 10–19 "code". model-a: math 9/10, code 5/10, $0.01; model-b: math 6/10, code 9/10,
   * $0.002; model-c: math 9/10, code 2/10, $0.001.
   */
  private static PairedSamples samples() {
    PairedSamples samples = PairedSamples.withinRun();
    for (int test = 0; test < 20; test++) {
      boolean math = test < 10;
      int i = test % 10;
      String category = math ? "math" : "code";
      samples.accept(item("model-a", test).category(category).passed(math ? i < 9 : i < 5).cost(0.01).build());
      samples.accept(item("model-b", test).category(category).passed(math ? i < 6 : i < 9).cost(0.002).build());
      samples.accept(item("model-c", test).category(category).passed(math ? i < 9 : i < 2).cost(0.001).build());
    }
    return samples;
  }

  @Test
  void routesEachCategoryToItsBestModelThenTheCheapest() {
    RoutingRecommendation routing = CategoryRouter.recommend(samples(), AnalysisOptions.defaults());

    assertThat(routing.routes()).extracting(CategoryRoute::category, CategoryRoute::model)
        .containsExactly(
            tuple("code", "model-b"),
            // model-a and model-c both pass 9/10 math tests; model-c is cheaper
            tuple("math", "model-c"));
    CategoryRoute math = routing.routes().get(1);
    assertThat(math.cases()).isEqualTo(10);
    assertThat(math.share()).isEqualTo(0.5);
    assertThat(math.candidates()).extracting(CategoryCandidate::model).containsExactly("model-c", "model-a", "model-b");
    assertThat(math.candidates().get(0).passRate().ciLow()).isCloseTo(0.5958, within(1e-4)); // Wilson 9/10

    // Single best overall: model-b with 15/20. Blends weight each category by its share (½ each).
    assertThat(routing.singleBestModel()).isEqualTo("model-b");
    assertThat(routing.singleBestQuality()).isCloseTo(0.75, within(1e-12));
    assertThat(routing.singleBestCostPerItemUsd()).isCloseTo(0.002, within(1e-12));
    assertThat(routing.routedQuality()).isCloseTo(0.9, within(1e-12));
    assertThat(routing.routedCostPerItemUsd()).isCloseTo(0.0015, within(1e-12));
    assertThat(routing.summary()).isEqualTo(
        "routing by category: pass-rate 90.0% at $0.0015 per item, against 75.0% at $0.0020 per item "
            + "with model-b alone");
  }

  @Test
  void theCategoryKeyIsConfigurableAndMissingValuesFormTheirOwnGroup() {
    PairedSamples samples = PairedSamples.withinRun();
    samples.accept(item("model-a", 0).metadata(Map.of("domain", "legal")).build());
    samples.accept(item("model-a", 1).metadata(Map.of("category", "ignored")).build());
    RoutingRecommendation routing =
        CategoryRouter.recommend(samples, AnalysisOptions.defaults().withCategoryKey("domain"));
    assertThat(routing.categoryKey()).isEqualTo("domain");
    assertThat(routing.routes()).extracting(CategoryRoute::category).containsExactly("(uncategorized)", "legal");
    assertThat(routing.routedCostPerItemUsd()).isNull();
    assertThat(routing.summary())
        .isEqualTo("routing by category picks model-a everywhere: the same as using model-a alone");
  }
}
