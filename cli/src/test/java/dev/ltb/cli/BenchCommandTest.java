package dev.ltb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ltb bench} against its mock server, and the AOT training workload bin/ltb runs (which includes it). */
class BenchCommandTest {

  @TempDir Path dir;

  @Test
  void benchRunsEveryItemOverHttpAndReportsTheFigures() throws IOException {
    var result =
        new CliRunner(dir.resolve("unused.db"))
            .run("bench", "--items", "60", "--warmup", "0", "--delay-ms", "5", "--work-dir", dir.toString());

    assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
    assertThat(result.out())
        .contains("items            60 (60 passed, 0 errors)")
        .contains("I/O bound        4000.0 items/s (concurrency 20 / 5 ms)")
        .containsPattern("CPU per item     \\d+\\.\\d{3} ms")
        .containsPattern("  of which JIT   \\d+\\.\\d{3} ms")
        .containsPattern("peak RSS         \\d+\\.\\d MB");
    assertThat(Files.readAllLines(dir.resolve("results.jsonl")))
        .hasSize(61) // one line per item, then the summary
        .filteredOn(line -> line.contains("\"itemId\"")).hasSize(60);
  }

  @Test
  void aotTrainingRunsTheQuickstartAndABenchThenLeavesNothingBehind() throws IOException {
    Path temp = Path.of(System.getProperty("java.io.tmpdir"));

    var result = new CliRunner(dir.resolve("unused.db")).run("aot-training", QuickstartTest.QUICKSTART.toString());

    assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
    try (Stream<Path> left = Files.list(temp)) {
      assertThat(left.filter(path -> path.getFileName().toString().startsWith("ltb-aot-training"))).isEmpty();
    }
  }
}
