package dev.ltb.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ltb.engine.ItemError;
import dev.ltb.engine.ItemResult;
import dev.ltb.engine.ItemStatus;
import dev.ltb.provider.TokenUsage;
import dev.ltb.suite.Prompt;
import dev.ltb.suite.ProviderSpec;
import dev.ltb.suite.RunOptions;
import dev.ltb.suite.Suite;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AggregatorTest {

  private final Suite suite =
      new Suite("agg", List.of(new Prompt("p0", "main", "x")),
          List.of(new ProviderSpec("a", "model-a", null, null), new ProviderSpec("b", "model-b", null, null)),
          List.of(), RunOptions.defaults(), "test");

  private static ItemResult result(int provider, int test, ItemStatus status, double score, long latency, Double cost) {
    return result(provider, test, status, score, latency, cost, 0);
  }

  private static ItemResult result(
      int provider, int test, ItemStatus status, double score, long latency, Double cost, double judgeCost) {
    Instant start = Instant.parse("2026-11-28T10:00:00Z").plusSeconds(test);
    return new ItemResult("run", "t%06d-p0-m%d-r0".formatted(test, provider), test, "t" + test, Map.of(), Map.of(),
        "p0", "main", "x", provider, provider == 0 ? "a" : "b", provider == 0 ? "model-a" : "model-b", 0, status,
        score, "", "out", List.of(), status == ItemStatus.ERROR ? Map.of() : Map.of("accuracy", score),
        status == ItemStatus.ERROR ? null : new TokenUsage(100, 20), null, cost, judgeCost, latency, null, "stop", false, 1,
        status == ItemStatus.ERROR ? new ItemError("rate-limited", "429") : null, start);
  }

  @Test
  void summarizesEachProviderAndPromptWithIntervals() {
    Aggregator aggregator = new Aggregator("run", suite, Map.of("contains", "1"));
    for (int test = 0; test < 10; test++) {
      aggregator.accept(result(0, test, test < 8 ? ItemStatus.PASS : ItemStatus.FAIL, test < 8 ? 1 : 0, 100 + test, 0.01));
      aggregator.accept(test == 9
          ? result(1, test, ItemStatus.ERROR, 0, 0, null)
          : result(1, test, test < 4 ? ItemStatus.PASS : ItemStatus.FAIL, test < 4 ? 1 : 0.5, 200, null));
    }
    RunSummary summary = aggregator.summarize(null, null);

    assertThat(summary.totals().items()).isEqualTo(20);
    assertThat(summary.totals().passed()).isEqualTo(12);
    assertThat(summary.totals().errors()).isEqualTo(1);
    assertThat(summary.totals().costUsd()).isCloseTo(0.10, within(1e-9));
    assertThat(summary.totals().costUnknownItems()).isEqualTo(9);
    assertThat(summary.totals().durationMs()).isEqualTo(9_109);
    assertThat(summary.evaluators()).containsEntry("contains", "1");

    GroupSummary a = summary.groups().get(0);
    assertThat(a.providerLabel()).isEqualTo("model-a");
    assertThat(a.passRate().rate()).isEqualTo(0.8);
    assertThat(a.passRate().ciLow()).isCloseTo(0.4902, within(1e-4));
    assertThat(a.score().mean()).isCloseTo(0.8, within(1e-12));
    assertThat(a.metrics().get("accuracy").mean()).isCloseTo(0.8, within(1e-12));
    assertThat(a.latencyMs().p50()).isEqualTo(104);
    assertThat(a.latencyMs().max()).isEqualTo(109);
    assertThat(a.tokens()).isEqualTo(new TokenUsage(1000, 200));

    GroupSummary b = summary.groups().get(1);
    assertThat(b.items()).isEqualTo(10);
    assertThat(b.errors()).isEqualTo(1);
    assertThat(b.errorsByKind()).isEqualTo(Map.of("rate-limited", 1L));
    assertThat(b.passRate().rate()).isEqualTo(0.4);
    assertThat(b.score().n()).isEqualTo(9);
    assertThat(b.costUnknownItems()).isEqualTo(9);
  }

  @Test
  void judgeCostIsAddedUpApartFromTheProvidersCost() {
    Aggregator aggregator = new Aggregator("run", suite, Map.of());
    aggregator.accept(result(0, 0, ItemStatus.PASS, 1, 100, 0.01, 0.002));
    aggregator.accept(result(0, 1, ItemStatus.FAIL, 0, 100, 0.01, 0.003));
    aggregator.accept(result(1, 0, ItemStatus.PASS, 1, 100, null, 0.004));
    RunSummary summary = aggregator.summarize(null, null);

    assertThat(summary.groups().get(0).costUsd()).isCloseTo(0.02, within(1e-12));
    assertThat(summary.groups().get(0).judgeCostUsd()).isCloseTo(0.005, within(1e-12));
    assertThat(summary.groups().get(0).totalCostUsd()).isCloseTo(0.025, within(1e-12));
    assertThat(summary.groups().get(1).judgeCostUsd()).isCloseTo(0.004, within(1e-12));
    assertThat(summary.totals().costUsd()).isCloseTo(0.02, within(1e-12));
    assertThat(summary.totals().judgeCostUsd()).isCloseTo(0.009, within(1e-12));
    assertThat(summary.totals().totalCostUsd()).isCloseTo(0.029, within(1e-12));
    assertThat(summary.totals().costUnknownItems()).isEqualTo(1);
  }

  @Test
  void groupsWithoutResultsStillAppearWithZeroes() {
    RunSummary summary = new Aggregator("run", suite, Map.of()).summarize(null, null);
    assertThat(summary.groups()).hasSize(2).allSatisfy(group -> assertThat(group.items()).isZero());
    assertThat(summary.totals().passRate()).isZero();
  }
}
