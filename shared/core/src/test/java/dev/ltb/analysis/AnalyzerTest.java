package dev.ltb.analysis;

import static dev.ltb.analysis.Results.item;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.engine.ItemResult;
import dev.ltb.json.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AnalyzerTest {

  private static final TrafficProfile TRAFFIC = new TrafficProfile(100_000, 600, 150);

  /** model-a: 27/30, $3/$15 per million tokens, ~1.2 s; model-b: 12/30, $0.15/$0.60, ~0.4 s. */
  private static List<ItemResult> results() {
    List<ItemResult> results = new ArrayList<>();
    for (int test = 0; test < 30; test++) {
      String category = test % 2 == 0 ? "math" : "prose";
      results.add(item("model-a", test).category(category).passed(test < 27).score(test < 27 ? 0.9 : 0.2)
          .tokens(600 + test, 150).cost((600 + test) * 3e-6 + 150 * 15e-6).latency(1200 + test).build());
      results.add(item("model-b", test).category(category).passed(test < 12).score(test < 12 ? 0.8 : 0.1)
          .tokens(600 + test, 140 + test % 5).cost((600 + test) * 0.15e-6 + (140 + test % 5) * 0.6e-6)
          .latency(400 + test).build());
    }
    return results;
  }

  private static PairedSamples collect(List<ItemResult> results) {
    PairedSamples samples = PairedSamples.withinRun();
    results.forEach(samples);
    return samples;
  }

  private static PairedSamples samples() {
    return collect(results());
  }

  @Test
  void analysesEverythingAndSerializesToJson() throws Exception {
    Analysis analysis = Analyzer.analyze(samples(), AnalysisOptions.defaults(), TRAFFIC);

    assertThat(analysis.runId()).isEqualTo("run-1");
    assertThat(analysis.groups()).hasSize(2);
    assertThat(analysis.comparisons()).singleElement()
        .satisfies(comparison -> assertThat(comparison.verdict()).isEqualTo(Verdict.BETTER));
    assertThat(analysis.ranking().models()).hasSize(2);
    assertThat(analysis.cost().recommendedModel()).isEqualTo("model-a");
    assertThat(analysis.routing().singleBestModel()).isEqualTo("model-a");

    JsonNode json = Json.mapper().readTree(Json.write(analysis));
    assertThat(json.at("/comparisons/0/verdict").asText()).isEqualTo("better");
    assertThat(json.at("/comparisons/0/decidedBy").asText()).isEqualTo("pass-rate");
    assertThat(json.at("/comparisons/0/passRate/adjustedPValue").isNumber()).isTrue();
    assertThat(json.at("/options/bootstrapResamples").asInt()).isEqualTo(2000);
    assertThat(json.at("/cost/traffic/requestsPerMonth").asLong()).isEqualTo(100_000);
    assertThat(Json.mapper().readValue(Json.write(analysis), Analysis.class)).isEqualTo(analysis);
  }

  @Test
  void theSameResultsInAnyOrderGiveTheSameAnalysis() {
    List<ItemResult> results = results();
    String inOrder = Json.write(Analyzer.analyze(collect(results), AnalysisOptions.defaults(), TRAFFIC));
    Collections.shuffle(results, new Random(3));
    assertThat(Json.write(Analyzer.analyze(collect(results), AnalysisOptions.defaults(), TRAFFIC))).isEqualTo(inOrder);
  }

  @Test
  void noResultsGiveAnEmptyAnalysis() {
    Analysis analysis = Analyzer.analyze(PairedSamples.withinRun(), AnalysisOptions.defaults(), null);
    assertThat(analysis.groups()).isEmpty();
    assertThat(analysis.comparisons()).isEmpty();
    assertThat(analysis.ranking().models()).isEmpty();
    assertThat(analysis.cost()).isNull();
    assertThat(analysis.routing().summary()).isEqualTo("no results to analyse");
  }
}
