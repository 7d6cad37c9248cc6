package dev.ltb.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ltb.engine.ItemResult;
import dev.ltb.engine.ItemStatus;
import dev.ltb.testkit.SampleRuns;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportDataTest {

  private final SampleRuns.SampleRun run = SampleRuns.threeProviders();

  @Test
  void keepsEveryRowInStreamOrderWhenThereIsRoom() {
    ReportData data = feed(100);

    assertThat(data.rows()).extracting(ResultRow::itemId)
        .containsExactlyElementsOf(run.results().stream().map(ItemResult::itemId).toList());
    assertThat(data.rowsLeftOut()).isZero();
  }

  @Test
  void latePassesGiveWayToFailuresAndErrors() {
    long problems = run.results().stream().filter(result -> !result.passed()).count();
    int maxRows = (int) problems + 5;

    ReportData data = feed(maxRows);

    List<ResultRow> rows = data.rows();
    assertThat(rows).hasSize(maxRows);
    assertThat(rows).filteredOn(row -> row.status() != ItemStatus.PASS).hasSize((int) problems);
    List<String> firstPasses = run.results().stream().filter(ItemResult::passed).limit(5).map(ItemResult::itemId)
        .toList();
    assertThat(rows).filteredOn(row -> row.status() == ItemStatus.PASS).extracting(ResultRow::itemId)
        .containsExactlyElementsOf(firstPasses);
    assertThat(data.rowsLeftOut()).isEqualTo(72 - maxRows);
  }

  @Test
  void histogramsCountJudgedItemsOnly() {
    ReportData data = feed(0);

    for (ReportGroup group : data.groups()) {
      long judged = group.summary().items() - group.summary().errors();
      assertThat(group.scores().total()).as(group.label()).isEqualTo(judged);
      assertThat(group.latencyMs().total()).as(group.label()).isEqualTo(judged);
    }
    assertThat(data.rows()).isEmpty();
  }

  @Test
  void longOutputsAreCutButRememberTheirLength() {
    String output = "x".repeat(ReportData.MAX_OUTPUT_CHARS + 10);
    var data = new ReportData(run.summary(), 10);

    data.accept(SampleRuns.withOutput(run.results().getFirst(), output));

    ResultRow row = data.rows().getFirst();
    assertThat(row.output()).hasSize(ReportData.MAX_OUTPUT_CHARS);
    assertThat(row.outputChars()).isEqualTo(ReportData.MAX_OUTPUT_CHARS + 10);
  }

  @Test
  void groupsFollowTheSummaryAndCarryProviderColours() {
    ReportData data = feed(0);

    assertThat(data.groups()).extracting(ReportGroup::id, ReportGroup::label, ReportGroup::colour)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("g0", "gpt-4o-mini", "#0072B2"),
            org.assertj.core.groups.Tuple.tuple("g1", "claude-3.5-haiku", "#E69F00"),
            org.assertj.core.groups.Tuple.tuple("g2", "llama3.1-8b (local)", "#009E73"));
    assertThat(data.groups().get(2).costPerItem()).isNull();
    assertThat(data.groups().getFirst().costPerItem()).isPositive();
  }

  private ReportData feed(int maxRows) {
    var data = new ReportData(run.summary(), maxRows);
    run.forEach(data::accept);
    return data;
  }
}
