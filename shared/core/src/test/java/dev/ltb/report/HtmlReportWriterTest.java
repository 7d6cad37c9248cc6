package dev.ltb.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ltb.aggregate.GroupSummary;
import dev.ltb.analysis.Analysis;
import dev.ltb.analysis.AnalysisOptions;
import dev.ltb.analysis.Analyzer;
import dev.ltb.analysis.ModelComparison;
import dev.ltb.analysis.PairedSamples;
import dev.ltb.analysis.RankedModel;
import dev.ltb.analysis.TrafficProfile;
import dev.ltb.report.html.Format;
import dev.ltb.aggregate.RunSummary;
import dev.ltb.aggregate.Totals;
import dev.ltb.engine.ItemResult;
import dev.ltb.engine.ItemStatus;
import dev.ltb.provider.TokenUsage;
import dev.ltb.testkit.SampleRuns;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class HtmlReportWriterTest {

  private final SampleRuns.SampleRun run = SampleRuns.threeProviders();

  @Test
  void headerAndTotalsShowTheRun() throws Exception {
    Document html = render(run.summary(), run.results());
    Totals totals = run.summary().totals();

    assertThat(html.title()).isEqualTo("Capital cities: 3 providers · LLM Test Bench");
    assertThat(html.selectFirst("h1").text()).isEqualTo("Capital cities: 3 providers");
    assertThat(html.selectFirst("header .meta").text())
        .isEqualTo("Run run-20250601-0930-7f3a · started 2025-06-01 09:30:00 UTC · finished 2025-06-01 09:30:23 UTC");
    assertThat(kpi(html, "Pass rate")).isEqualTo(percent(totals.passRate()) + " "
        + totals.passed() + " of 72 items passed");
    assertThat(kpi(html, "Errors")).startsWith(totals.errors() + " ");
    assertThat(kpi(html, "Cost")).endsWith("+ 24 items of unknown cost");
    assertThat(kpi(html, "Duration")).isEqualTo("24.0 s 3 providers · 1 prompt");
  }

  @Test
  void passRateChartHasOneBarPerProviderWithItsInterval() throws Exception {
    Document html = render(run.summary(), run.results());

    List<Element> bars = html.select("#chart-pass-rate svg rect.bar");
    assertThat(bars).hasSize(3);
    for (int i = 0; i < 3; i++) {
      GroupSummary group = run.summary().groups().get(i);
      assertThat(bars.get(i).attr("fill")).isEqualTo(List.of("#0072B2", "#E69F00", "#009E73").get(i));
      assertThat(bars.get(i).selectFirst("title").text())
          .isEqualTo("%s: %s passed (%d of 24), 95%% CI [%.1f, %.1f]".formatted(group.providerLabel(),
              percent(group.passRate().rate()), group.passed(), group.passRate().ciLow() * 100,
              group.passRate().ciHigh() * 100));
    }
    assertThat(html.select("#chart-pass-rate svg g.ci")).hasSize(3);
    assertThat(html.select("#chart-pass-rate svg text.label").eachText())
        .containsExactly("gpt-4o-mini", "claude-3.5-haiku", "llama3.1-8b (local)");
  }

  @Test
  void everyChartIsInlineSvgWithOneSeriesPerProvider() throws Exception {
    Document html = render(run.summary(), run.results());

    for (String chart : List.of("chart-pass-rate", "chart-cost-quality", "chart-scores", "chart-latency"))
      assertThat(html.select("#" + chart + " > svg[role=img]")).as(chart).hasSize(1);
    assertThat(html.select("#chart-cost-quality g.point")).hasSize(3);
    assertThat(html.select("#chart-cost-quality g.point").last().selectFirst("title").text())
        .endsWith("cost unknown");
    assertThat(html.select("#chart-cost-quality circle.hollow")).hasSize(1);
    assertThat(html.select("#chart-latency line.marker.p50[x1]")).hasSize(3 + 1);
    assertThat(html.select("#chart-scores line.mean")).hasSize(3);
    assertThat(html.select("#chart-scores rect.bin").eachAttr("fill"))
        .containsOnly("#0072B2", "#E69F00", "#009E73");
  }

  @Test
  void summaryTableShowsEveryGroupsStatistics() throws Exception {
    Document html = render(run.summary(), run.results());

    List<Element> rows = html.select("#summary tbody tr");
    assertThat(rows).hasSize(3);
    GroupSummary gpt = run.summary().groups().getFirst();
    List<String> cells = rows.getFirst().select("td").eachText();
    assertThat(cells.get(0)).isEqualTo("gpt-4o-mini openai:chat:gpt-4o-mini");
    assertThat(cells.get(1)).isEqualTo("24");
    assertThat(cells.get(2)).isEqualTo("%s [%.1f, %.1f]".formatted(percent(gpt.passRate().rate()),
        gpt.passRate().ciLow() * 100, gpt.passRate().ciHigh() * 100));
    assertThat(cells.get(3)).isEqualTo("%.3f [%.3f, %.3f]".formatted(gpt.score().mean(), gpt.score().ciLow(),
        gpt.score().ciHigh()));
    assertThat(cells.get(4)).startsWith("accuracy ").contains("relevance ");
    assertThat(cells.get(5)).startsWith("p50 ").contains(" p95 ", " p99 ");
    assertThat(cells.get(6)).isEqualTo("in %,d out %,d".formatted(gpt.tokens().input(), gpt.tokens().output()));
    assertThat(cells.get(7)).startsWith("$0.000");
    assertThat(cells.get(8)).isEqualTo("none");
    assertThat(rows.get(2).select("td").get(7).text()).isEqualTo("unknown");
    assertThat(rows.get(2).select("td").get(8).text()).startsWith("timeout ");
  }

  @Test
  void resultsTableListsEveryItemWithItsStatus() throws Exception {
    Document html = render(run.summary(), run.results());

    List<Element> rows = html.select("#results tbody tr");
    assertThat(rows).hasSize(72);
    assertThat(html.select("#rows-left-out")).isEmpty();
    for (int i = 0; i < rows.size(); i++) {
      ItemResult result = run.results().get(i);
      Element row = rows.get(i);
      assertThat(row.attr("data-status")).isEqualTo(result.status().name());
      assertThat(row.selectFirst(".badge").text()).endsWith(result.status().name());
      assertThat(row.selectFirst("td.test").ownText()).isEqualTo(result.testDescription());
      assertThat(row.select("td").get(1).text()).isEqualTo(result.providerLabel());
      if (result.status() == ItemStatus.ERROR)
        assertThat(row.selectFirst("td.reason").text()).isEqualTo(result.error().kind() + " " + result.error().message());
      else assertThat(row.selectFirst("td.reason").text()).isEqualTo(result.reason());
    }
    Element first = rows.getFirst();
    assertThat(first.selectFirst("details summary").text()).isEqualTo("The capital of France is Paris.");
    assertThat(first.select("details pre").eachText()).containsExactly(
        "The capital of France is Paris.", "Answer in one sentence: what is the capital of France?",
        "{\"capital\":\"Paris\",\"country\":\"France\"}");
  }

  @Test
  void filterOffersEveryProviderAndStatus() throws Exception {
    Document html = render(run.summary(), run.results());

    assertThat(html.select("#filter-group option").eachText())
        .containsExactly("All", "gpt-4o-mini", "claude-3.5-haiku", "llama3.1-8b (local)");
    assertThat(html.select("#filter-group option").eachAttr("value")).containsExactly("", "g0", "g1", "g2");
    assertThat(html.select("#filter-status option").eachAttr("value")).containsExactly("", "PASS", "FAIL", "ERROR");
    assertThat(html.select("#results tbody tr[data-group=g2]")).hasSize(24);
    assertThat(html.selectFirst("#filter-text").attr("type")).isEqualTo("search");
  }

  @Test
  void modelOutputIsShownAsTextNeverRunAsMarkup() throws Exception {
    String hostile = "<script>alert(\"pwned\")</script><img src=x onerror=alert(1)> & <b>bold</b>";
    List<ItemResult> results = new ArrayList<>(run.results());
    results.set(0, SampleRuns.withTest(SampleRuns.withOutput(results.get(0), hostile), "<i>test</i>", "<u>why</u>"));

    String page = renderText(run.summary(), results);
    Document html = Jsoup.parse(page);

    assertThat(html.select("script")).hasSize(1);
    Element row = html.selectFirst("#results tbody tr");
    assertThat(row.select("img, b, i, u")).isEmpty();
    assertThat(row.selectFirst("details pre").text()).isEqualTo(hostile);
    assertThat(row.selectFirst("details summary").text()).isEqualTo(hostile);
    assertThat(row.selectFirst("td.test").ownText()).isEqualTo("<i>test</i>");
    assertThat(row.selectFirst("td.reason").text()).isEqualTo("<u>why</u>");
    assertThat(page).contains("&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;");
  }

  @Test
  void loadsNothingFromTheNetwork() throws Exception {
    String page = renderText(run.summary(), run.results());
    Document html = Jsoup.parse(page);

    assertThat(page).doesNotContain("http://", "https://", "url(", "@import", "//cdn");
    assertThat(html.select("[src], [href], link, iframe, object, embed, img, base")).isEmpty();
    String policy = html.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content");
    assertThat(policy).startsWith("default-src 'none';");
    String script = html.selectFirst("script").data();
    String hash = Base64.getEncoder().encodeToString(
        MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8)));
    assertThat(policy).as("the policy lets the report's own filter script run").contains("'sha256-" + hash + "'");
  }

  @Test
  void cappedTableKeepsFailuresAndErrorsAndSaysWhatItLeftOut() throws Exception {
    var out = new ByteArrayOutputStream();
    new HtmlReportWriter(10).write(run.summary(), run::forEach, out);
    Document html = Jsoup.parse(out.toString(StandardCharsets.UTF_8));

    List<Element> rows = html.select("#results tbody tr");
    assertThat(rows).hasSize(10);
    assertThat(rows).allSatisfy(row -> assertThat(row.attr("data-status")).isIn("FAIL", "ERROR"));
    assertThat(html.selectFirst("#rows-left-out").text()).isEqualTo(
        "This table shows 10 of 72 results, failures and errors first; 62 are left out. "
            + "The JSON, JSONL and CSV outputs hold every result.");
  }

  @Test
  void aLargeRunStreamsThroughWithBoundedRows() throws Exception {
    var large = SampleRuns.builder().tests(34_000);
    var out = new ByteArrayOutputStream();
    new HtmlReportWriter().write(large.summary(), large::forEach, out);
    Document html = Jsoup.parse(out.toString(StandardCharsets.UTF_8));

    assertThat(html.select("#results tbody tr")).hasSize(HtmlReportWriter.DEFAULT_MAX_ROWS);
    assertThat(html.selectFirst("#rows-left-out").text()).startsWith("This table shows 2,000 of 102,000 results");
    assertThat(html.select("#chart-pass-rate rect.bar")).hasSize(3);
    assertThat(html.select("#ranking")).isEmpty();
    assertThat(html.selectFirst("#analysis-left-out").text()).isEqualTo(
        "The analysis tables (ranking, paired tests, cost optimizer) are left out of reports of runs with more than"
            + " 20,000 items, since their bootstrap intervals take seconds per ten thousand items. Run: ltb analyze "
            + SampleRuns.RUN_ID + " -o report.html");
  }

  @Test
  void analysisRanksTheModelsWithTheirIntervalsAsLtbAnalyzeDoes() throws Exception {
    Document html = render(run.summary(), run.results());
    Analysis analysis = analysis(AnalysisOptions.defaults(), null);

    List<Element> rows = html.select("#ranking tbody tr");
    assertThat(rows).hasSize(3);
    for (int i = 0; i < rows.size(); i++) {
      RankedModel model = analysis.ranking().models().get(i);
      List<String> cells = rows.get(i).select("td").eachText();
      assertThat(cells.get(0)).isEqualTo(String.valueOf(i + 1));
      assertThat(cells.get(1)).startsWith(model.model());
      assertThat(cells.get(2)).isEqualTo(Format.score(model.score()));
      assertThat(cells.get(3)).isEqualTo(Format.percent(model.quality()) + " "
          + Format.percentInterval(model.qualityCiLow(), model.qualityCiHigh()));
    }
    assertThat(rows.getLast().select("td").get(5).text()).isEqualTo("unknown");
    assertThat(rows.getLast().select("td").get(6).text()).isEqualTo("cost unknown: excluded from the cost term");
  }

  @Test
  void analysisShowsEveryPairsTestsHolmAdjustedPValuesAndVerdict() throws Exception {
    Document html = render(run.summary(), run.results());
    Analysis analysis = analysis(AnalysisOptions.defaults(), null);

    assertThat(html.select("#verdicts li").eachText())
        .containsExactlyElementsOf(analysis.comparisons().stream().map(ModelComparison::summary).toList());
    List<Element> passRows = html.select("#pairwise-pass-rate tbody tr");
    List<Element> scoreRows = html.select("#pairwise-score tbody tr");
    assertThat(passRows).hasSize(3);
    for (int i = 0; i < 3; i++) {
      ModelComparison comparison = analysis.comparisons().get(i);
      List<String> pass = passRows.get(i).select("td").eachText();
      assertThat(pass.subList(0, 3)).containsExactly(comparison.modelA(), comparison.modelB(),
          String.valueOf(comparison.passRate().pairs()));
      assertThat(pass.get(8)).isEqualTo(comparison.passRate().test());
      assertThat(pass.get(9)).isEqualTo(Format.pValue(comparison.passRate().pValue()));
      assertThat(pass.get(10)).isEqualTo(Format.pValue(comparison.passRate().adjustedPValue()));
      assertThat(pass.get(11)).isEqualTo(verdictText(comparison, comparison.passRate().verdict()));
      List<String> score = scoreRows.get(i).select("td").eachText();
      assertThat(score.get(6)).isEqualTo(String.format(Locale.ROOT, "%.2f", comparison.score().rankBiserial()));
      assertThat(score.get(9)).isEqualTo(Format.pValue(comparison.score().pValue()));
      assertThat(score.get(10)).isEqualTo(Format.pValue(comparison.score().adjustedPValue()));
    }
    // gpt-4o-mini vs llama3.1-8b: McNemar on their discordant pairs, then Holm over the three pairs
    assertThat(passRows.get(1).select("td").get(8).text()).startsWith("mcnemar");
    assertThat(html.select("#cost-optimizer")).as("no traffic profile, no projection").isEmpty();
  }

  @Test
  void aTrafficProfileAddsTheCostOptimizer() throws Exception {
    TrafficProfile traffic = new TrafficProfile(1_000_000, 500, 200);
    var out = new ByteArrayOutputStream();
    new HtmlReportWriter(100, AnalysisOptions.defaults(), traffic, Long.MAX_VALUE)
        .write(run.summary(), run::forEach, out);
    Document html = Jsoup.parse(out.toString(StandardCharsets.UTF_8));

    Analysis analysis = analysis(AnalysisOptions.defaults(), traffic);
    assertThat(html.selectFirst("#cost-summary").text()).isEqualTo(analysis.cost().summary());
    assertThat(html.select("#cost-optimizer tbody tr")).hasSize(3);
    assertThat(html.select("#cost-optimizer tbody tr").last().select("td").get(5).text()).isEqualTo("unknown");
  }

  @Test
  void hostileLabelsAndCategoriesStayTextInTheAnalysis() throws Exception {
    String label = "<img src=x onerror=alert(1)>llama";
    List<ItemResult> results = new ArrayList<>();
    for (ItemResult result : run.results()) {
      String category = result.testIndex() % 2 == 0 ? "<b>geo</b>" : "<script>alert(2)</script>";
      results.add(SampleRuns.withProvider(result, result.providerIndex() == 2 ? label : result.providerLabel(),
          Map.of("category", category)));
    }

    String page = renderText(run.summary(), results);
    Document html = Jsoup.parse(page);

    assertThat(html.select("script")).hasSize(1);
    assertThat(html.select("img, #analysis b, [onerror]")).isEmpty();
    assertThat(html.select("#ranking tbody td").eachText()).anySatisfy(cell -> assertThat(cell).startsWith(label));
    assertThat(html.select("#routing tbody tr td:first-child").eachText())
        .containsExactlyInAnyOrder("<b>geo</b>", "<script>alert(2)</script>");
    assertThat(page).contains("&lt;img src=x onerror=alert(1)&gt;llama");
  }

  @Test
  void oneProviderHasNothingToCompare() throws Exception {
    var single = SampleRuns.builder().providers(1);
    var out = new ByteArrayOutputStream();
    new HtmlReportWriter().write(single.summary(), single::forEach, out);
    Document html = Jsoup.parse(out.toString(StandardCharsets.UTF_8));

    assertThat(html.select("#ranking tbody tr")).hasSize(1);
    assertThat(html.select("#analysis .empty").eachText()).contains("One model: nothing to compare.");
  }

  @Test
  void judgeCostIsPartOfTheCostAndShownApart() throws Exception {
    Totals totals = run.summary().totals();
    Totals withJudges = new Totals(totals.items(), totals.passed(), totals.failed(), totals.errors(),
        totals.passRate(), totals.tokens(), totals.costUsd(), totals.costUnknownItems(), totals.durationMs(), 0.0125);
    RunSummary summary = new RunSummary(run.summary().formatVersion(), run.summary().runId(),
        run.summary().description(), run.summary().startedAt(), run.summary().finishedAt(), withJudges,
        run.summary().groups(), run.summary().evaluators());

    Document html = render(summary, run.results());

    assertThat(kpi(html, "Cost")).isEqualTo(Format.usd(totals.costUsd() + 0.0125)
        + " incl. $0.0125 judges · + 24 items of unknown cost");
  }

  private Analysis analysis(AnalysisOptions options, TrafficProfile traffic) {
    PairedSamples samples = PairedSamples.withinRun();
    run.forEach(samples);
    return Analyzer.analyze(samples, options, traffic);
  }

  private static String verdictText(ModelComparison comparison, dev.ltb.analysis.Verdict verdict) {
    return switch (verdict) {
      case BETTER -> comparison.modelA() + " better";
      case WORSE -> comparison.modelB() + " better";
      case NO_SIGNIFICANT_DIFFERENCE -> "no significant difference";
    };
  }

  @Test
  void severalPromptsGetOneGroupPerProviderAndPrompt() throws Exception {
    var builder = SampleRuns.builder().prompts(2).tests(6);
    var out = new ByteArrayOutputStream();
    new HtmlReportWriter().write(builder.summary(), builder::forEach, out);
    Document html = Jsoup.parse(out.toString(StandardCharsets.UTF_8));

    assertThat(html.select("#chart-pass-rate rect.bar")).hasSize(6);
    assertThat(html.select("#chart-pass-rate text.label").eachText().subList(0, 4))
        .containsExactly("gpt-4o-mini", "one-sentence answer", "gpt-4o-mini", "answer with reasoning");
    assertThat(html.select("#summary thead th").first().text()).isEqualTo("Provider · prompt");
    assertThat(html.select("#summary tbody tr").get(1).selectFirst("td").text())
        .isEqualTo("gpt-4o-mini answer with reasoning openai:chat:gpt-4o-mini");
    assertThat(html.select("#filter-group option").eachText()).contains("gpt-4o-mini · answer with reasoning");
  }

  @Test
  void anEmptyRunStillRenders() throws Exception {
    var summary = new RunSummary("1", "run-empty", null, null, null,
        new Totals(0, 0, 0, 0, 0, TokenUsage.NONE, 0, 0, 0), List.of(), Map.of());

    Document html = render(summary, List.of());

    assertThat(html.selectFirst("h1").text()).isEqualTo("Run run-empty");
    assertThat(html.select("svg")).isEmpty();
    assertThat(html.select(".empty").eachText()).contains("No results.");
  }

  private Document render(RunSummary summary, List<ItemResult> results) throws Exception {
    return Jsoup.parse(renderText(summary, results));
  }

  private static String renderText(RunSummary summary, List<ItemResult> results) throws Exception {
    var out = new ByteArrayOutputStream();
    new HtmlReportWriter().write(summary, ResultSource.of(results), out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String kpi(Document html, String name) {
    return html.select(".kpi").stream().filter(kpi -> kpi.selectFirst(".k").text().equals(name)).findFirst()
        .map(kpi -> kpi.select(".v, .s").eachText().stream().reduce((a, b) -> a + " " + b).orElse(""))
        .orElseThrow(() -> new AssertionError("no KPI " + name));
  }

  private static String percent(double rate) {
    return String.format(Locale.ROOT, "%.1f%%", rate * 100);
  }
}
