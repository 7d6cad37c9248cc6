package dev.ltb.cli;

import dev.ltb.cli.console.SummaryTable;
import dev.ltb.engine.ItemStatus;
import dev.ltb.run.RunHistory;
import dev.ltb.run.RunRecord;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "show", description = "Shows a past run: its summary and its failures.", mixinStandardHelpOptions = true)
final class ShowCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "RUN", description = "Run id or a unique prefix of it.")
  String run;

  @Option(names = "--failures", defaultValue = "10", description = "Failed or errored items to list (default ${DEFAULT-VALUE}).")
  int failures;

  @Mixin HistoryOption history;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    try (RunHistory runs = new Services().openHistory(history)) {
      RunRecord record = Runs.find(runs, run);
      out.println("Run " + record.runId() + " — " + record.description());
      out.println("Status: " + record.status() + (record.statusReason() == null ? "" : " (" + record.statusReason() + ")")
          + ", suite: " + record.suiteSource());
      if (record.summary() == null) {
        out.println("No summary yet: the run did not finish. Continue it with: ltb run --resume " + record.runId());
        return ExitCodes.OK;
      }
      out.println();
      SummaryTable.print(record.summary(), out);
      AtomicInteger shown = new AtomicInteger();
      runs.forEachResult(
          record.runId(),
          result -> {
            if (result.status() != ItemStatus.PASS && shown.getAndIncrement() < failures) {
              if (shown.get() == 1) out.println(System.lineSeparator() + "Failures:");
              String why = result.error() != null ? result.error().kind() + ": " + result.error().message() : result.reason();
              out.printf("  %s  %s  [%s] %s%n", result.status(), result.providerLabel(), result.testDescription(), why);
            }
          });
      if (shown.get() > failures) out.printf("  ... and %d more%n", shown.get() - failures);
      return ExitCodes.OK;
    }
  }
}
