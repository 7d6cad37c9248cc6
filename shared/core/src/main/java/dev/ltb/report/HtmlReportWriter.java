package dev.ltb.report;

import dev.ltb.aggregate.RunSummary;
import dev.ltb.report.html.HtmlPage;
import dev.ltb.report.html.ReportData;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

/**
 * The self-contained HTML report: totals, charts, the summary table and a filterable results table. It keeps
 * histograms and at most {@code maxRows} table rows (failures and errors first), and says how many it left out.
 */
public final class HtmlReportWriter implements ReportWriter {

  public static final int DEFAULT_MAX_ROWS = 2_000;

  private final int maxRows;

  public HtmlReportWriter() {
    this(DEFAULT_MAX_ROWS);
  }

  public HtmlReportWriter(int maxRows) {
    if (maxRows < 0) throw new IllegalArgumentException("maxRows must be >= 0, was " + maxRows);
    this.maxRows = maxRows;
  }

  @Override
  public void write(RunSummary summary, ResultSource results, OutputStream out) throws IOException {
    var data = new ReportData(summary, maxRows);
    results.forEach(data::accept);
    var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    HtmlPage.write(data, writer);
  }
}
