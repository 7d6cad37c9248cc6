package dev.ltb.cli;

import dev.ltb.wasm.authoring.PluginScaffolder;
import dev.ltb.wasm.authoring.PluginScaffolder.Language;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "new",
    description = "Creates a plugin project: a working evaluator, its plugin.json and its build.",
    mixinStandardHelpOptions = true)
final class PluginNewCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "NAME", description = "The plugin's name, kebab-case (e.g. my-check); also its folder.")
  String name;

  @Option(
      names = "--lang",
      paramLabel = "LANG",
      defaultValue = "as",
      description = "as (AssemblyScript, needs node), c (needs clang and lld) or wat (WebAssembly text, needs nothing); default ${DEFAULT-VALUE}.")
  String language;

  @Option(names = "--dir", paramLabel = "DIR", defaultValue = ".", description = "Where to create the folder (default: here).")
  Path parent;

  @Override
  public Integer call() {
    Language lang;
    List<Path> files;
    try {
      lang = Language.fromId(language);
      files = new PluginScaffolder().create(parent, name, lang);
    } catch (IllegalArgumentException | UncheckedIOException e) {
      throw new UserInputException(e.getMessage());
    }
    Path project = parent.resolve(name).normalize();
    var out = spec.commandLine().getOut();
    out.println("Created " + project + "/ (" + describe(lang) + " evaluator):");
    for (Path file : files) out.println("  " + file);
    out.println("Next: edit " + files.getFirst() + ", then");
    out.println("  ltb plugin build " + project);
    out.println("  ltb plugin test " + project + " --output \"The capital of France is Paris.\"");
    out.println("and use it in a suite (docs/plugins.md): plugins: {" + name + ": {path: " + project + "}}");
    return ExitCodes.OK;
  }

  private static String describe(Language language) {
    return switch (language) {
      case AS -> "AssemblyScript";
      case C -> "C";
      case WAT -> "WebAssembly text";
    };
  }
}
