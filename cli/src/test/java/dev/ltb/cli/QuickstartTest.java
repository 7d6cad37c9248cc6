package dev.ltb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command: the quickstart runs offline, prints a table, writes reports, exits as documented. */
class QuickstartTest {

  static final Path QUICKSTART = Path.of("..", "examples", "quickstart", "suite.yaml");

  @TempDir Path dir;

  @Test
  void runsTheQuickstartPrintsATableAndWritesEveryReport() throws IOException {
    CliRunner ltb = new CliRunner(dir.resolve("history.db"));
    Path html = dir.resolve("out/report.html");
    Path jsonl = dir.resolve("out/results.jsonl");
    Path junit = dir.resolve("out/junit.xml");

    var result = ltb.run("run", QUICKSTART.toString(), "-o", html.toString(), "-o", jsonl.toString(), "-o",
        junit.toString(), "--min-pass-rate", "0.6", "--no-progress");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
    assertThat(result.out())
        .contains("Provider", "Pass rate (95% CI)", "strong-model", "medium-model", "weak-model")
        .contains("Total: 126 items")
        .containsPattern("Run \\d{8}-\\d{6}-[0-9a-f]{6}: COMPLETED")
        .contains("Wrote " + html);

    List<String> lines = Files.readAllLines(jsonl);
    assertThat(lines).hasSize(127);
    JsonNode summary = Json.mapper().readTree(lines.getLast());
    assertThat(summary.path("type").asText()).isEqualTo("summary");

    Document report = Jsoup.parse(html.toFile());
    assertThat(report.text()).contains("strong-model", "weak-model", "Pass rate");
    assertThat(Files.readString(junit)).contains("<testsuite", "strong-model");
  }

  @Test
  void exitsWithOneWhenThePassRateIsBelowTheGate() {
    var result = new CliRunner(dir.resolve("history.db")).run("run", QUICKSTART.toString(), "--no-progress");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.TESTS_FAILED);
    assertThat(result.out()).contains("is below the required 100.0%");
  }

  @Test
  void strongModelPassesEverythingAndWeakModelFailsMost() {
    var result =
        new CliRunner(dir.resolve("history.db")).run("run", QUICKSTART.toString(), "--no-progress", "--min-pass-rate", "0");

    assertThat(result.out()).containsPattern("strong-model\\s+Concise answer\\s+21\\s+0\\s+0\\s+100\\.0%");
    assertThat(result.out()).containsPattern("weak-model\\s+Concise answer\\s+4\\s+17\\s+0");
  }
}
