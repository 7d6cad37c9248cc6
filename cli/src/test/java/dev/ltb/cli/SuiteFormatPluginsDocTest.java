package dev.ltb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin examples of docs/suite-format.md (marked {@code <!-- plugins -->}; the core's SuiteFormatDocTest
 * has no plugin host) run with {@code ltb run} and the bundled plugins.
 */
class SuiteFormatPluginsDocTest {

  private static final Path DOC = Path.of("../docs/suite-format.md");

  @TempDir Path dir;

  @Test
  void everyPluginExampleRuns() throws IOException {
    List<String> examples = examples(Files.readAllLines(DOC));
    assertThat(examples).hasSize(2);

    for (int i = 0; i < examples.size(); i++) {
      Path suite = dir.resolve("example-" + i + ".yaml");
      Files.writeString(suite, examples.get(i));

      var run = new CliRunner(dir.resolve("history.db")).run("run", suite.toString(), "--no-progress", "--min-pass-rate", "0");

      assertThat(run.exitCode()).as(examples.get(i) + run.out() + run.err()).isZero();
      assertThat(run.out()).contains("0 errors").containsPattern("Run \\S+: COMPLETED");
    }
  }

  private static List<String> examples(List<String> lines) {
    List<String> examples = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).strip().equals("<!-- plugins -->")) continue;
      StringBuilder text = new StringBuilder();
      int line = i + 2;
      while (!lines.get(line).startsWith("```")) text.append(lines.get(line++)).append('\n');
      examples.add(text.toString());
    }
    return examples;
  }
}
