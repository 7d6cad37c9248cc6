package dev.ltb.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ltb.aggregate.RunSummary;
import dev.ltb.analysis.AnalysisOptions;
import dev.ltb.analysis.Delta;
import dev.ltb.analysis.PairedSamples;
import dev.ltb.analysis.ProviderDelta;
import dev.ltb.analysis.RunComparison;
import dev.ltb.engine.ItemResult;
import dev.ltb.engine.ItemStatus;
import dev.ltb.report.html.Format;
import dev.ltb.testkit.SampleRuns;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class ComparisonHtmlWriterTest {

  static final String HOSTILE_OUTPUT = "<script>alert(\"pwned\")</script><img src=x onerror=alert(1)> Lyon & <b>co</b>";
  static final String HOSTILE_TEST = "<i>capital</i> of France";
  static final String CANDIDATE_RUN = "run-20250608-1000-b1c2";

  /**
   * Two runs of the sample suite: the candidate is the baseline except that gpt-4o-mini now fails every test it
   * passed among the first 14, with a hostile output; test 0 has a hostile description in both.
   */
  record SampleComparison(
      RunSummary baselineSummary, List<ItemResult> baseline, List<ItemResult> candidate, RunComparison comparison) {

    String render(int maxCases) throws Exception {
      var out = new ByteArrayOutputStream();
      new ComparisonHtmlWriter(maxCases).write(comparison, new ComparisonHtmlWriter.Run(baselineSummary,
          ResultSource.of(baseline)), new ComparisonHtmlWriter.Run(null, ResultSource.of(candidate)), out);
      return out.toString(StandardCharsets.UTF_8);
    }
  }

  static SampleComparison regression() {
    var run = SampleRuns.threeProviders();
    List<ItemResult> baseline = new ArrayList<>();
    List<ItemResult> candidate = new ArrayList<>();
    for (ItemResult result : run.results()) {
      ItemResult before = result.testIndex() == 0 ? SampleRuns.withTest(result, HOSTILE_TEST, result.reason()) : result;
      baseline.add(before);
      boolean lost = before.providerIndex() == 0 && before.testIndex() < 14 && before.passed();
      candidate.add(lost
          ? SampleRuns.failedIn(CANDIDATE_RUN, before, HOSTILE_OUTPUT, "expected output to contain \"<Paris>\"")
          : SampleRuns.inRun(CANDIDATE_RUN, before));
    }
    PairedSamples was = PairedSamples.acrossRuns(), is = PairedSamples.acrossRuns();
    baseline.forEach(was);
    candidate.forEach(is);
    return new SampleComparison(run.summary(), baseline, candidate,
        RunComparison.between(was, is, AnalysisOptions.defaults()));
  }

  private final SampleComparison sample = regression();

  @Test
  void theVerdictLeadsThePage() throws Exception {
    Document page = Jsoup.parse(sample.render(50));

    assertThat(sample.comparison().regression()).isTrue();
    assertThat(page.selectFirst("#verdict").hasClass("regression")).isTrue();
    assertThat(page.selectFirst("#verdict .v").text()).isEqualTo("Regression");
    assertThat(page.selectFirst("#verdict p").text()).isEqualTo("regression: gpt-4o-mini got significantly worse");
    assertThat(page.selectFirst("h1").text()).isEqualTo("Capital cities: 3 providers → " + CANDIDATE_RUN);
  }

  @Test
  void eachProviderShowsItsDeltasWithIntervalsTestsAndHolmAdjustedPValues() throws Exception {
    Document page = Jsoup.parse(sample.render(50));
    ProviderDelta gpt = sample.comparison().models().getFirst();
    Delta passRate = gpt.passRate();

    List<String> cells = page.selectFirst("#deltas tr[data-model=gpt-4o-mini]").select("td").eachText();
    assertThat(cells).containsExactly("gpt-4o-mini paired, 24 matched items", "pass rate",
        Format.percent(passRate.before()), Format.percent(passRate.after()),
        Format.points(passRate.difference()) + " " + Format.pointsInterval(passRate.ciLow(), passRate.ciHigh()),
        "mcnemar-exact", Format.pValue(passRate.pValue()), Format.pValue(passRate.adjustedPValue()), "regressed");
    // b = lost passes, c = 0: exact two-sided p = 2 · 0.5^b
    long lost = gpt.newlyFailing().size();
    assertThat(passRate.pValue()).isCloseTo(Math.min(1, 2 * Math.pow(0.5, lost)), org.assertj.core.data.Offset.offset(1e-15));
    assertThat(page.select("#deltas tbody tr")).hasSize(3 * 4);
    assertThat(page.select("#deltas tr[data-model=\"claude-3.5-haiku\"] td").get(8).text())
        .isEqualTo("no significant change");
  }

  @Test
  void listsTheSignificantRegressions() throws Exception {
    Document page = Jsoup.parse(sample.render(50));
    Delta passRate = sample.comparison().models().getFirst().passRate();

    assertThat(page.select("#changes li.regressed").eachText()).first().asString().isEqualTo(
        "gpt-4o-mini: pass rate regressed, %s → %s (%s, 95%% CI %s; mcnemar-exact p = %s, Holm-adjusted p = %s)"
            .formatted(Format.percent(passRate.before()), Format.percent(passRate.after()),
                Format.points(passRate.difference()), Format.pointsInterval(passRate.ciLow(), passRate.ciHigh()),
                Format.pValue(passRate.pValue()), Format.pValue(passRate.adjustedPValue())));
    assertThat(page.select("#changes li.improved")).isEmpty();
  }

  @Test
  void flippedCasesShowBothOutputsSideBySideAsText() throws Exception {
    String html = sample.render(50);
    Document page = Jsoup.parse(html);
    ProviderDelta gpt = sample.comparison().models().getFirst();

    List<Element> rows = page.select("table.flips.failing tbody tr");
    assertThat(rows).hasSize(gpt.newlyFailing().size()).hasSizeGreaterThan(5);
    Element first = rows.getFirst();
    assertThat(first.selectFirst("td.test").ownText()).isEqualTo(HOSTILE_TEST);
    Element before = first.select("td.side").get(0), after = first.select("td.side").get(1);
    assertThat(before.selectFirst(".badge").text()).isEqualTo("✓ PASS");
    assertThat(before.selectFirst("pre").text()).isEqualTo("The capital of France is Paris.");
    assertThat(after.selectFirst(".badge").text()).isEqualTo("✗ FAIL");
    assertThat(after.selectFirst(".reason").text()).isEqualTo("expected output to contain \"<Paris>\"");
    assertThat(after.selectFirst("pre").text()).isEqualTo(HOSTILE_OUTPUT);
    assertThat(after.selectFirst("summary").text()).isEqualTo(HOSTILE_OUTPUT);
    assertThat(page.select("script, img, b, i, [onerror]")).isEmpty();
    assertThat(html).contains("&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;");
    assertThat(page.select("h3").eachText()).contains("gpt-4o-mini: %d newly failing, 0 newly passing, %d still failing"
        .formatted(gpt.newlyFailing().size(), gpt.stillFailing().size()));
  }

  @Test
  void aLongListIsCutAndSaysSo() throws Exception {
    Document page = Jsoup.parse(sample.render(3));
    int all = sample.comparison().models().getFirst().newlyFailing().size();

    assertThat(page.select("table.flips.failing tbody tr")).hasSize(3);
    assertThat(page.selectFirst("#flips .note").text()).isEqualTo(
        "Showing the first 3 of " + all + " newly failing cases (at most 3 per list); ltb compare --json lists them"
            + " all.");
  }

  @Test
  void aRunComparedWithItselfHasNoRegressionAndNoFlips() throws Exception {
    var run = SampleRuns.threeProviders();
    PairedSamples a = PairedSamples.acrossRuns(), b = PairedSamples.acrossRuns();
    run.forEach(a);
    run.forEach(b);
    RunComparison same = RunComparison.between(a, b, AnalysisOptions.defaults());
    var out = new ByteArrayOutputStream();
    new ComparisonHtmlWriter().write(same, new ComparisonHtmlWriter.Run(run.summary(), run::forEach),
        new ComparisonHtmlWriter.Run(run.summary(), run::forEach), out);
    Document page = Jsoup.parse(out.toString(StandardCharsets.UTF_8));

    assertThat(page.selectFirst("#verdict").hasClass("ok")).isTrue();
    assertThat(page.selectFirst("#verdict .v").text()).isEqualTo("No significant regression");
    assertThat(page.select("#changes li")).isEmpty();
    assertThat(page.select("#changes-section .empty").text())
        .isEqualTo("No provider's pass rate, score or named metric changed significantly.");
    assertThat(page.selectFirst("#flips .empty").text()).isEqualTo("No case flipped between pass and fail.");
    assertThat(page.select("#deltas td .verdict-tag").eachText()).containsOnly("no significant change");
  }

  @Test
  void loadsNothingAndRunsNothing() throws Exception {
    String html = sample.render(50);
    Document page = Jsoup.parse(html);

    assertThat(html).doesNotContain("http://", "https://", "url(", "@import");
    assertThat(page.select("script, [src], [href], link, iframe, object, embed")).isEmpty();
    assertThat(page.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content"))
        .isEqualTo("default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'none'; base-uri 'none';"
            + " form-action 'none'");
  }

  @Test
  void errorsOnOneSideShowTheirKindAndMessage() throws Exception {
    // the sample's claude-3.5-haiku hit rate limits: a case erroring in the candidate is newly failing
    var run = SampleRuns.threeProviders();
    List<ItemResult> candidate = run.results().stream().map(result -> SampleRuns.inRun(CANDIDATE_RUN, result)).toList();
    List<ItemResult> baseline = new ArrayList<>();
    for (ItemResult result : run.results())
      baseline.add(result.status() == ItemStatus.ERROR
          ? SampleRuns.withOutput(passed(result), "The capital is fine.")
          : result);
    PairedSamples was = PairedSamples.acrossRuns(), is = PairedSamples.acrossRuns();
    baseline.forEach(was);
    candidate.forEach(is);
    RunComparison comparison = RunComparison.between(was, is, AnalysisOptions.defaults());
    var out = new ByteArrayOutputStream();
    new ComparisonHtmlWriter().write(comparison, new ComparisonHtmlWriter.Run(null, ResultSource.of(baseline)),
        new ComparisonHtmlWriter.Run(null, ResultSource.of(candidate)), out);
    Document page = Jsoup.parse(out.toString(StandardCharsets.UTF_8));

    Element errored = page.select("table.flips.failing td.side .badge.ERROR").first();
    assertThat(errored).isNotNull();
    assertThat(errored.parent().selectFirst(".reason").text())
        .isIn("rate-limited HTTP 429 after 5 attempts: rate limit of 50 requests per minute reached",
            "timeout no response within 60 s");
  }

  private static ItemResult passed(ItemResult error) {
    return new ItemResult(error.runId(), error.itemId(), error.testIndex(), error.testDescription(), error.vars(),
        error.metadata(), error.promptId(), error.promptLabel(), error.renderedPrompt(), error.providerIndex(),
        error.providerId(), error.providerLabel(), error.repeatIndex(), ItemStatus.PASS, 1, "All assertions passed",
        "", List.of(), java.util.Map.of(), error.tokens(), error.judgeTokens(), error.costUsd(), 500, null, "stop",
        false, 1, null, error.startedAt());
  }
}
