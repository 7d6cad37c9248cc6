package dev.ltb.report.html;

import static dev.ltb.report.html.Html.escape;

import dev.ltb.aggregate.Estimate;
import dev.ltb.analysis.Analysis;
import dev.ltb.aggregate.GroupSummary;
import dev.ltb.aggregate.LatencySummary;
import dev.ltb.aggregate.RunSummary;
import dev.ltb.aggregate.Totals;
import dev.ltb.engine.ItemStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Writes the report as one HTML file that needs nothing else: styles, charts (inline SVG) and the small
 * filter script are inside. Its Content-Security-Policy forbids every network request and allows only the
 * report's own script (by hash), so even a mistake in escaping could not load or run anything.
 */
public final class HtmlPage {

  static final String CSS = resource("report.css");
  private static final String SCRIPT = resource("report.js");
  private static final String CONTENT_SECURITY_POLICY =
      ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-%s'; base-uri 'none'; "
              + "form-action 'none'")
          .formatted(sha256(SCRIPT));
  private static final int EXCERPT_CHARS = 140;

  private final ReportData data;
  private final RunSummary summary;
  private final Analysis analysis;
  private final String analysisLeftOut;
  private final Writer out;

  private HtmlPage(ReportData data, Analysis analysis, String analysisLeftOut, Writer out) {
    this.data = data;
    this.summary = data.summary();
    this.analysis = analysis;
    this.analysisLeftOut = analysisLeftOut;
    this.out = out;
  }

  /** The report without the analysis section. */
  public static void write(ReportData data, Writer out) throws IOException {
    write(data, null, null, out);
  }

  /**
   * The report with the analysis tables of {@code analysis}; when it is null and {@code analysisLeftOut} is not,
   * the section says that instead.
   */
  public static void write(ReportData data, Analysis analysis, String analysisLeftOut, Writer out)
      throws IOException {
    new HtmlPage(data, analysis, analysisLeftOut, out).document();
    out.flush();
  }

  private void document() throws IOException {
    String title = summary.description() == null || summary.description().isBlank()
        ? "Run " + summary.runId()
        : summary.description();
    w("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    w("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    w("<meta http-equiv=\"Content-Security-Policy\" content=\"" + escape(CONTENT_SECURITY_POLICY) + "\">\n");
    w("<meta name=\"generator\" content=\"LLM Test Bench\">\n");
    w("<title>" + escape(title) + " · LLM Test Bench</title>\n");
    w("<style>\n" + CSS + "</style>\n</head>\n<body>\n<main>\n");
    header(title);
    kpis();
    charts();
    summaryTable();
    analysis();
    results();
    footer();
    w("</main>\n<script>" + SCRIPT + "</script>\n</body>\n</html>\n");
  }

  private void header(String title) throws IOException {
    w("<header>\n<div class=\"eyebrow\">LLM Test Bench · run report</div>\n");
    w("<h1>" + escape(title) + "</h1>\n<p class=\"meta\">Run <code>" + escape(summary.runId()) + "</code>");
    w(" · started " + escape(Format.instant(summary.startedAt())));
    if (summary.finishedAt() != null) w(" · finished " + escape(Format.instant(summary.finishedAt())));
    w("</p>\n</header>\n");
  }

  private void kpis() throws IOException {
    Totals totals = summary.totals();
    if (totals == null) return;
    long providers = summary.groups().stream().map(GroupSummary::providerIndex).distinct().count();
    long prompts = summary.groups().stream().map(GroupSummary::promptId).distinct().count();
    Map<String, Long> errorsByKind = errorsByKind(summary.groups());
    w("<section class=\"kpis\" aria-label=\"Totals\">\n");
    kpi("Pass rate", Format.percent(totals.passRate()),
        Format.count(totals.passed()) + " of " + Format.count(totals.items()) + " items passed");
    kpi("Failed", Format.count(totals.failed()),
        totals.items() == 0 ? "no items" : Format.percent(totals.failed() / (double) totals.items()) + " of items");
    kpi("Errors", Format.count(totals.errors()), errorsByKind.isEmpty() ? "no provider errors" : kinds(errorsByKind));
    kpi("Tokens", Format.count(totals.tokens().total()),
        "in " + Format.count(totals.tokens().input()) + " · out " + Format.count(totals.tokens().output()));
    String judges = totals.judgeCostUsd() > 0 ? "incl. " + Format.usd(totals.judgeCostUsd()) + " judges · " : "";
    kpi("Cost", Format.usd(totals.totalCostUsd()),
        judges + (totals.costUnknownItems() == 0
            ? "all items priced"
            : "+ " + Format.count(totals.costUnknownItems()) + " items of unknown cost"));
    kpi("Duration", Format.duration(Duration.ofMillis(totals.durationMs())),
        plural(providers, "provider") + " · " + plural(prompts, "prompt"));
    w("</section>\n");
  }

  private void kpi(String name, String value, String detail) throws IOException {
    w("<div class=\"kpi\"><div class=\"k\">" + escape(name) + "</div><div class=\"v\">" + escape(value)
        + "</div><div class=\"s\">" + escape(detail) + "</div></div>\n");
  }

  private void charts() throws IOException {
    List<ReportGroup> groups = data.summarizedGroups();
    if (groups.isEmpty()) return;
    w("<section class=\"charts\">\n");
    figure("chart-pass-rate", "Pass rate",
        "Share of items that passed; errors count as not passed. Whiskers: 95% Wilson interval.",
        PassRateChart.render(groups));
    figure("chart-cost-quality", "Cost vs quality",
        "Mean cost per item against pass rate. Hollow points in the left lane: cost unknown; dashed ring: "
            + "cost known for only some items.",
        CostQualityChart.render(groups));
    figure("chart-scores", "Score distribution",
        "Share of judged items per score band (errors excluded); the line marks the mean score.",
        ScoreDistributionChart.render(groups));
    figure("chart-latency", "Latency",
        "Calls per latency band (errors excluded), on one time axis; p50, p95 and p99 are marked. The faded "
            + "last bar counts calls slower than the axis.",
        LatencyChart.render(groups));
    w("</section>\n");
  }

  private void figure(String id, String title, String caption, String svg) throws IOException {
    w("<figure id=\"" + id + "\">\n<h2>" + escape(title) + "</h2>\n<p class=\"caption\">" + escape(caption) + "</p>\n");
    w(svg);
    w("\n</figure>\n");
  }

  private void summaryTable() throws IOException {
    w("<section class=\"card\" id=\"summary\">\n<h2>Summary</h2>\n");
    w("<p class=\"caption\">Per provider and prompt. Intervals are 95% confidence intervals (Wilson for rates, "
        + "Student's t for means); latency covers successful calls.</p>\n");
    if (summary.groups().isEmpty()) {
      w("<p class=\"empty\">No results.</p>\n</section>\n");
      return;
    }
    String firstColumn = data.onePrompt() ? "Provider" : "Provider · prompt";
    w("<div class=\"table-wrap\"><table>\n<thead><tr><th>" + firstColumn + "</th>");
    w("<th class=\"num\">Items</th><th class=\"num\">Pass rate</th><th class=\"num\">Mean score</th><th>Metrics</th>"
        + "<th class=\"num\">Latency</th><th class=\"num\">Tokens</th>"
        + "<th class=\"num\">Cost</th><th>Errors</th></tr></thead>\n<tbody>\n");
    for (ReportGroup group : data.summarizedGroups()) summaryRow(group);
    w("</tbody>\n</table></div>\n</section>\n");
  }

  private void summaryRow(ReportGroup group) throws IOException {
    GroupSummary row = group.summary();
    w("<tr><td><span class=\"swatch " + group.colourClass() + "\"></span>" + escape(group.providerLabel()));
    if (group.showPrompt()) w("<div class=\"prompt\">" + escape(row.promptLabel()) + "</div>");
    if (!row.providerId().equals(group.providerLabel()))
      w("<div class=\"sub mono\">" + escape(row.providerId()) + "</div>");
    w("</td>");
    w("<td class=\"num\">" + Format.count(row.items()) + "</td>");
    w("<td class=\"num\">" + escape(Format.percent(row.passRate().rate())) + "<div class=\"ci\">"
        + escape(Format.percentInterval(row.passRate().ciLow(), row.passRate().ciHigh())) + "</div></td>");
    w("<td class=\"num\">" + estimate(row.score()) + "</td>");
    w("<td>");
    if (row.metrics().isEmpty()) w("<span class=\"empty\">none</span>");
    else {
      w("<ul class=\"plain\">");
      for (var metric : row.metrics().entrySet())
        w("<li>" + escape(metric.getKey()) + " <b>" + escape(Format.score(metric.getValue().mean()))
            + "</b> <span class=\"ci\">"
            + escape(Format.scoreInterval(metric.getValue().ciLow(), metric.getValue().ciHigh())) + "</span></li>");
      w("</ul>");
    }
    w("</td>");
    LatencySummary latency = row.latencyMs();
    if (latency == null || latency.n() == 0) w("<td class=\"num\">–</td>");
    else
      w("<td class=\"num lines\">" + lines("p50", Format.millis(latency.p50()), "p95", Format.millis(latency.p95()),
          "p99", Format.millis(latency.p99())) + "</td>");
    w("<td class=\"num lines\">" + lines("in", Format.count(row.tokens().input()), "out",
        Format.count(row.tokens().output())) + "</td>");
    boolean costUnknown = row.items() > 0 && row.costUnknownItems() >= row.items();
    if (costUnknown) w("<td class=\"num\"><span class=\"empty\">unknown</span>");
    else w("<td class=\"num\">" + escape(Format.usd(row.costUsd())));
    if (row.costUnknownItems() > 0 && row.costUnknownItems() < row.items())
      w("<div class=\"sub\">+ " + Format.count(row.costUnknownItems()) + " items unknown</div>");
    if (row.judgeCostUsd() > 0)
      w("<div class=\"sub\">+ " + escape(Format.usd(row.judgeCostUsd())) + " judges</div>");
    w("</td><td>");
    if (row.errorsByKind().isEmpty())
      w(row.errors() == 0 ? "<span class=\"empty\">none</span>" : Format.count(row.errors()));
    else {
      w("<ul class=\"plain\">");
      for (var kind : row.errorsByKind().entrySet())
        w("<li>" + escape(kind.getKey()) + " <b>" + Format.count(kind.getValue()) + "</b></li>");
      w("</ul>");
    }
    w("</td></tr>\n");
  }

  /** Name/value pairs, one per line: {@code <span class="sub">p50</span> 912 ms}. */
  private static String lines(String... namesAndValues) {
    var html = new StringBuilder();
    for (int i = 0; i < namesAndValues.length; i += 2)
      html.append("<div><span class=\"sub\">").append(escape(namesAndValues[i])).append("</span> ")
          .append(escape(namesAndValues[i + 1])).append("</div>");
    return html.toString();
  }

  private static String estimate(Estimate estimate) {
    if (estimate == null || estimate.n() == 0) return "–";
    return escape(Format.score(estimate.mean())) + "<div class=\"ci\">"
        + escape(Format.scoreInterval(estimate.ciLow(), estimate.ciHigh())) + "</div>";
  }

  private void analysis() throws IOException {
    if (analysis != null) AnalysisSection.write(analysis, providerIndexes(), out);
    else if (analysisLeftOut != null) AnalysisSection.leftOut(analysisLeftOut, out);
  }

  private Map<String, Integer> providerIndexes() {
    Map<String, Integer> indexes = new java.util.HashMap<>();
    for (ReportGroup group : data.groups()) indexes.putIfAbsent(group.providerLabel(), group.providerIndex());
    return indexes;
  }

  private void results() throws IOException {
    List<ResultRow> rows = data.rows();
    w("<section class=\"card\" id=\"results-section\">\n<h2>Results</h2>\n");
    w("<p class=\"caption\">One row per item. Open an output to read it in full with its prompt and variables.</p>\n");
    if (data.rowsLeftOut() > 0) {
      w("<p class=\"note\" id=\"rows-left-out\">This table shows " + Format.count(rows.size()) + " of "
          + Format.count(data.resultCount()) + " results, failures and errors first; "
          + Format.count(data.rowsLeftOut())
          + " are left out. The JSON, JSONL and CSV outputs hold every result.</p>\n");
    }
    w("<div class=\"filters\" role=\"search\">\n<label for=\"filter-group\">Provider</label>\n"
        + "<select id=\"filter-group\"><option value=\"\">All</option>");
    for (ReportGroup group : data.groups())
      w("<option value=\"" + group.id() + "\">" + escape(group.label()) + "</option>");
    w("</select>\n<label for=\"filter-status\">Status</label>\n<select id=\"filter-status\">"
        + "<option value=\"\">All</option><option value=\"PASS\">Pass</option><option value=\"FAIL\">Fail</option>"
        + "<option value=\"ERROR\">Error</option>"
        + "</select>\n<label for=\"filter-text\">Search</label>\n"
        + "<input id=\"filter-text\" type=\"search\" placeholder=\"test, reason or output…\">\n"
        + "<span class=\"count\" id=\"filter-count\" aria-live=\"polite\">" + Format.count(rows.size())
        + " rows</span>\n</div>\n");
    if (rows.isEmpty()) {
      w("<p class=\"empty\">No results.</p>\n</section>\n");
      return;
    }
    w("<div class=\"table-wrap\"><table id=\"results\">\n<thead><tr><th>Test</th><th>Provider</th><th>Status</th>"
        + "<th class=\"num\">Score</th><th class=\"num\">Latency</th><th>Reason</th><th>Output</th></tr></thead>\n"
        + "<tbody>\n");
    for (ResultRow row : rows) resultRow(row);
    w("</tbody>\n</table></div>\n</section>\n");
  }

  private void resultRow(ResultRow row) throws IOException {
    w("<tr data-group=\"" + row.groupId() + "\" data-status=\"" + row.status() + "\">");
    w("<td class=\"test\">" + escape(row.test()) + "<div class=\"sub mono\">" + escape(row.itemId()) + "</div></td>");
    w("<td><span class=\"swatch p" + Math.floorMod(row.providerIndex(), Palette.PROVIDERS.size()) + "\"></span>"
        + escape(row.groupLabel()) + "</td>");
    w("<td><span class=\"badge " + row.status() + "\">" + badge(row.status()) + "</span></td>");
    w("<td class=\"num\">" + (row.status() == ItemStatus.ERROR ? "–" : escape(Format.score(row.score()))) + "</td>");
    w("<td class=\"num\">" + (row.latencyMs() > 0 ? escape(Format.millis(row.latencyMs())) : "–") + "</td>");
    w("<td class=\"reason\">");
    if (row.errorKind() != null) w("<b>" + escape(row.errorKind()) + "</b> " + escape(row.errorMessage()));
    else w(escape(row.reason()));
    w("</td>\n<td class=\"output\"><details><summary>");
    w(row.output().isEmpty() ? "<span class=\"empty\">no output</span>" : escape(excerpt(row.output())));
    w("</summary>");
    if (!row.output().isEmpty()) {
      w("<h3>Output</h3><pre>" + escape(row.output()) + "</pre>");
      if (row.outputChars() > row.output().length())
        w("<p class=\"sub\">First " + Format.count(row.output().length()) + " of " + Format.count(row.outputChars())
            + " characters; the JSON outputs hold the rest.</p>");
    }
    if (!row.prompt().isEmpty()) {
      w("<h3>Prompt</h3><pre>" + escape(row.prompt()) + "</pre>");
      if (row.promptChars() > row.prompt().length())
        w("<p class=\"sub\">First " + Format.count(row.prompt().length()) + " of " + Format.count(row.promptChars())
            + " characters.</p>");
    }
    if (!row.varsJson().isEmpty()) w("<h3>Variables</h3><pre>" + escape(row.varsJson()) + "</pre>");
    w("<p class=\"sub\">" + escape(row.tokensIn() + " tokens in · " + row.tokensOut() + " out · cost "
        + (row.costUsd() == null ? "unknown" : Format.usd(row.costUsd()))
        + (row.judgeCostUsd() > 0 ? " · judges " + Format.usd(row.judgeCostUsd()) : "")) + "</p>");
    w("</details></td></tr>\n");
  }

  private static String badge(ItemStatus status) {
    return switch (status) {
      case PASS -> "✓ PASS";
      case FAIL -> "✗ FAIL";
      case ERROR -> "⚠ ERROR";
    };
  }

  private static String excerpt(String output) {
    String oneLine = output.strip().replaceAll("\\s+", " ");
    if (oneLine.length() <= EXCERPT_CHARS) return oneLine;
    int end = EXCERPT_CHARS - 1;
    if (Character.isHighSurrogate(oneLine.charAt(end - 1))) end--;
    return oneLine.substring(0, end) + "…";
  }

  private void footer() throws IOException {
    w("<footer>\n");
    if (!summary.evaluators().isEmpty()) {
      w("<h3>Evaluators</h3>\n<table aria-label=\"Evaluators\"><tbody>");
      for (var evaluator : new TreeMap<>(summary.evaluators()).entrySet())
        w("<tr><td class=\"mono\">" + escape(evaluator.getKey()) + "</td><td class=\"mono\">"
            + escape(evaluator.getValue()) + "</td></tr>");
      w("</tbody></table>\n");
    }
    w("<p>Output format " + escape(summary.formatVersion()) + " · generated by LLM Test Bench. This file is "
        + "self-contained: it loads nothing from the network.</p>\n</footer>\n");
  }

  private static Map<String, Long> errorsByKind(List<GroupSummary> groups) {
    return groups.stream()
        .flatMap(group -> group.errorsByKind().entrySet().stream())
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Long::sum, TreeMap::new));
  }

  private static String kinds(Map<String, Long> counts) {
    return counts.entrySet().stream()
        .map(entry -> entry.getKey() + " " + Format.count(entry.getValue()))
        .collect(Collectors.joining(", "));
  }

  private static String plural(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }

  private void w(String text) throws IOException {
    out.write(text);
  }

  private static String resource(String name) {
    try (InputStream in = HtmlPage.class.getResourceAsStream(name)) {
      if (in == null) throw new IllegalStateException("report resource missing from the jar: " + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256(String text) {
    try {
      return Base64.getEncoder()
          .encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
