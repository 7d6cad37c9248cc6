package dev.ltb.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ltb.engine.ItemResult;
import dev.ltb.engine.ItemStatus;
import dev.ltb.json.Json;
import dev.ltb.testkit.SampleRuns;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvReportWriterTest {

  private final SampleRuns.SampleRun run = SampleRuns.threeProviders();

  @Test
  void headerNamesTheDocumentedColumns() throws Exception {
    String csv = write(run.results());

    assertThat(csv.lines().findFirst().orElseThrow())
        .isEqualTo(
            "run_id,item_id,test_index,test,prompt_id,prompt,provider_id,provider,repeat,status,score,reason,"
                + "latency_ms,tokens_in,tokens_out,cost_usd,error_kind,error_message,output,vars,named_scores,judge_cost_usd");
  }

  @Test
  void writesOneRowPerResultWithPlainNumbers() throws Exception {
    List<CSVRecord> rows = parse(write(run.results()));

    assertThat(rows).hasSize(72);
    ItemResult first = run.results().getFirst();
    CSVRecord row = rows.getFirst();
    assertThat(row.get("item_id")).isEqualTo("t000000-p0-m0-r0");
    assertThat(row.get("test")).isEqualTo("capital of France");
    assertThat(row.get("provider")).isEqualTo("gpt-4o-mini");
    assertThat(row.get("provider_id")).isEqualTo("openai:chat:gpt-4o-mini");
    assertThat(row.get("status")).isEqualTo(first.status().name());
    assertThat(Double.parseDouble(row.get("score"))).isEqualTo(first.score());
    assertThat(row.get("latency_ms")).isEqualTo(Long.toString(first.latencyMs()));
    assertThat(row.get("tokens_in")).isEqualTo(Long.toString(first.tokens().input()));
    assertThat(row.get("cost_usd")).doesNotContain("E").startsWith("0.0000");
    assertThat(Double.parseDouble(row.get("cost_usd"))).isEqualTo(first.costUsd());
    assertThat(row.get("error_kind")).isEmpty();
    assertThat(Json.mapper().readValue(row.get("vars"), Map.class))
        .isEqualTo(Map.of("country", "France", "capital", "Paris"));
    assertThat(Json.mapper().readValue(row.get("named_scores"), Map.class)).containsKeys("accuracy", "relevance");
  }

  @Test
  void unknownCostIsAnEmptyCellAndErrorsNameTheirKind() throws Exception {
    List<CSVRecord> rows = parse(write(run.results()));

    assertThat(rows.get(2).get("provider")).isEqualTo("llama3.1-8b (local)");
    assertThat(rows.get(2).get("cost_usd")).isEmpty();
    CSVRecord error = rows.stream().filter(row -> row.get("status").equals("ERROR")).findFirst().orElseThrow();
    assertThat(error.get("error_kind")).isIn("rate-limited", "timeout");
    assertThat(error.get("error_message")).isNotBlank();
    assertThat(error.get("output")).isEmpty();
  }

  @Test
  void outputWithSeparatorsQuotesAndLineBreaksReadsBackUnchanged() throws Exception {
    String output = "Paris, \"the City of Light\";\nsecond line\r\n=1+1";
    ItemResult result = SampleRuns.withOutput(run.results().getFirst(), output);

    List<CSVRecord> rows = parse(write(List.of(result)));

    assertThat(rows).singleElement().satisfies(row -> assertThat(row.get("output")).isEqualTo(output));
  }

  @Test
  void errorRowsHaveAStatusOfError() throws Exception {
    long errors = run.results().stream().filter(result -> result.status() == ItemStatus.ERROR).count();
    assertThat(parse(write(run.results())).stream().filter(row -> row.get("status").equals("ERROR")))
        .hasSize((int) errors);
  }

  private String write(List<ItemResult> results) throws Exception {
    var out = new ByteArrayOutputStream();
    new CsvReportWriter().write(run.summary(), ResultSource.of(results), out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static List<CSVRecord> parse(String csv) throws Exception {
    return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))
        .getRecords();
  }
}
