package dev.ltb.cli;

import dev.ltb.plugin.PluginManifest;
import dev.ltb.plugins.bundled.BundledPlugins;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "list",
    description = "Lists the bundled plugins, which suites use by name without declaring them.",
    mixinStandardHelpOptions = true)
final class PluginListCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    for (String name : BundledPlugins.NAMES) {
      PluginManifest manifest = BundledPlugins.manifest(name);
      out.printf("%-20s %-9s %-6s %s%n", "plugin:" + name, manifest.kind().id(), manifest.version(), manifest.description());
    }
    return ExitCodes.OK;
  }
}
