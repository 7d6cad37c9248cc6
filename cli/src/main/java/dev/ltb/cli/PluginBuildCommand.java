package dev.ltb.cli;

import dev.ltb.wasm.authoring.PluginBuildException;
import dev.ltb.wasm.authoring.PluginBuilder;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "build",
    description = {
      "Builds a plugin project into its dist/ folder: the module and plugin.json with the module's sha256.",
      "Runs the project's build.sh (AssemblyScript, C); compiles a WAT project itself."
    },
    mixinStandardHelpOptions = true)
final class PluginBuildCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "The plugin project's folder (ltb plugin new made it).")
  Path project;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    PluginBuilder.Build build;
    try {
      build = new PluginBuilder().build(project, line -> out.println("  " + line));
    } catch (PluginBuildException e) {
      throw new UserInputException("Build failed: " + e.getMessage());
    }
    var manifest = build.plugin().manifest();
    out.printf(
        "Built %s %s (%s): %s, %d bytes, sha256 %s%n",
        manifest.name(), manifest.version(), manifest.kind().id(), build.distribution().resolve(manifest.module()),
        build.plugin().module().length, manifest.sha256());
    out.println("Check it with: ltb plugin validate " + build.distribution());
    return ExitCodes.OK;
  }
}
