package dev.ltb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ltb compare} flags a significant regression with exit code 1; {@code ltb analyze} ranks models. */
class CompareAndAnalyzeTest {

  @TempDir Path dir;

  /** A suite of 30 questions answered by a scripted model that gets {@code wrong} of them wrong. */
  private Path suite(String name, int wrong) throws Exception {
    String tests =
        IntStream.range(0, 30)
            .mapToObj(i -> "  - vars: {q: \"question %d\"}\n    assert: [{type: equals, value: \"answer %d\"}]".formatted(i, i))
            .collect(Collectors.joining("\n"));
    String answers =
        IntStream.range(0, 30)
            .mapToObj(i -> "        \"question %d\": \"%s\"".formatted(i, i < wrong ? "no idea" : "answer " + i))
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
}
