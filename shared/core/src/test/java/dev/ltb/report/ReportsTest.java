package dev.ltb.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ltb.testkit.SampleRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReportsTest {

  private final SampleRuns.SampleRun run = SampleRuns.threeProviders();

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(ReportFormat.class)
  void writesTheFormatOfTheExtensionAndLeavesNoPartialFile(ReportFormat format) throws Exception {
    Path file = dir.resolve("nested/run." + format.extension());

    assertThat(Reports.write(file, run.summary(), run::forEach)).isEqualTo(format);

    assertThat(file).isNotEmptyFile();
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void replacesAnOlderFile() throws Exception {
    Path file = dir.resolve("results.jsonl");
    Files.writeString(file, "old");

    Reports.write(file, run.summary(), run::forEach);

    assertThat(Files.readAllLines(file)).hasSize(73);
  }

  @Test
  void unknownExtensionWritesNothing() {
    assertThatThrownBy(() -> Reports.write(dir.resolve("report.pdf"), run.summary(), run::forEach))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'report.pdf'");
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void aFailingSourceLeavesNeitherReportNorPartialFile() {
    ResultSource failing = action -> {
      action.accept(run.results().getFirst());
      throw new IllegalStateException("history closed");
    };

    assertThatThrownBy(() -> Reports.write(dir.resolve("results.csv"), run.summary(), failing))
        .hasMessage("history closed");
    assertThat(dir).isEmptyDirectory();
  }
}
