package dev.ltb.cli;

import dev.ltb.suite.Suite;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "validate",
    description = "Checks a suite against the schema and the known providers and assertions; calls nothing.",
    mixinStandardHelpOptions = true)
final class ValidateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "SUITE", description = "The suite file (YAML or JSON).")
  Path suite;

  @Override
  public Integer call() {
    Suite loaded = new Services().suiteLoader().load(suite);
    spec.commandLine().getOut().printf(
        "%s is valid: %d prompt(s), %d provider(s), %d test(s), %d item(s) per run%s.%n",
        suite, loaded.prompts().size(), loaded.providers().size(), loaded.tests().size(), loaded.itemCount(),
        loaded.plugins().isEmpty() ? "" : ", " + loaded.plugins().size() + " plugin(s) loaded");
    return ExitCodes.OK;
  }
}
