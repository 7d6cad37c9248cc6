package dev.ltb.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * Runs {@code ltb} in-process with captured output, and a history file and response cache of the test's own
 * (the cache in {@code cache/} beside the history file unless the arguments say otherwise).
 */
final class CliRunner {

  record Result(int exitCode, String out, String err) {}

  private final Path history;

  CliRunner(Path history) {
    this.history = history;
  }

  Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = Ltb.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    List<String> all = new ArrayList<>(List.of(args));
    if (!all.isEmpty() && List.of("run", "list", "show", "export", "compare", "analyze").contains(all.getFirst())) {
      all.add("--history");
      all.add(history.toString());
    }
    boolean cacheChosen = all.contains("--no-cache") || all.contains("--cache-dir");
    if (!all.isEmpty() && all.getFirst().equals("run") && !cacheChosen) {
      all.add("--cache-dir");
      all.add(history.resolveSibling("cache").toString());
    }
    int code = commandLine.execute(all.toArray(String[]::new));
    return new Result(code, out.toString(), err.toString());
  }
}
