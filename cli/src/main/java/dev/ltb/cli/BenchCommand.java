package dev.ltb.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.ltb.cli.bench.MockOpenAiServer;
import dev.ltb.run.LocalRunner;
import dev.ltb.run.RunHistory;
import dev.ltb.run.RunListener;
import dev.ltb.run.RunRecord;
import dev.ltb.suite.Assertion;
import dev.ltb.suite.AssertionSpec;
import dev.ltb.suite.Prompt;
import dev.ltb.suite.ProviderSpec;
import dev.ltb.suite.RunOptions;
import dev.ltb.suite.Suite;
import dev.ltb.suite.TestCase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Measures the engine against a mock OpenAI-compatible server that answers after a fixed delay: the best
 * possible throughput is then concurrency ÷ delay (the I/O bound), and the bench reports how close the
 * engine gets, its CPU time per item and the process's peak RSS. Results stream into a real SQLite history
 * and a JSONL file, as in {@code ltb run}.
 */
@Command(
    name = "bench",
    description = "Measures throughput, CPU per item and peak memory against a local mock provider.",
    mixinStandardHelpOptions = true)
final class BenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--items", defaultValue = "2000", description = "Items in the measured run (default ${DEFAULT-VALUE}).")
  int items;

  @Option(names = "--concurrency", defaultValue = "20", description = "Items in flight (default ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(names = "--delay-ms", defaultValue = "50", description = "Mock server delay per call (default ${DEFAULT-VALUE}).")
  int delayMs;

  @Option(names = "--warmup", defaultValue = "400", description = "Items run first and not measured (default ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--work-dir", description = "Where the history and JSONL go (default: a temporary directory).")
  Path workDir;

  private final Services services = new Services();

  @Override
  public Integer call() throws Exception {
    var out = spec.commandLine().getOut();
    Path dir = workDir != null ? Files.createDirectories(workDir) : Files.createTempDirectory("ltb-bench");
    Process server = startServer();
    try (RunHistory history = services.openHistory(historyAt(dir.resolve("history.db")))) {
      int port = awaitPort(server);
      LocalRunner runner = services.runner(history, dir);
      out.printf(Locale.ROOT, "Mock server on 127.0.0.1:%d, %d ms per call; %d items at concurrency %d, 5 assertions each%n",
          port, delayMs, items, concurrency);
      if (warmup > 0) runner.run(suite(port, warmup), RunListener.NONE, () -> false);

      var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      long cpuStart = os.getProcessCpuTime();
      long jitStart = jitCpuNanos();
      long wallStart = System.nanoTime();
      RunRecord record = runner.run(suite(port, items), RunListener.NONE, () -> false);
      double seconds = (System.nanoTime() - wallStart) / 1e9;
      double cpuMsPerItem = (os.getProcessCpuTime() - cpuStart) / 1e6 / items;
      double jitMsPerItem = jitStart < 0 ? -1 : (jitCpuNanos() - jitStart) / 1e6 / items;
      long exportStart = System.nanoTime();
      long exportCpuStart = os.getProcessCpuTime();
      Path jsonl = dir.resolve("results.jsonl");
      ReportOutputs.of(List.of(jsonl)).write(record, history);
      double exportSeconds = (System.nanoTime() - exportStart) / 1e9;
      double exportCpuMsPerItem = (os.getProcessCpuTime() - exportCpuStart) / 1e6 / items;

      double throughput = items / seconds;
      double ioBound = concurrency * 1000.0 / delayMs;
      out.printf(Locale.ROOT, "%nitems            %d (%d passed, %d errors)%n", record.summary().totals().items(),
          record.summary().totals().passed(), record.summary().totals().errors());
      out.printf(Locale.ROOT, "wall time        %.2f s (run, results streamed to SQLite, summary)%n", seconds);
      out.printf(Locale.ROOT, "throughput       %.1f items/s%n", throughput);
      out.printf(Locale.ROOT, "I/O bound        %.1f items/s (concurrency %d / %d ms)%n", ioBound, concurrency, delayMs);
      out.printf(Locale.ROOT, "ratio            %.1f %% of the I/O bound%n", 100 * throughput / ioBound);
      out.printf(Locale.ROOT, "CPU per item     %.3f ms (after %d warm-up items)%n", cpuMsPerItem, warmup);
      if (jitMsPerItem >= 0)
        out.printf(Locale.ROOT, "  of which JIT   %.3f ms (the JVM's compiler threads)%n", jitMsPerItem);
      out.printf(Locale.ROOT, "JSONL export     %.2f s, %.3f ms CPU per item%n", exportSeconds, exportCpuMsPerItem);
      out.printf(Locale.ROOT, "peak RSS         %.1f MB%n", peakRssMb());
      out.printf(Locale.ROOT, "JVM              %s, %d cores, max heap %d MB%n", Runtime.version(),
          Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
      out.println("history and results.jsonl in " + dir);
      return record.summary().totals().errors() == 0 ? ExitCodes.OK : ExitCodes.RUN_FAILED;
    } finally {
      server.getOutputStream().close();
      server.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
      server.destroy();
    }
  }

  private Suite suite(int port, int count) {
    ObjectNode config = JsonNodeFactory.instance.objectNode();
    config.put("apiBaseUrl", "http://127.0.0.1:" + port + "/v1");
    config.put("apiKey", "bench-key");
    config.put("temperature", 0);
    List<AssertionSpec> asserts =
        List.of(
            assertion("contains", "answer", false),
            assertion("icontains", "PARIS", false),
            assertion("regex", "\\b1[0-9]{3}\\b", false),
            assertion("starts-with", "The answer", false),
            assertion("contains", "I cannot help", true));
    List<TestCase> tests =
        IntStream.range(0, count)
            .mapToObj(i -> new TestCase("question " + i, Map.of("n", i), asserts, null, null))
            .toList();
    RunOptions options = new RunOptions(1, concurrency, Duration.ofSeconds(30), 2, 100, null);
    return new Suite("ltb bench", List.of(new Prompt("p0", "bench", "Question {{n}}: what is the answer?")),
        List.of(new ProviderSpec("openai:chat:bench-model", "bench-model", config, null)), tests, options, "bench");
  }

  private static Assertion assertion(String type, String value, boolean negated) {
    return new Assertion(type, negated, TextNode.valueOf(value), null, 1, null, null);
  }

  private static HistoryOption historyAt(Path file) {
    HistoryOption option = new HistoryOption();
    option.file = file;
    return option;
  }

  private Process startServer() throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    String classpath = System.getProperty("java.class.path");
    return new ProcessBuilder(java, "-XX:+UseSerialGC", "-cp", classpath, MockOpenAiServer.class.getName(),
            Integer.toString(delayMs))
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
  }

  private static int awaitPort(Process server) throws IOException {
    var reader = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    String line = reader.readLine();
    if (line == null || !line.startsWith("LISTENING "))
      throw new IOException("mock server did not start: " + line);
    return Integer.parseInt(line.substring("LISTENING ".length()).strip());
  }

  /**
   * CPU time of the JVM's JIT compiler threads so far (Linux: /proc/self/task, 10 ms resolution); -1 where
   * /proc is not available. Separates warm-up cost from the engine's own work per item.
   */
  static long jitCpuNanos() {
    Path tasks = Path.of("/proc/self/task");
    if (!Files.isDirectory(tasks)) return -1;
    long ticks = 0;
    try (var threads = Files.list(tasks)) {
      for (Path thread : (Iterable<Path>) threads::iterator) {
        try {
          String stat = Files.readString(thread.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          if (!name.startsWith("C1 Compiler") && !name.startsWith("C2 Compiler")) continue;
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime + stime
        } catch (IOException | RuntimeException e) {
          // the thread ended meanwhile
        }
      }
    } catch (IOException e) {
      return -1;
    }
    return ticks * 10_000_000L; // USER_HZ is 100 on Linux
  }

  /** Peak resident set size of this process (Linux VmHWM); -1 where /proc is not available. */
  static double peakRssMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }
}
