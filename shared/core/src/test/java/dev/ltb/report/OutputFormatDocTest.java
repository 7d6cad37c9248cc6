package dev.ltb.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.aggregate.Estimate;
import dev.ltb.aggregate.GroupSummary;
import dev.ltb.aggregate.LatencySummary;
import dev.ltb.aggregate.Proportion;
import dev.ltb.aggregate.RunSummary;
import dev.ltb.aggregate.Totals;
import dev.ltb.engine.ItemError;
import dev.ltb.engine.ItemResult;
import dev.ltb.evaluator.AssertionOutcome;
import dev.ltb.json.Json;
import dev.ltb.provider.TokenUsage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** docs/output-format.md is the contract readers rely on: it must name every field and column the code writes. */
class OutputFormatDocTest {

  private static final Path DOC = Path.of("../../docs/output-format.md");

  @ParameterizedTest
  @ValueSource(classes = {ItemResult.class, AssertionOutcome.class, ItemError.class, TokenUsage.class,
      RunSummary.class, Totals.class, GroupSummary.class, Proportion.class, Estimate.class, LatencySummary.class})
  void documentsEveryField(Class<? extends Record> type) throws IOException {
    String doc = Files.readString(DOC);
    List<String> fields = Arrays.stream(type.getRecordComponents()).map(component -> component.getName()).toList();

    assertThat(fields).allSatisfy(field -> assertThat(doc).as("%s.%s", type.getSimpleName(), field)
        .contains("`" + field + "`"));
  }

  @Test
  void listsTheCsvColumnsInOrder() throws IOException {
    String doc = Files.readString(DOC);
    String csvSection = doc.substring(doc.indexOf("## CSV"), doc.indexOf("## JUnit XML"));
    Matcher row = Pattern.compile("(?m)^\\| `([a-z_]+)` \\|").matcher(csvSection);
    List<String> documented = row.results().map(match -> match.group(1)).toList();

    assertThat(documented).containsExactlyElementsOf(
        CsvReportWriter.COLUMNS.stream().map(CsvReportWriter.Column::name).toList());
  }

  @Test
  void resultsAndSummariesWrittenBeforeJudgeCostExistedStillRead() throws IOException {
    String doc = Files.readString(DOC);
    String example = doc.substring(doc.indexOf("```\n{\"type\":\"result\"") + 4);
    List<String> lines = example.substring(0, example.indexOf("```")).lines()
        .map(line -> line.replaceAll(",\"judgeCostUsd\":0\\.0", "")).toList();

    ItemResult result = Json.mapper().treeToValue(Json.mapper().readTree(lines.getFirst()), ItemResult.class);
    RunSummary summary = Json.mapper().readValue(lines.get(2), RunSummary.class);

    assertThat(lines.getFirst()).doesNotContain("judgeCostUsd");
    assertThat(result.judgeCostUsd()).isZero();
    assertThat(result.costUsd()).isEqualTo(1.335E-5);
    assertThat(summary.totals().judgeCostUsd()).isZero();
    assertThat(summary.totals().costUsd()).isEqualTo(0.00248745);
  }

  @Test
  void jsonlExampleReadsAsResultsThenSummary() throws IOException {
    String doc = Files.readString(DOC);
    String example = doc.substring(doc.indexOf("```\n{\"type\":\"result\"") + 4);
    List<String> lines = example.substring(0, example.indexOf("```")).lines().toList();

    assertThat(lines).hasSize(3);
    for (String line : lines.subList(0, 2)) {
      JsonNode json = Json.mapper().readTree(line);
      assertThat(json.get("type").asText()).isEqualTo("result");
      assertThat(Json.mapper().treeToValue(json, ItemResult.class).itemId()).isNotBlank();
    }
    RunSummary summary = Json.mapper().readValue(lines.get(2), RunSummary.class);
    assertThat(summary.formatVersion()).isEqualTo(RunSummary.FORMAT_VERSION);
    assertThat(summary.groups()).hasSize(1);
  }
}
