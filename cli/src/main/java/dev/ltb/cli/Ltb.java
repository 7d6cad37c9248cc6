package dev.ltb.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ltb}: the LLM Test Bench command line. Each subcommand is a thin shell over core services. */
@Command(
    name = "ltb",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "LLM Test Bench: run evaluation suites against LLM providers and compare the results.",
    subcommands = {
      RunCommand.class,
      ValidateCommand.class,
      SubmitCommand.class,
      WatchCommand.class,
      FetchCommand.class,
      ListCommand.class,
      ShowCommand.class,
      ExportCommand.class,
      CompareCommand.class,
      AnalyzeCommand.class,
      ProvidersCommand.class,
      EvaluatorsCommand.class,
      BenchCommand.class,
      AotTrainingCommand.class,
      PluginCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success (and, for run, the pass rate reached --min-pass-rate)",
      "1:the run finished but its pass rate is below --min-pass-rate (plugin test: the plugin returned a fail)",
      "2:invalid input: bad arguments, an invalid suite, an unknown run, a plugin that cannot be built or loaded",
      "3:the run could not finish (storage failure, every provider unusable; plugin test: the call failed)"
    })
public final class Ltb {

  private Ltb() {}

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new Ltb());
    commandLine.setExecutionExceptionHandler(new ErrorHandler());
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    return commandLine;
  }
}
