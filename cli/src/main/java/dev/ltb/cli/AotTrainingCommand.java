package dev.ltb.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * The workload {@code bin/ltb} runs once per build to train the JVM's ahead-of-time cache (JDK 25+,
 * {@code -XX:AOTCacheOutput}, see docs/performance.md): the quickstart suite validated, run with every report
 * format, listed and shown, then a short bench over HTTP. The classes these load and link, and the method
 * profiles they gather, go into the cache, so later commands start and warm up faster. Offline; everything
 * it writes goes to a temporary directory that is deleted afterwards. Hidden: not a user command.
 */
@Command(name = "aot-training", hidden = true, description = "Trains the JVM's AOT cache (used by bin/ltb).")
final class AotTrainingCommand implements Callable<Integer> {

  @Parameters(paramLabel = "SUITE", description = "The quickstart suite.")
  Path suite;

  @Override
  public Integer call() throws IOException {
    Path dir = Files.createTempDirectory("ltb-aot-training");
    try {
      String history = dir.resolve("history.db").toString();
      String suiteFile = suite.toString();
      run(List.of("validate", suiteFile));
      run(List.of("run", suiteFile, "--history", history, "--min-pass-rate", "0", "--no-progress",
          "-o", dir.resolve("report.html").toString(), "-o", dir.resolve("results.jsonl").toString(),
          "-o", dir.resolve("results.json").toString(), "-o", dir.resolve("results.csv").toString(),
          "-o", dir.resolve("junit.xml").toString()));
      run(List.of("list", "--history", history));
      run(List.of("bench", "--items", "600", "--warmup", "0", "--work-dir", dir.resolve("bench").toString()));
      return ExitCodes.OK;
    } finally {
      deleteRecursively(dir);
    }
  }

  /** Runs one ltb command in this JVM with its output discarded: only what it loads and runs matters. */
  private static void run(List<String> arguments) {
    CommandLine ltb = Ltb.commandLine();
    PrintWriter discard = new PrintWriter(Writer.nullWriter());
    ltb.setOut(discard);
    ltb.setErr(discard);
    int exit = ltb.execute(arguments.toArray(String[]::new));
    if (exit != ExitCodes.OK) System.err.println("aot-training: ltb " + arguments.getFirst() + " exited " + exit);
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(path);
    }
  }
}
