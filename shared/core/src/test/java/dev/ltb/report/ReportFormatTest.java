package dev.ltb.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReportFormatTest {

  @ParameterizedTest
  @CsvSource({
    "results.json, JSON",
    "out/results.jsonl, JSONL",
    "results.csv, CSV",
    "junit.xml, JUNIT_XML",
    "report.html, HTML",
    "REPORT.HTML, HTML",
    "run.2025-06-01.jsonl, JSONL"
  })
  void extensionChoosesTheFormat(String file, ReportFormat expected) {
    assertThat(ReportFormat.forFile(Path.of(file))).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"report.txt", "report", "results.json.gz", "report.htm"})
  void unknownExtensionNamesTheSupportedOnes(String file) {
    assertThatThrownBy(() -> ReportFormat.forFile(Path.of(file)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot tell the output format of '" + file + "' from its extension; use one of .json, .jsonl, .csv, "
                + ".xml (JUnit), .html");
  }
}
