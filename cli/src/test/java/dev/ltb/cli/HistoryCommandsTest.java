package dev.ltb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** list, show and export read the SQLite history that run wrote. */
class HistoryCommandsTest {

  @TempDir Path dir;

  private String runQuickstart(CliRunner ltb) {
    var result = ltb.run("run", QuickstartTest.QUICKSTART.toString(), "--no-progress", "--min-pass-rate", "0");
    Matcher id = Pattern.compile("Run (\\S+): COMPLETED").matcher(result.out());
    assertThat(id.find()).as(result.out() + result.err()).isTrue();
    return id.group(1);
  }

  @Test
  void listShowsRunsMostRecentFirst() {
    CliRunner ltb = new CliRunner(dir.resolve("h.db"));
    String first = runQuickstart(ltb);
    String second = runQuickstart(ltb);

    var list = ltb.run("list");
    assertThat(list.exitCode()).isZero();
    assertThat(list.out().indexOf(second)).isLessThan(list.out().indexOf(first));
    assertThat(list.out()).contains("COMPLETED", "65.1%", "126");
  }

  @Test
  void showPrintsTheSummaryAndFailuresByUniquePrefix() {
    CliRunner ltb = new CliRunner(dir.resolve("h.db"));
    String id = runQuickstart(ltb);

    var show = ltb.run("show", id.substring(0, 18));
    assertThat(show.exitCode()).as(show.err()).isZero();
    assertThat(show.out()).contains("Run " + id, "Status: COMPLETED", "Failures:", "weak-model", "... and ");
  }

  @Test
  void exportWritesAnyFormatAgain() throws Exception {
    CliRunner ltb = new CliRunner(dir.resolve("h.db"));
    String id = runQuickstart(ltb);
    Path csv = dir.resolve("results.csv");

    var export = ltb.run("export", id, "-o", csv.toString());
    assertThat(export.exitCode()).as(export.err()).isZero();
    assertThat(Files.readAllLines(csv)).hasSize(127);
  }

  @Test
  void unknownRunsAndFormatsAreInvalidInput() {
    CliRunner ltb = new CliRunner(dir.resolve("h.db"));
    var show = ltb.run("show", "nope");
    assertThat(show.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(show.err()).contains("No run \"nope\"", "ltb list");

    var run = ltb.run("run", QuickstartTest.QUICKSTART.toString(), "-o", dir.resolve("x.pdf").toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(run.err()).contains("x.pdf");
  }
}
