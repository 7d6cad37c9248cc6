package dev.ltb.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "evaluators", description = "Lists the assertion types a suite can use.", mixinStandardHelpOptions = true)
final class EvaluatorsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    for (var descriptor : new Services().evaluators().descriptors()) {
      out.printf("%-18s %s (value: %s%s)%n", descriptor.id(), descriptor.description(), descriptor.value(),
          descriptor.defaultThreshold() == null ? "" : ", default threshold " + descriptor.defaultThreshold());
    }
    return ExitCodes.OK;
  }
}
