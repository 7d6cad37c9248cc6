package dev.ltb.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "providers", description = "Lists the provider families and their config keys.", mixinStandardHelpOptions = true)
final class ProvidersCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    for (var descriptor : new Services().providers().descriptors()) {
      out.printf("%-34s %s%n", descriptor.idFormat(), descriptor.description());
      if (!descriptor.configKeys().isEmpty()) out.printf("%-34s config: %s%n", "", String.join(", ", descriptor.configKeys()));
    }
    return ExitCodes.OK;
  }
}
