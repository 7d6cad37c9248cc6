package dev.ltb.cli;

import dev.ltb.analysis.Analysis;
import dev.ltb.analysis.AnalysisOptions;
import dev.ltb.analysis.Analyzer;
import dev.ltb.analysis.CategoryRoute;
import dev.ltb.analysis.ModelComparison;
import dev.ltb.analysis.PairedSamples;
import dev.ltb.analysis.RankedModel;
import dev.ltb.analysis.RankingWeights;
import dev.ltb.analysis.TrafficProfile;
import dev.ltb.json.Json;
import dev.ltb.report.HtmlReportWriter;
import dev.ltb.report.Reports;
import dev.ltb.run.RunHistory;
import dev.ltb.run.RunRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "analyze",
    description = {
      "Ranks the models of a run, tests which is really better (paired, Holm-corrected), recommends the",
      "cheapest model that is not significantly worse, and a model per test category."
    },
    mixinStandardHelpOptions = true)
final class AnalyzeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "RUN", description = "Run id or unique prefix.")
  String run;

  @Option(names = "--weights", paramLabel = "Q,L,C", defaultValue = "0.6,0.2,0.2", split = ",",
      description = "Ranking weights for quality, latency and cost (default ${DEFAULT-VALUE}).")
  double[] weights;

  @Option(names = "--requests-per-month", paramLabel = "N", description = "Traffic for the monthly cost projection.")
  Long requestsPerMonth;

  @Option(names = "--input-tokens", defaultValue = "500", description = "Input tokens per request (default ${DEFAULT-VALUE}).")
  long inputTokens;

  @Option(names = "--output-tokens", defaultValue = "200", description = "Output tokens per request (default ${DEFAULT-VALUE}).")
  long outputTokens;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the analysis as JSON.")
  Path json;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE.html",
      description = "Also write the run's HTML report with these analysis tables (any run size).")
  Path html;

  @Mixin HistoryOption history;

  @Override
  public Integer call() throws IOException {
    if (weights.length != 3) throw new UserInputException("--weights takes three numbers: quality,latency,cost");
    if (html != null && !html.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".html"))
      throw new UserInputException("-o " + html + ": the analysis is written into the HTML report, so name a .html"
          + " file (use --json FILE for JSON)");
    PrintWriter out = spec.commandLine().getOut();
    Analysis analysis;
    try (RunHistory runs = new Services().openHistory(history)) {
      RunRecord record = Runs.find(runs, run);
      PairedSamples samples = PairedSamples.withinRun();
      runs.forEachResult(record.runId(), samples);
      AnalysisOptions options = AnalysisOptions.defaults().withWeights(new RankingWeights(weights[0], weights[1], weights[2]));
      TrafficProfile traffic =
          requestsPerMonth == null ? null : new TrafficProfile(requestsPerMonth, inputTokens, outputTokens);
      analysis = Analyzer.analyze(samples, options, traffic);
      out.println("Analysis of run " + record.runId() + " — " + record.description());
      if (html != null) {
        var writer = new HtmlReportWriter(HtmlReportWriter.DEFAULT_MAX_ROWS, options, traffic, Long.MAX_VALUE);
        Reports.write(html, writer, record.summary(), action -> runs.forEachResult(record.runId(), action));
      }
    }
    out.println();
    out.println("Ranking (weights quality/latency/cost " + weights[0] + "/" + weights[1] + "/" + weights[2] + "):");
    for (RankedModel model : analysis.ranking().models()) {
      out.printf(Locale.ROOT, "  %d. %-24s score %.3f  quality %s  p95 %s ms  cost/item %s%s%n", model.rank(),
          model.model(), model.score(), quality(model),
          model.p95LatencyMs() == null ? "-" : model.p95LatencyMs(),
          model.costPerItemUsd() == null ? "unknown" : "$%.6f".formatted(model.costPerItemUsd()),
          model.flags().isEmpty() ? "" : "  " + model.flags());
    }
    out.println();
    out.println("Pairwise comparisons (alpha 0.05, Holm-corrected):");
    for (ModelComparison comparison : analysis.comparisons()) out.println("  " + comparison.summary());
    out.println();
    out.println("Cost: " + analysis.cost().summary());
    out.println();
    out.println("Routing: " + analysis.routing().summary());
    for (CategoryRoute route : analysis.routing().routes()) {
      out.printf(Locale.ROOT, "  %-16s -> %-20s (%d cases, quality %s)%n", route.category(), route.model(),
          route.cases(), route.quality() == null ? "-" : "%.3f".formatted(route.quality()));
    }
    if (json != null) {
      Files.createDirectories(json.toAbsolutePath().getParent());
      Files.writeString(json, Json.write(analysis));
      out.println("Wrote " + json);
    }
    if (html != null) out.println("Wrote " + html);
    return ExitCodes.OK;
  }

  /** "0.800 [0.490, 0.943]". */
  private static String quality(RankedModel model) {
    if (model.quality() == null) return "-";
    String value = "%.3f".formatted(model.quality());
    return model.qualityCiLow() == null
        ? value
        : value + " [%.3f, %.3f]".formatted(model.qualityCiLow(), model.qualityCiHigh());
  }
}
