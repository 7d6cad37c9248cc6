package dev.ltb.analysis;

import static dev.ltb.analysis.Results.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class DescriptivesTest {

  private static PairedSamples samples() {
    PairedSamples samples = PairedSamples.withinRun();
    double[] scores = {0.2, 0.9, 0.4, 1, 0.75, 0.1, 0.6, 0.8, 0.55, 0.3};
    for (int test = 0; test < scores.length; test++) {
      samples.accept(item("model-a", test).score(scores[test]).passed(scores[test] >= 0.5)
          .metric("accuracy", scores[test] >= 0.5 ? 1 : 0).build());
      samples.accept(item("model-a", test).prompt("p1", "terse").score(1).build());
    }
    samples.accept(item("model-a", 10).error().build());
    return samples;
  }

  @Test
  void describesEachModelAndPromptWithBootstrapIntervals() {
    List<GroupStatistics> groups = Descriptives.of(samples(), AnalysisOptions.defaults());

    assertThat(groups).extracting(GroupStatistics::promptLabel).containsExactly("main", "terse");
    GroupStatistics main = groups.get(0);
    assertThat(main.items()).isEqualTo(11);
    assertThat(main.passRate().successes()).isEqualTo(6);
    assertThat(main.passRate().trials()).isEqualTo(11); // the error counts as not passed
    assertThat(main.score().n()).isEqualTo(10); // but has no score
    assertThat(main.score().mean()).isCloseTo(0.56, within(1e-12));
    assertThat(main.score().stdDev()).isCloseTo(0.305323, within(1e-6));
    assertThat(main.score().ciLow()).isBetween(0.35, 0.45);
    assertThat(main.score().ciHigh()).isBetween(0.67, 0.77);
    assertThat(main.metrics()).containsOnlyKeys("accuracy");
    assertThat(main.metrics().get("accuracy").mean()).isCloseTo(0.6, within(1e-12));

    GroupStatistics terse = groups.get(1);
    assertThat(terse.score()).isEqualTo(new BootstrapEstimate(10, 1, 0, 1, 1));
    assertThat(terse.metrics()).isEmpty();
  }

  @Test
  void theSameSeedGivesTheSameIntervalsAndAnotherSeedOthers() {
    AnalysisOptions options = AnalysisOptions.defaults();
    assertThat(Descriptives.of(samples(), options)).isEqualTo(Descriptives.of(samples(), options));
    AnalysisOptions reseeded = options.withBootstrap(2000, 99);
    assertThat(Descriptives.of(samples(), reseeded).get(0).score())
        .isNotEqualTo(Descriptives.of(samples(), options).get(0).score());
  }
}
