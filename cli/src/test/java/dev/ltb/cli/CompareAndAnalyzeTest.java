package dev.ltb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ltb compare} flags a significant regression with exit code 1; {@code ltb analyze} ranks models. */
class CompareAndAnalyzeTest {

  @TempDir Path dir;

  /** A suite of 30 questions answered by a scripted model that gets {@code wrong} of them wrong. */
  private Path suite(String name, int wrong) throws Exception {
    return suite(name, wrong, "no idea");
  }

  /** The same, the wrong answers being {@code wrongAnswer}. */
  private Path suite(String name, int wrong, String wrongAnswer) throws Exception {
    String tests =
        IntStream.range(0, 30)
            .mapToObj(i -> ("  - description: \"question %d\"\n    vars: {q: \"question %d\"}\n"
                + "    assert: [{type: equals, value: \"answer %d\"}]").formatted(i, i, i))
            .collect(Collectors.joining("\n"));
    String answers =
        IntStream.range(0, 30)
            .mapToObj(i -> "        \"question %d\": '%s'".formatted(i, i < wrong ? wrongAnswer : "answer " + i))
            .collect(Collectors.joining("\n"));
    Path file = dir.resolve(name + ".yaml");
    Files.writeString(file, """
        description: %s
        prompts: ["{{q}}"]
        providers:
          - id: scripted
            label: model
            config:
              matchVar: q
              responses:
        %s
        tests:
        %s
        """.formatted(name, answers, tests));
    return file;
  }

  private static String runId(CliRunner.Result result) {
    Matcher matcher = Pattern.compile("Run (\\S+): COMPLETED").matcher(result.out());
    assertThat(matcher.find()).as(result.out() + result.err()).isTrue();
    return matcher.group(1);
  }

  @Test
  void aSignificantlyWorseCandidateIsARegression() throws Exception {
    CliRunner ltb = new CliRunner(dir.resolve("h.db"));
    String baseline = runId(ltb.run("run", suite("baseline", 0).toString(), "--no-progress"));
    String candidate =
        runId(ltb.run("run", suite("candidate", 12).toString(), "--no-progress", "--min-pass-rate", "0"));

    var compare = ltb.run("compare", baseline, candidate);

    assertThat(compare.exitCode()).as(compare.out() + compare.err()).isEqualTo(ExitCodes.TESTS_FAILED);
    assertThat(compare.out()).contains("model  (paired, 30 matched cases)", "newly failing (12)", "worse");
  }

  @Test
  void compareWritesAnHtmlPageWithTheVerdictTheTestsAndTheFlippedOutputsSideBySide() throws Exception {
    CliRunner ltb = new CliRunner(dir.resolve("h.db"));
    String hostile = "<img src=x onerror=alert(1)><script>alert(\"pwned\")</script> no idea";
    String baseline = runId(ltb.run("run", suite("baseline", 0).toString(), "--no-progress"));
    String candidate =
        runId(ltb.run("run", suite("candidate", 12, hostile).toString(), "--no-progress", "--min-pass-rate", "0"));
    Path html = dir.resolve("out/compare.html");

    var compare = ltb.run("compare", baseline, candidate, "-o", html.toString());

    assertThat(compare.exitCode()).as(compare.out() + compare.err()).isEqualTo(ExitCodes.TESTS_FAILED);
    assertThat(compare.out()).contains("Wrote " + html);
    Document page = Jsoup.parse(html.toFile());
    assertThat(page.selectFirst("#verdict .v").text()).isEqualTo("Regression");
    assertThat(page.selectFirst("#verdict p").text()).isEqualTo("regression: model got significantly worse");
    // McNemar, exact: 12 cases lost, none gained, p = 2 · 0.5^12 = 0.000488; one provider, so Holm changes nothing.
    List<String> passRate = page.select("#deltas tbody tr").first().select("td").eachText();
    assertThat(passRate).containsExactly("model paired, 30 matched items", "pass rate", "100.0%", "60.0%",
        passRate.get(4), "mcnemar-exact", "0.0005", "0.0005", "regressed");
    assertThat(passRate.get(4)).startsWith("-40.0 pt [");
    assertThat(page.select("#changes li.regressed").eachText()).first().asString()
        .startsWith("model: pass rate regressed, 100.0% → 60.0% (-40.0 pt, 95% CI [")
        .endsWith("; mcnemar-exact p = 0.0005, Holm-adjusted p = 0.0005)");

    List<Element> flips = page.select("table.flips.failing tbody tr");
    assertThat(flips).hasSize(12);
    Element first = flips.getFirst();
    assertThat(first.selectFirst("td.test").ownText()).isEqualTo("question 0");
    assertThat(first.select("td.side").get(0).selectFirst(".badge").text()).isEqualTo("✓ PASS");
    assertThat(first.select("td.side").get(0).selectFirst("pre").text()).isEqualTo("answer 0");
    assertThat(first.select("td.side").get(1).selectFirst(".badge").text()).isEqualTo("✗ FAIL");
    assertThat(first.select("td.side").get(1).selectFirst("pre").text()).isEqualTo(hostile);
    assertThat(first.select("td.num").last().text()).isEqualTo("-1.000");
    assertThat(page.select("script, img, [onerror]")).as("the model's markup stays text").isEmpty();
    assertThat(page.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content"))
        .startsWith("default-src 'none';").contains("script-src 'none'");
  }

  @Test
  void compareRefusesAnHtmlOutputThatIsNotHtml() throws Exception {
    CliRunner ltb = new CliRunner(dir.resolve("h.db"));
    String run = runId(ltb.run("run", suite("baseline", 0).toString(), "--no-progress"));

    var compare = ltb.run("compare", run, run, "-o", dir.resolve("compare.json").toString());

    assertThat(compare.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(compare.err()).contains("the comparison is written as HTML, so name a .html file (use --json FILE for JSON)");
  }

  @Test
  void theSameRunComparedWithItselfShowsNoDifference() throws Exception {
    CliRunner ltb = new CliRunner(dir.resolve("h.db"));
    String first = runId(ltb.run("run", suite("same", 3).toString(), "--no-progress", "--min-pass-rate", "0"));
    String second = runId(ltb.run("run", suite("same", 3).toString(), "--no-progress", "--min-pass-rate", "0"));

    var compare = ltb.run("compare", first, second);

    assertThat(compare.exitCode()).isZero();
    assertThat(compare.out()).contains("no significant difference", "no regression");
  }

  @Test
  void analyzeRanksTheQuickstartModelsAndTestsTheirDifferences() {
    CliRunner ltb = new CliRunner(dir.resolve("h.db"));
    String id = runId(ltb.run("run", QuickstartTest.QUICKSTART.toString(), "--no-progress", "--min-pass-rate", "0"));

    var analyze = ltb.run("analyze", id, "--weights", "1,0,0", "--requests-per-month", "100000");

    assertThat(analyze.exitCode()).as(analyze.err()).isZero();
    assertThat(analyze.out())
        .containsPattern("1\\. strong-model")
        .contains("strong-model is better than weak-model on pass rate")
        .contains("medium-model is better than weak-model");
  }

  @Test
  void analyzeWritesTheRunsReportWithItsAnalysisTables() throws Exception {
    CliRunner ltb = new CliRunner(dir.resolve("h.db"));
    String id = runId(ltb.run("run", QuickstartTest.QUICKSTART.toString(), "--no-progress", "--min-pass-rate", "0"));
    Path html = dir.resolve("analysis.html");

    var analyze = ltb.run("analyze", id, "--weights", "1,0,0", "--requests-per-month", "100000", "-o", html.toString());

    assertThat(analyze.exitCode()).as(analyze.err()).isZero();
    Document page = Jsoup.parse(html.toFile());
    assertThat(page.select("#ranking tbody tr").first().select("td").get(1).text()).startsWith("strong-model");
    assertThat(page.selectFirst("#analysis .caption").text()).contains("quality is the pass rate");
    assertThat(page.select("#verdicts li").eachText())
        .anySatisfy(line -> assertThat(line).startsWith("strong-model is better than weak-model on pass rate"));
    assertThat(page.selectFirst("#cost-summary").text()).isNotBlank();
    assertThat(page.select("#cost-optimizer tbody tr")).hasSize(3);
    assertThat(page.select("#results tbody tr")).isNotEmpty();
  }
}
