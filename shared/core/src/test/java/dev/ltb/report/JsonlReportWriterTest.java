package dev.ltb.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.aggregate.RunSummary;
import dev.ltb.engine.ItemResult;
import dev.ltb.json.Json;
import dev.ltb.testkit.SampleRuns;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonlReportWriterTest {

  private final SampleRuns.SampleRun run = SampleRuns.threeProviders();

  @Test
  void writesOneResultLinePerItemThenTheSummaryLine() throws Exception {
    List<String> lines = write(run.summary(), run.results()).lines().toList();

    assertThat(lines).hasSize(73);
    for (String line : lines.subList(0, 72))
      assertThat(Json.mapper().readTree(line).get("type").asText()).isEqualTo("result");
    JsonNode summary = Json.mapper().readTree(lines.get(72));
    assertThat(summary.get("type").asText()).isEqualTo("summary");
    assertThat(summary.get("formatVersion").asText()).isEqualTo("1");
    assertThat(summary.at("/totals/items").asLong()).isEqualTo(72);
  }

  @Test
  void linesReadBackToTheSameRecords() throws Exception {
    List<String> lines = write(run.summary(), run.results()).lines().toList();

    List<ItemResult> results = new ArrayList<>();
    for (String line : lines.subList(0, 72)) results.add(Json.mapper().readValue(line, ItemResult.class));
    assertThat(results).isEqualTo(run.results());
    assertThat(Json.mapper().readValue(lines.get(72), RunSummary.class)).isEqualTo(run.summary());
  }

  @Test
  void multiLineOutputStaysOnOneLine() throws Exception {
    String output = "Line one\nLine two\r\n\t\"quoted\" \u2028 end";
    ItemResult result = SampleRuns.withOutput(run.results().getFirst(), output);

    List<String> lines = write(run.summary(), List.of(result)).lines().toList();

    assertThat(lines).hasSize(2);
    assertThat(Json.mapper().readTree(lines.getFirst()).get("output").asText()).isEqualTo(output);
  }

  @Test
  void aRunWithoutResultsIsJustTheSummaryLine() throws Exception {
    String text = write(run.summary(), List.of());
    assertThat(text).endsWith("\n");
    assertThat(text.lines()).singleElement().satisfies(line -> assertThat(line).startsWith("{\"type\":\"summary\""));
  }

  private static String write(RunSummary summary, List<ItemResult> results) throws Exception {
    var out = new ByteArrayOutputStream();
    new JsonlReportWriter().write(summary, ResultSource.of(results), out);
    return out.toString(StandardCharsets.UTF_8);
  }
}
