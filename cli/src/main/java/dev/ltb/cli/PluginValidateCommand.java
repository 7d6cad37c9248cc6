package dev.ltb.cli;

import dev.ltb.wasm.authoring.PluginValidation;
import dev.ltb.wasm.authoring.PluginValidator;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "validate",
    description = {
      "Checks a built plugin as a run would use it: its manifest, its module's hash, imports and exports",
      "against the sandbox, and a smoke call under its limits. Exit 0 when valid, 2 when not."
    },
    mixinStandardHelpOptions = true)
final class PluginValidateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PLUGIN", description = "A .wasm with plugin.json beside it, a plugin.json, or a plugin folder.")
  Path plugin;

  private final Services services = new Services();

  @Override
  public Integer call() {
    PluginValidation validation = new PluginValidator(services.pluginRuntime()).validate(plugin);
    var out = spec.commandLine().getOut();
    for (PluginValidation.Check check : validation.checks()) {
      out.printf("%-4s %-11s %s%n", check.passed() ? "ok" : "FAIL", check.name(), check.detail());
    }
    if (validation.valid()) {
      out.println(plugin + " is a valid plugin.");
      return ExitCodes.OK;
    }
    spec.commandLine().getErr().println(plugin + " is not a valid plugin: " + validation.checks().getLast().detail());
    return ExitCodes.INVALID_INPUT;
  }
}
