package dev.ltb.analysis;

import static dev.ltb.analysis.Results.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PairedSamplesTest {

  @Test
  void keepsOneSamplePerModelAndCaseInSuiteOrder() {
    PairedSamples samples = PairedSamples.withinRun();
    samples.accept(item("model-b", 1).passed(false).build());
    samples.accept(item("model-a", 1).cost(0.002).latency(900).build());
    samples.accept(item("model-a", 1).passed(false).build()); // redelivered: ignored
    samples.accept(item("model-a", 1).repeat(1).error().build());
    samples.accept(item("model-a", 1).prompt("p1", "short").cached().build());

    assertThat(samples.runId()).isEqualTo("run-1");
    assertThat(samples.models()).containsExactly("model-a", "model-b");
    assertThat(samples.size()).isEqualTo(4);
    ModelSamples a = samples.model("model-a");
    assertThat(a.samples).containsExactly(
        Map.entry(new CaseKey("000001", "p0", 0), new Sample(true, 1, false, 0.002, 900, 100, 50)),
        Map.entry(new CaseKey("000001", "p0", 1), new Sample(false, Double.NaN, false, Double.NaN, -1, 0, 0)),
        Map.entry(new CaseKey("000001", "p1", 0), new Sample(true, 1, true, Double.NaN, -1, 100, 50)));
    assertThat(samples.promptLabel("p1")).isEqualTo("short");
  }

  @Test
  void acrossRunsCasesAreKnownByDescriptionAndVarsWhateverTheirIndex() {
    Map<String, Object> ordered = new LinkedHashMap<>();
    ordered.put("city", "Paris");
    ordered.put("country", Map.of("name", "France", "code", "FR"));
    Map<String, Object> reordered = new LinkedHashMap<>();
    reordered.put("country", Map.of("code", "FR", "name", "France"));
    reordered.put("city", "Paris");

    PairedSamples before = PairedSamples.acrossRuns();
    before.accept(item("model-a", 3).description("capital").vars(ordered).build());
    PairedSamples after = PairedSamples.acrossRuns();
    after.accept(item("model-a", 7).description("capital").vars(reordered).run("run-2").build());

    assertThat(after.model("model-a").samples.firstKey()).isEqualTo(before.model("model-a").samples.firstKey());
    assertThat(before.model("model-a").samples.firstKey().prompt()).isEqualTo("main");
    assertThat(PairedSamples.contentHash("capital", ordered)).hasSize(16);
  }

  @Test
  void duplicateTestsAcrossRunsAreNumberedInArrivalOrder() {
    PairedSamples samples = PairedSamples.acrossRuns();
    samples.accept(item("model-a", 0).description("same").vars(Map.of()).build());
    samples.accept(item("model-a", 1).description("same").vars(Map.of()).passed(false).build());
    samples.accept(item("model-a", 1).description("same").vars(Map.of()).repeat(1).build());

    String hash = PairedSamples.contentHash("same", Map.of());
    assertThat(samples.model("model-a").samples.keySet()).containsExactly(
        new CaseKey(hash, "main", 0), new CaseKey(hash + "#1", "main", 0), new CaseKey(hash + "#1", "main", 1));
  }

  @Test
  void pricesAreLearnedFromItemsWithKnownCost() {
    PairedSamples samples = PairedSamples.withinRun();
    // $1 per million input tokens, $4 per million output tokens, with varied token mixes.
    long[][] tokens = {{1000, 100}, {200, 400}, {3000, 50}, {500, 500}};
    for (int test = 0; test < tokens.length; test++) {
      double cost = tokens[test][0] * 1e-6 + tokens[test][1] * 4e-6;
      samples.accept(item("model-a", test).tokens(tokens[test][0], tokens[test][1]).cost(cost).build());
    }
    samples.accept(item("model-a", 9).cost(null).build()); // unknown cost: not part of the fit

    TokenPricing pricing = samples.model("model-a").pricing();
    assertThat(pricing.method()).isEqualTo(TokenPricing.FITTED);
    assertThat(pricing.inputUsdPerToken()).isCloseTo(1e-6, within(1e-15));
    assertThat(pricing.outputUsdPerToken()).isCloseTo(4e-6, within(1e-15));
    assertThat(pricing.items()).isEqualTo(4);
  }

  @Test
  void aSingleTokenMixGivesABlendedPrice() {
    PairedSamples samples = PairedSamples.withinRun();
    for (int test = 0; test < 3; test++)
      samples.accept(item("model-a", test).tokens(100 * (test + 1), 50 * (test + 1)).cost(0.0003 * (test + 1)).build());
    TokenPricing pricing = samples.model("model-a").pricing();
    assertThat(pricing.method()).isEqualTo(TokenPricing.BLENDED);
    assertThat(pricing.inputUsdPerToken()).isCloseTo(2e-6, within(1e-15));
    assertThat(pricing.monthlyCostUsd(new TrafficProfile(1000, 100, 50))).isCloseTo(0.3, within(1e-12));
  }
}
