package dev.ltb.cli;

import dev.ltb.run.RunHistory;
import dev.ltb.run.RunRecord;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "list", description = "Lists past runs, most recent first.", mixinStandardHelpOptions = true)
final class ListCommand implements Callable<Integer> {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

  @Spec CommandSpec spec;

  @Option(names = {"-n", "--limit"}, defaultValue = "20", description = "How many runs (default ${DEFAULT-VALUE}).")
  int limit;

  @Mixin HistoryOption history;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    try (RunHistory runs = new Services().openHistory(history)) {
      List<RunRecord> records = runs.list(limit);
      if (records.isEmpty()) {
        out.println("No runs yet. Start one with: ltb run <suite.yaml>");
        return ExitCodes.OK;
      }
      out.printf(Locale.ROOT, "%-22s  %-16s  %-9s  %7s  %9s  %s%n", "RUN", "STARTED", "STATUS", "ITEMS", "PASS RATE",
          "DESCRIPTION");
      for (RunRecord run : records) {
        String passRate =
            run.summary() == null ? "-" : "%.1f%%".formatted(100 * run.summary().totals().passRate());
        out.printf(Locale.ROOT, "%-22s  %-16s  %-9s  %7d  %9s  %s%n", run.runId(), TIME.format(run.createdAt()),
            run.status(), run.totalItems(), passRate, run.description());
      }
      return ExitCodes.OK;
    }
  }
}
