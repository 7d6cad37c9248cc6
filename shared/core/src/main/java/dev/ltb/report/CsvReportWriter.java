package dev.ltb.report;

import dev.ltb.aggregate.RunSummary;
import dev.ltb.engine.ItemResult;
import dev.ltb.json.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * One RFC 4180 row per item (UTF-8, CRLF, a header row). Numbers are plain decimals with a dot; an unknown
 * cost and a missing error are empty cells; {@code vars} and {@code named_scores} are JSON objects.
 */
public final class CsvReportWriter implements ReportWriter {

  /** The columns, in order; their names are part of the documented format. */
  public static final List<Column> COLUMNS =
      List.of(
          new Column("run_id", ItemResult::runId),
          new Column("item_id", ItemResult::itemId),
          new Column("test_index", result -> result.testIndex()),
          new Column("test", ItemResult::testDescription),
          new Column("prompt_id", ItemResult::promptId),
          new Column("prompt", ItemResult::promptLabel),
          new Column("provider_id", ItemResult::providerId),
          new Column("provider", ItemResult::providerLabel),
          new Column("repeat", result -> result.repeatIndex()),
          new Column("status", ItemResult::status),
          new Column("score", result -> plain(result.score())),
          new Column("reason", ItemResult::reason),
          new Column("latency_ms", result -> result.latencyMs()),
          new Column("tokens_in", result -> result.tokens().input()),
          new Column("tokens_out", result -> result.tokens().output()),
          new Column("cost_usd", result -> result.costUsd() == null ? null : plain(result.costUsd())),
          new Column("error_kind", result -> result.error() == null ? null : result.error().kind()),
          new Column("error_message", result -> result.error() == null ? null : result.error().message()),
          new Column("output", ItemResult::output),
          new Column("vars", result -> json(result.vars())),
          new Column("named_scores", result -> json(result.namedScores())),
          new Column("judge_cost_usd", result -> plain(result.judgeCostUsd())));

  /** A CSV column: its header and how a result fills it (null leaves the cell empty). */
  public record Column(String name, Function<ItemResult, Object> value) {}

  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setHeader(COLUMNS.stream().map(Column::name).toArray(String[]::new)).get();

  @Override
  public void write(RunSummary summary, ResultSource results, OutputStream out) throws IOException {
    var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    CSVPrinter csv = new CSVPrinter(writer, FORMAT); // not closed: that would close the caller's stream
    try {
      results.forEach(result -> printRow(csv, result));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    csv.flush();
  }

  private static void printRow(CSVPrinter csv, ItemResult result) {
    try {
      for (Column column : COLUMNS) csv.print(column.value().apply(result));
      csv.println();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code 0.000015}, not {@code 1.5E-5}: spreadsheets and scripts read it the same everywhere. */
  static String plain(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) return null;
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  private static String json(Map<String, ?> map) {
    return Json.write(map);
  }
}
