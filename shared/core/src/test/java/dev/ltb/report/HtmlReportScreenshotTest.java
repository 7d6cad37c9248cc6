package dev.ltb.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
