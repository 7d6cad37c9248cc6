package dev.ltb.cli.console;

import dev.ltb.aggregate.GroupSummary;
import dev.ltb.aggregate.RunSummary;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Prints a run summary as an aligned text table, one row per provider × prompt. */
public final class SummaryTable {

  private static final String[] HEADERS = {
    "Provider", "Prompt", "Pass", "Fail", "Err", "Pass rate (95% CI)", "Score", "p50 ms", "p95 ms", "Tokens in/out", "Cost"
  };

  private SummaryTable() {}

  public static void print(RunSummary summary, PrintWriter out) {
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADERS);
    boolean manyPrompts = summary.groups().stream().map(GroupSummary::promptId).distinct().count() > 1;
    for (GroupSummary group : summary.groups()) {
      rows.add(
          new String[] {
            group.providerLabel(),
            manyPrompts ? truncate(group.promptLabel(), 28) : truncate(group.promptLabel(), 20),
            Long.toString(group.passed()),
            Long.toString(group.failed()),
            Long.toString(group.errors()),
            "%5.1f%% (%.0f–%.0f)".formatted(
                100 * group.passRate().rate(), 100 * group.passRate().ciLow(), 100 * group.passRate().ciHigh()),
            group.score().n() == 0 ? "-" : "%.3f".formatted(group.score().mean()),
            group.latencyMs().n() == 0 ? "-" : Long.toString(group.latencyMs().p50()),
            group.latencyMs().n() == 0 ? "-" : Long.toString(group.latencyMs().p95()),
            group.tokens().input() + "/" + group.tokens().output(),
            cost(group.costUsd(), group.costUnknownItems())
          });
    }
    int[] widths = new int[HEADERS.length];
    for (String[] row : rows) for (int i = 0; i < row.length; i++) widths[i] = Math.max(widths[i], row[i].length());
    for (int r = 0; r < rows.size(); r++) {
      String[] row = rows.get(r);
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        boolean numeric = i >= 2;
        String cell = numeric ? pad(row[i], widths[i], true) : pad(row[i], widths[i], false);
        line.append(i == 0 ? "" : "  ").append(cell);
      }
      out.println(line.toString().stripTrailing());
      if (r == 0) {
        out.println(java.util.Arrays.stream(widths).mapToObj("-"::repeat).collect(Collectors.joining("  ")));
      }
    }
    var totals = summary.totals();
    String judges = totals.judgeCostUsd() > 0 ? " + " + cost(totals.judgeCostUsd(), 0) + " judges" : "";
    out.printf(
        Locale.ROOT,
        "%nTotal: %d items, %d passed, %d failed, %d errors (pass rate %.1f%%), %s%s, %.1f s%n",
        totals.items(), totals.passed(), totals.failed(), totals.errors(), 100 * totals.passRate(),
        cost(totals.costUsd(), totals.costUnknownItems()), judges, totals.durationMs() / 1000.0);
    summary.groups().stream()
        .filter(group -> !group.errorsByKind().isEmpty())
        .forEach(group -> out.println("Errors for " + group.providerLabel() + ": " + group.errorsByKind()));
  }

  static String cost(double usd, long unknownItems) {
    String known = usd == 0 && unknownItems > 0 ? "?" : usd < 0.01 && usd > 0 ? "$%.5f".formatted(usd) : "$%.4f".formatted(usd);
    return unknownItems > 0 && usd > 0 ? known + "+?" : known;
  }

  private static String truncate(String text, int max) {
    String oneLine = text.replaceAll("\\s+", " ");
    return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1) + "…";
  }

  private static String pad(String text, int width, boolean right) {
    String padding = " ".repeat(Math.max(0, width - text.length()));
    return right ? padding + text : text + padding;
  }
}
