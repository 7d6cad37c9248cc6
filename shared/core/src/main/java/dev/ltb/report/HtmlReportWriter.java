package dev.ltb.report;

import dev.ltb.aggregate.RunSummary;
import dev.ltb.analysis.Analysis;
import dev.ltb.analysis.AnalysisOptions;
import dev.ltb.analysis.Analyzer;
import dev.ltb.analysis.PairedSamples;
import dev.ltb.analysis.TrafficProfile;
import dev.ltb.report.html.Format;
import dev.ltb.report.html.HtmlPage;
import dev.ltb.report.html.ReportData;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The self-contained HTML report: totals, charts, the summary table, the analysis tables of {@code ltb analyze}
 * (ranking, paired tests, cost optimizer, router) and a filterable results table. It keeps histograms and at
 * most {@code maxRows} table rows (failures and errors first), and says how many it left out.
 *
 * <p>The analysis keeps a few numbers per item and bootstraps every interval, which takes seconds per ten
 * thousand items; runs larger than {@code maxAnalysisItems} get a note pointing at {@code ltb analyze} instead.
 */
public final class HtmlReportWriter implements ReportWriter {

  public static final int DEFAULT_MAX_ROWS = 2_000;
  public static final long DEFAULT_MAX_ANALYSIS_ITEMS = 20_000;

  private final int maxRows;
  private final AnalysisOptions analysisOptions;
  private final TrafficProfile traffic;
  private final long maxAnalysisItems;

  public HtmlReportWriter() {
    this(DEFAULT_MAX_ROWS);
  }

  public HtmlReportWriter(int maxRows) {
    this(maxRows, AnalysisOptions.defaults(), null, DEFAULT_MAX_ANALYSIS_ITEMS);
  }

  /**
   * @param analysisOptions how the analysis tables are computed
   * @param traffic the traffic profile of the cost optimizer's projection; null leaves the optimizer out
   * @param maxAnalysisItems the largest run that gets the analysis tables ({@link Long#MAX_VALUE}: every run)
   */
  public HtmlReportWriter(int maxRows, AnalysisOptions analysisOptions, TrafficProfile traffic, long maxAnalysisItems) {
    if (maxRows < 0) throw new IllegalArgumentException("maxRows must be >= 0, was " + maxRows);
    if (maxAnalysisItems < 0)
      throw new IllegalArgumentException("maxAnalysisItems must be >= 0, was " + maxAnalysisItems);
    this.maxRows = maxRows;
    this.analysisOptions = Objects.requireNonNull(analysisOptions, "analysisOptions");
    this.traffic = traffic;
    this.maxAnalysisItems = maxAnalysisItems;
  }

  @Override
  public void write(RunSummary summary, ResultSource results, OutputStream out) throws IOException {
    var data = new ReportData(summary, maxRows);
    long items = summary.totals() == null ? 0 : summary.totals().items();
    boolean analyse = items <= maxAnalysisItems;
    PairedSamples samples = PairedSamples.withinRun();
    results.forEach(
        result -> {
          data.accept(result);
          if (analyse) samples.accept(result);
        });
    Analysis analysis = analyse && samples.size() > 0 ? Analyzer.analyze(samples, analysisOptions, traffic) : null;
    String leftOut =
        analyse
            ? null
            : "The analysis tables (ranking, paired tests, cost optimizer) are left out of reports of runs with more "
                + "than " + Format.count(maxAnalysisItems) + " items, since their bootstrap intervals take seconds "
                + "per ten thousand items. Run: ltb analyze " + summary.runId() + " -o report.html";
    var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    HtmlPage.write(data, analysis, leftOut, writer);
  }
}
