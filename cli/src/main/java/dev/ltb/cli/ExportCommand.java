package dev.ltb.cli;

import dev.ltb.run.RunHistory;
import dev.ltb.run.RunRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "export",
    description = "Writes a past run's results and report (.html .json .jsonl .csv .xml).",
    mixinStandardHelpOptions = true)
final class ExportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "RUN", description = "Run id or a unique prefix of it.")
  String run;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true, description = "Output file(s).")
  List<Path> outputs;

  @Mixin HistoryOption history;

  @Override
  public Integer call() {
    ReportOutputs reports = ReportOutputs.of(outputs);
    try (RunHistory runs = new Services().openHistory(history)) {
      RunRecord record = Runs.find(runs, run);
      if (record.summary() == null)
        throw new UserInputException("Run " + record.runId() + " has no summary yet; finish it with: ltb run --resume "
            + record.runId());
      for (Path written : reports.write(record, runs)) spec.commandLine().getOut().println("Wrote " + written);
      return ExitCodes.OK;
    }
  }
}
