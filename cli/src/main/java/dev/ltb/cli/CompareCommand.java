package dev.ltb.cli;

import dev.ltb.analysis.AnalysisOptions;
import dev.ltb.analysis.CaseRef;
import dev.ltb.analysis.Delta;
import dev.ltb.analysis.PairedSamples;
import dev.ltb.analysis.ProviderDelta;
import dev.ltb.analysis.RunComparison;
import dev.ltb.json.Json;
import dev.ltb.report.ComparisonHtmlWriter;
import dev.ltb.report.Reports;
import dev.ltb.run.RunHistory;
import dev.ltb.run.RunRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "compare",
    description = {
      "Compares two runs case by case: newly failing and newly passing cases, metric deltas with 95% CIs",
      "and significance tests (paired when the cases match). Exits 1 on a significant regression."
    },
    mixinStandardHelpOptions = true)
final class CompareCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "BASELINE", description = "The earlier run (id or unique prefix).")
  String baseline;

  @Parameters(index = "1", paramLabel = "CANDIDATE", description = "The later run (id or unique prefix).")
  String candidate;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the comparison as JSON.")
  Path json;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE.html",
      description = "Also write the comparison as a self-contained HTML page: deltas with CIs, tests, the cases "
          + "that flipped side by side.")
  Path html;

  @Option(names = "--html-cases", defaultValue = "50",
      description = "Flipped cases per list and model shown in the HTML page (default ${DEFAULT-VALUE}).")
  int htmlCases;

  @Option(names = "--cases", defaultValue = "10", description = "Changed cases to list per model (default ${DEFAULT-VALUE}).")
  int cases;

  @Option(names = "--no-fail", description = "Exit 0 even when a regression is significant.")
  boolean noFail;

  @Mixin HistoryOption history;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (html != null && !html.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".html"))
      throw new UserInputException("-o " + html + ": the comparison is written as HTML, so name a .html file"
          + " (use --json FILE for JSON)");
    if (htmlCases < 0) throw new UserInputException("--html-cases must be 0 or more, was " + htmlCases);
    RunComparison comparison;
    try (RunHistory runs = new Services().openHistory(history)) {
      RunRecord before = Runs.find(runs, baseline);
      RunRecord after = Runs.find(runs, candidate);
      PairedSamples beforeSamples = PairedSamples.acrossRuns();
      PairedSamples afterSamples = PairedSamples.acrossRuns();
      runs.forEachResult(before.runId(), beforeSamples);
      runs.forEachResult(after.runId(), afterSamples);
      comparison = RunComparison.between(beforeSamples, afterSamples, AnalysisOptions.defaults());
      out.println("Comparing " + before.runId() + " (baseline) with " + after.runId());
      if (html != null) writeHtml(comparison, runs, before, after);
    }
    for (ProviderDelta model : comparison.models()) {
      out.println();
      out.printf(Locale.ROOT, "%s  (%s, %d matched cases)%n", model.model(), model.paired() ? "paired" : "unpaired",
          model.matchedItems());
      printDelta(out, "pass rate", model.passRate(), true);
      printDelta(out, "score", model.score(), false);
      model.metrics().forEach((name, delta) -> printDelta(out, name, delta, false));
      printCases(out, "newly failing", model.newlyFailing());
      printCases(out, "newly passing", model.newlyPassing());
    }
    if (!comparison.onlyBefore().isEmpty()) out.println("\nOnly in the baseline: " + comparison.onlyBefore());
    if (!comparison.onlyAfter().isEmpty()) out.println("Only in the candidate: " + comparison.onlyAfter());
    out.println();
    out.println(comparison.summary());
    if (json != null) {
      Files.createDirectories(json.toAbsolutePath().getParent());
      Files.writeString(json, Json.write(comparison));
      out.println("Wrote " + json);
    }
    if (html != null) out.println("Wrote " + html);
    return comparison.regression() && !noFail ? ExitCodes.TESTS_FAILED : ExitCodes.OK;
  }

  private void writeHtml(RunComparison comparison, RunHistory runs, RunRecord before, RunRecord after)
      throws IOException {
    var baselineRun = new ComparisonHtmlWriter.Run(before.summary(), action -> runs.forEachResult(before.runId(), action));
    var candidateRun = new ComparisonHtmlWriter.Run(after.summary(), action -> runs.forEachResult(after.runId(), action));
    Reports.writeAtomically(html, stream -> new ComparisonHtmlWriter(htmlCases).write(comparison, baselineRun, candidateRun, stream));
  }

  private static void printDelta(PrintWriter out, String name, Delta delta, boolean percent) {
    if (delta == null) return;
    double scale = percent ? 100 : 1;
    String unit = percent ? "%" : "";
    String ci =
        delta.ciLow() == null ? "" : " [%+.3f, %+.3f]".formatted(scale * delta.ciLow(), scale * delta.ciHigh());
    out.printf(Locale.ROOT, "  %-12s %8.3f%s -> %8.3f%s  Δ %+.3f%s%s  p=%.4g (adj %.4g, %s)  %s%n", name,
        scale * delta.before(), unit, scale * delta.after(), unit, scale * delta.difference(), unit, ci,
        delta.pValue(), delta.adjustedPValue(), delta.test(), delta.verdict().text());
  }

  private void printCases(PrintWriter out, String label, List<CaseRef> refs) {
    if (refs.isEmpty()) return;
    out.printf(Locale.ROOT, "  %s (%d):%n", label, refs.size());
    refs.stream().limit(cases).forEach(ref -> out.printf("    - %s  [%s]%n", ref.description(), ref.prompt()));
    if (refs.size() > cases) out.printf("    ... and %d more%n", refs.size() - cases);
  }
}
