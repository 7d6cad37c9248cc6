package dev.ltb.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.aggregate.RunSummary;
import dev.ltb.engine.ItemResult;
import dev.ltb.engine.ItemStatus;
import dev.ltb.json.Json;
import dev.ltb.testkit.SampleRuns;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReportWriterTest {

  private final SampleRuns.SampleRun run = SampleRuns.threeProviders();

  @Test
  void writesVersionThenSummaryThenEveryResult() throws Exception {
    JsonNode json = Json.mapper().readTree(write(run));

    assertThat(fieldNames(json)).containsExactly("formatVersion", "summary", "results");
    assertThat(json.get("formatVersion").asText()).isEqualTo("1");
    assertThat(json.at("/summary/runId").asText()).isEqualTo(SampleRuns.RUN_ID);
    assertThat(json.at("/summary/totals/items").asLong()).isEqualTo(72);
    assertThat(json.at("/summary/groups")).hasSize(3);
    assertThat(json.at("/summary/groups/0/providerLabel").asText()).isEqualTo("gpt-4o-mini");
    assertThat(json.at("/summary/startedAt").asText()).isEqualTo("2025-06-01T09:30:00Z");
    assertThat(json.get("results")).hasSize(72);
  }

  @Test
  void everyFieldReadsBackToTheSameRecords() throws Exception {
    JsonNode json = Json.mapper().readTree(write(run));

    assertThat(Json.mapper().treeToValue(json.get("summary"), RunSummary.class)).isEqualTo(run.summary());
    List<ItemResult> results = new ArrayList<>();
    for (JsonNode result : json.get("results")) results.add(Json.mapper().treeToValue(result, ItemResult.class));
    assertThat(results).isEqualTo(run.results());
  }

  @Test
  void unknownCostAndMissingErrorAreAbsentRatherThanNull() throws Exception {
    JsonNode json = Json.mapper().readTree(write(run));
    JsonNode localModel = json.at("/results/2");
    JsonNode error = findFirst(json.get("results"), ItemStatus.ERROR);

    assertThat(localModel.get("providerLabel").asText()).isEqualTo("llama3.1-8b (local)");
    assertThat(localModel.has("costUsd")).isFalse();
    assertThat(localModel.has("error")).isFalse();
    assertThat(error.at("/error/kind").asText()).isIn("rate-limited", "timeout");
    assertThat(error.get("output").asText()).isEmpty();
  }

  @Test
  void leavesTheCallersStreamOpen() throws Exception {
    var out = new CloseTrackingStream();
    new JsonReportWriter().write(run.summary(), run::forEach, out);
    assertThat(out.closed).isFalse();
    assertThat(out.toString()).endsWith("]}");
  }

  static String write(SampleRuns.SampleRun run) throws Exception {
    var out = new ByteArrayOutputStream();
    new JsonReportWriter().write(run.summary(), run::forEach, out);
    return out.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static JsonNode findFirst(JsonNode results, ItemStatus status) {
    for (JsonNode result : results) if (result.get("status").asText().equals(status.name())) return result;
    throw new AssertionError("no " + status + " result in the sample");
  }

  /** Remembers whether a writer closed the stream it was given. */
  static final class CloseTrackingStream extends ByteArrayOutputStream {
    boolean closed;

    @Override
    public void close() {
      closed = true;
    }
  }
}
