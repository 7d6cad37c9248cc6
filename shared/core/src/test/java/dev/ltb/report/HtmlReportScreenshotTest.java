package dev.ltb.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ltb.analysis.Analysis;
import dev.ltb.analysis.AnalysisOptions;
import dev.ltb.analysis.Analyzer;
import dev.ltb.analysis.ModelComparison;
import dev.ltb.analysis.PairedSamples;
import dev.ltb.report.html.Format;
import dev.ltb.testkit.SampleRuns;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the HTML report in headless Chromium and checks the picture a user would see. Skipped where no
 * Chromium is installed; the PNG stays in target/screenshots/ for a human look.
 */
@Tag("browser")
class HtmlReportScreenshotTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final int WIDTH = 1280;
  private static final int HEIGHT = 2000;

  @TempDir Path temp;

  @Test
  void rendersChartsInTheProviderColours() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "Chromium not found at " + CHROMIUM + "; install it to run browser tests");
    Path html = Path.of("target", "screenshots", "report.html").toAbsolutePath();
    Path png = html.resolveSibling("report.png");
    Files.createDirectories(html.getParent());
    Files.deleteIfExists(png);
    var run = SampleRuns.threeProviders();
    Reports.write(html, run.summary(), run::forEach);

    screenshot(html, png);

    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(WIDTH);
    assertThat(image.getHeight()).isEqualTo(HEIGHT);
    Set<Integer> colours = colours(image);
    assertThat(colours).as("distinct colours on the page").hasSizeGreaterThan(50);
    for (String providerColour : List.of("#0072B2", "#E69F00", "#009E73"))
      assertThat(colours).as("bar colour %s is visible", providerColour)
          .contains(Integer.parseInt(providerColour.substring(1), 16));
  }

  @Test
  void filterScriptRunsUnderTheContentSecurityPolicy() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "Chromium not found at " + CHROMIUM + "; install it to run browser tests");
    Path html = temp.resolve("report.html");
    var run = SampleRuns.threeProviders();
    Reports.write(html, run.summary(), run::forEach);

    String dom = chromium("--dump-dom", html.toUri().toString());

    assertThat(dom).as("the script replaced the row count").contains(">72 of 72 rows shown<");
  }

  @Test
  void theAnalysisTablesReadAsLtbAnalyzeInTheBrowser() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "Chromium not found at " + CHROMIUM + "; install it to run browser tests");
    Path html = temp.resolve("report.html");
    var run = SampleRuns.threeProviders();
    Reports.write(html, run.summary(), run::forEach);
    PairedSamples samples = PairedSamples.withinRun();
    run.forEach(samples);
    Analysis analysis = Analyzer.analyze(samples, AnalysisOptions.defaults(), null);

    Document dom = Jsoup.parse(chromium("--dump-dom", html.toUri().toString()));

    assertThat(dom.selectFirst("#analysis h2").text()).isEqualTo("Which model is really better");
    assertThat(dom.select("#verdicts li").eachText())
        .containsExactlyElementsOf(analysis.comparisons().stream().map(ModelComparison::summary).toList());
    ModelComparison first = analysis.comparisons().getFirst();
    assertThat(dom.select("#pairwise-pass-rate tbody tr").first().select("td").eachText().subList(9, 11))
        .containsExactly(Format.pValue(first.passRate().pValue()), Format.pValue(first.passRate().adjustedPValue()));
    assertThat(dom.select("#ranking tbody tr").first().select("td").get(1).text())
        .startsWith(analysis.ranking().models().getFirst().model());
  }

  @Test
  void theComparisonShowsItsVerdictInColourAndTheModelsMarkupAsText() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "Chromium not found at " + CHROMIUM + "; install it to run browser tests");
    Path html = Path.of("target", "screenshots", "compare.html").toAbsolutePath();
    Path png = html.resolveSibling("compare.png");
    Files.createDirectories(html.getParent());
    Files.deleteIfExists(png);
    Files.writeString(html, ComparisonHtmlWriterTest.regression().render(50));

    screenshot(html, png);
    Document dom = Jsoup.parse(chromium("--dump-dom", html.toUri().toString()));

    Set<Integer> colours = colours(ImageIO.read(png.toFile()));
    assertThat(colours).as("the regression banner's background and text colours are visible")
        .contains(0xFBECE0, 0xB34A00);
    assertThat(colours).as("the provider's swatch colour").contains(0x0072B2);
    assertThat(dom.selectFirst("#verdict .v").text()).isEqualTo("Regression");
    assertThat(dom.select("#deltas tbody tr").first().select("td").get(8).text()).isEqualTo("regressed");
    assertThat(dom.select("script, img, [onerror]")).as("the browser parsed no markup of the model's").isEmpty();
    assertThat(dom.select("table.flips.failing td.side pre").eachText())
        .contains(ComparisonHtmlWriterTest.HOSTILE_OUTPUT);
  }

  private void screenshot(Path html, Path png) throws IOException, InterruptedException {
    chromium("--screenshot=" + png, html.toUri().toString());
    assertThat(png).as("screenshot written; Chromium said: %s", Files.readString(temp.resolve("chromium.log")))
        .exists();
  }

  /** Runs headless Chromium with networking features off; returns what it printed on stdout. */
  private String chromium(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
        "--force-color-profile=srgb", "--user-data-dir=" + temp.resolve("profile"),
        "--window-size=" + WIDTH + "," + HEIGHT));
    command.addAll(List.of(arguments));
    Path stdout = temp.resolve("chromium.out");
    Process chromium = new ProcessBuilder(command).redirectOutput(stdout.toFile())
        .redirectError(temp.resolve("chromium.log").toFile()).start();
    boolean exited = chromium.waitFor(120, TimeUnit.SECONDS);
    if (!exited) chromium.destroyForcibly();
    assertThat(exited).as("Chromium finished").isTrue();
    return Files.readString(stdout);
  }

  private static Set<Integer> colours(BufferedImage image) {
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 2)
      for (int x = 0; x < image.getWidth(); x += 2) colours.add(image.getRGB(x, y) & 0xFFFFFF);
    return colours;
  }
}
