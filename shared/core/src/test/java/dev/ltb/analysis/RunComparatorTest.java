package dev.ltb.analysis;

import static dev.ltb.analysis.Results.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RunComparatorTest {

  private final AnalysisOptions options = AnalysisOptions.defaults();

  /**
   * 30 cases. Before: model-a passes cases 0–27. After (tests reordered, one new test added): model-a passes 0–14
   * and 28, so 15–27 newly fail, 28 newly passes, 29 still fails. model-b passes the same 20 cases in both runs.
   */
  private static PairedSamples[] regressedRuns() {
    PairedSamples before = PairedSamples.acrossRuns(), after = PairedSamples.acrossRuns();
    for (int c = 0; c < 30; c++) {
      before.accept(item("model-a", c).description("case " + c).vars(Map.of("n", c)).passed(c < 28)
          .metric("accuracy", c < 28 ? 1 : 0).run("run-1").build());
      before.accept(
          item("model-b", c).description("case " + c).vars(Map.of("n", c)).passed(c < 20).run("run-1").build());
      int shiftedIndex = 29 - c;
      boolean passesNow = c < 15 || c == 28;
      after.accept(item("model-a", shiftedIndex).description("case " + c).vars(Map.of("n", c)).passed(passesNow)
          .metric("accuracy", passesNow ? 1 : 0).run("run-2").build());
      after.accept(item("model-b", shiftedIndex).description("case " + c).vars(Map.of("n", c)).passed(c < 20)
          .run("run-2").build());
    }
    after.accept(item("model-a", 30).description("new case").run("run-2").build());
    return new PairedSamples[] {before, after};
  }

  @Test
  void listsNewlyFailingNewlyPassingAndStillFailingCases() {
    PairedSamples[] runs = regressedRuns();
    RunComparison comparison = RunComparator.compare(runs[0], runs[1], options);

    assertThat(comparison.runBefore()).isEqualTo("run-1");
    assertThat(comparison.runAfter()).isEqualTo("run-2");
    ProviderDelta a = comparison.models().get(0);
    assertThat(a.model()).isEqualTo("model-a");
    assertThat(a.newlyFailing()).extracting(CaseRef::description)
        .containsExactlyInAnyOrderElementsOf(
            IntStream.rangeClosed(15, 27).mapToObj(c -> "case " + c).toList());
    assertThat(a.newlyPassing()).containsExactly(
        new CaseRef("case 28", "main", PairedSamples.contentHash("case 28", Map.of("n", 28))));
    assertThat(a.stillFailing()).extracting(CaseRef::description).containsExactly("case 29");
    ProviderDelta b = comparison.models().get(1);
    assertThat(b.newlyFailing()).isEmpty();
    assertThat(b.stillFailing()).hasSize(10);
  }

  @Test
  void matchedCasesArePairedAndASignificantDropIsARegression() {
    PairedSamples[] runs = regressedRuns();
    RunComparison comparison = RunComparator.compare(runs[0], runs[1], options);
    ProviderDelta a = comparison.models().get(0);

    assertThat(a.paired()).isTrue();
    assertThat(a.matchedItems()).isEqualTo(30);
    assertThat(a.itemsAfter()).isEqualTo(31);
    // 13 cases lost, 1 gained: exact McNemar 2 · P(X ≤ 1 | 14, ½) = 2 · 15 / 16384. Only model-a's pass test
    // ran (model-b has no discordant pair), so Holm leaves it as is.
    Delta passRate = a.passRate();
    assertThat(passRate).usingRecursiveComparison().ignoringFields("ciLow", "ciHigh")
        .isEqualTo(new Delta(true, 30, 30, 30, 28 / 30.0, 16 / 30.0, 16 / 30.0 - 28 / 30.0, null, null,
            "paired-bootstrap", "mcnemar-exact", null, 30 / 16384.0, 30 / 16384.0, Verdict.WORSE));
    assertThat(passRate.ciHigh()).isLessThan(0);
    // Scores (1/0): 13 differences of -1, one of +1 → tie-corrected Wilcoxon, p = 0.0015165 (scipy, approx,
    // correction=True).
    assertThat(a.score().test()).isEqualTo("wilcoxon-normal-tie-corrected");
    assertThat(a.score().pValue()).isCloseTo(0.0015165383, within(1e-9));
    assertThat(a.score().verdict()).isEqualTo(Verdict.WORSE);
    assertThat(a.metrics()).containsOnlyKeys("accuracy");
    assertThat(a.metrics().get("accuracy").verdict()).isEqualTo(Verdict.WORSE);
    assertThat(a.regression()).isTrue();
    assertThat(a.summary()).isEqualTo(
        "model-a: pass rate 93.3% → 53.3% (mcnemar-exact p = 0.0018, Holm-adjusted p = 0.0018 < 0.05), "
            + "mean score 0.933 → 0.533; 13 newly failing, 1 newly passing, 1 still failing — regression");

    ProviderDelta b = comparison.models().get(1);
    assertThat(b.passRate().test()).isEqualTo("none");
    assertThat(b.passRate().verdict()).isEqualTo(Verdict.NO_SIGNIFICANT_DIFFERENCE);
    assertThat(b.regression()).isFalse();
    assertThat(comparison.regression()).isTrue();
    assertThat(comparison.summary()).isEqualTo("regression: model-a got significantly worse");
  }

  @Test
  void runsWithoutCommonCasesAreComparedAsIndependentSamples() {
    PairedSamples before = PairedSamples.acrossRuns(), after = PairedSamples.acrossRuns();
    for (int test = 0; test < 20; test++) {
      before.accept(item("model-a", test).description("old " + test).passed(test < 18).build());
      after.accept(item("model-a", test).description("new " + test).passed(test < 10).run("run-2").build());
    }
    ProviderDelta a = RunComparator.compare(before, after, options).models().get(0);

    assertThat(a.paired()).isFalse();
    assertThat(a.newlyFailing()).isEmpty();
    // [[10, 10], [18, 2]]: every expected count ≥ 5 → Pearson chi-square 7.619, p = 0.0057755 (scipy).
    assertThat(a.passRate().test()).isEqualTo("chi-square");
    assertThat(a.passRate().statistic()).isCloseTo(7.619048, within(1e-6));
    assertThat(a.passRate().pValue()).isCloseTo(0.0057755, within(1e-7));
    assertThat(a.passRate().ciMethod()).isEqualTo("newcombe-hybrid-score");
    assertThat(a.passRate().difference()).isCloseTo(-0.4, within(1e-12));
    assertThat(a.passRate().ciHigh()).isLessThan(0);
    // Welch on the 0/1 scores: t = -2.99018, p = 0.0054111 (scipy ttest_ind, equal_var=False).
    assertThat(a.score().test()).isEqualTo("welch-t");
    assertThat(a.score().pValue()).isCloseTo(0.0054111, within(1e-7));
    assertThat(a.score().ciMethod()).isEqualTo("welch");
    assertThat(a.regression()).isTrue();
  }

  @Test
  void unchangedRunsAreNoRegressionAndUnmatchedProvidersAreListed() {
    PairedSamples before = PairedSamples.acrossRuns(), after = PairedSamples.acrossRuns();
    for (int test = 0; test < 5; test++) {
      before.accept(Results.outcome("model-a", test, true));
      before.accept(Results.outcome("model-c", test, true));
      after.accept(Results.outcome("model-a", test, true));
      after.accept(Results.outcome("model-d", test, true));
    }
    RunComparison comparison = RunComparator.compare(before, after, options);
    assertThat(comparison.regression()).isFalse();
    assertThat(comparison.onlyBefore()).containsExactly("model-c");
    assertThat(comparison.onlyAfter()).containsExactly("model-d");
    assertThat(comparison.summary())
        .isEqualTo("no regression: no provider's pass rate or score got significantly worse");
    assertThat(comparison.models().get(0).summary()).isEqualTo(
        "model-a: pass rate 100.0% → 100.0% (no change on any matched case), mean score 1.000 → 1.000; "
            + "0 newly failing, 0 newly passing, 0 still failing");
  }

  @Test
  void refusesSamplesPairedByTestIndex() {
    assertThatThrownBy(() -> RunComparison.between(PairedSamples.withinRun(), PairedSamples.acrossRuns(), options))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("collect both runs with PairedSamples.acrossRuns()");
  }

  @Test
  void aCasePassesOnlyWhenEveryRepetitionPasses() {
    PairedSamples before = PairedSamples.acrossRuns(), after = PairedSamples.acrossRuns();
    before.accept(item("model-a", 0).build());
    before.accept(item("model-a", 0).repeat(1).build());
    after.accept(item("model-a", 0).build());
    after.accept(item("model-a", 0).repeat(1).passed(false).build());
    ProviderDelta a = RunComparator.compare(before, after, options).models().get(0);
    assertThat(a.newlyFailing()).extracting(CaseRef::description).isEqualTo(List.of("test 0"));
  }
}
