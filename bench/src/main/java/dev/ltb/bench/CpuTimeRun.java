package dev.ltb.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * A companion to the JMH benchmarks for a loaded machine: times the same operations in CPU time of the
 * measuring thread (time spent waiting for a core is not counted, which wall-clock JMH figures include),
 * alternating the measured operations round by round so that a change of load hits all of them alike.
 * Prints, per operation, the fastest and the median round in µs per call, and for {@code ratios} the
 * baseline/current ratio of the fastest rounds.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar dev.ltb.bench.CpuTimeRun ratios} (or {@code
 * evaluators}), optionally followed by the number of rounds (default 15).
 */
public final class CpuTimeRun {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static volatile double sink;

  private CpuTimeRun() {}

  public static void main(String[] args) {
    String what = args.length > 0 ? args[0] : "ratios";
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    Map<String, DoubleSupplier> operations = new LinkedHashMap<>();
    if (what.equals("ratios")) {
      String[] metrics =
          args.length > 2
              ? Arrays.copyOfRange(args, 2, args.length)
              : new String[] {"wer", "cer", "levenshtein", "rouge-l", "exact-match", "f1", "13a", "gleu"};
      for (String metric : metrics) {
        MetricBaselineBenchmark bench = new MetricBaselineBenchmark();
        bench.metric = metric;
        bench.setUp();
        operations.put(metric + " current", bench::current);
        operations.put(metric + " baseline", bench::baseline);
      }
    } else {
      for (String type : args.length > 2 ? Arrays.copyOfRange(args, 2, args.length) : TYPES) {
        EvaluatorBenchmark bench = new EvaluatorBenchmark();
        bench.type = type;
        bench.setUp();
        operations.put(type, () -> bench.evaluate().score());
      }
    }
    Map<String, Integer> batch = new LinkedHashMap<>();
    for (var entry : operations.entrySet()) batch.put(entry.getKey(), calibrate(entry.getValue()));
    Map<String, List<Double>> perCall = new LinkedHashMap<>();
    operations.keySet().forEach(name -> perCall.put(name, new ArrayList<>()));
    for (int round = 0; round < rounds; round++)
      for (var entry : operations.entrySet())
        perCall.get(entry.getKey()).add(cpuMicros(entry.getValue(), batch.get(entry.getKey())));
    Map<String, Double> fastest = new LinkedHashMap<>();
    for (var entry : perCall.entrySet()) {
      List<Double> times = entry.getValue().stream().sorted().toList();
      fastest.put(entry.getKey(), times.getFirst());
      System.out.printf(
          "%-24s fastest %10.2f µs   median %10.2f µs%n",
          entry.getKey(), times.getFirst(), times.get(times.size() / 2));
    }
    if (what.equals("ratios"))
      for (String name : fastest.keySet())
        if (name.endsWith(" current")) {
          String metric = name.substring(0, name.length() - " current".length());
          System.out.printf(
              "%-12s baseline / current = %.1f×%n", metric, fastest.get(metric + " baseline") / fastest.get(name));
        }
  }

  private static final String[] TYPES = {
    "bleu", "gleu", "meteor", "rouge-n", "rouge-l", "chrf", "f1", "exact-match", "wer", "cer", "levenshtein",
    "contains", "icontains-all", "regex"
  };

  /** Calls per round so that a round takes about 50 ms of CPU time, after a warm-up of about 1 s. */
  private static int calibrate(DoubleSupplier operation) {
    long start = THREADS.getCurrentThreadCpuTime();
    int calls = 0;
    while (THREADS.getCurrentThreadCpuTime() - start < 1_000_000_000L) {
      sink += operation.getAsDouble();
      calls++;
    }
    return Math.max(1, calls / 20);
  }

  private static double cpuMicros(DoubleSupplier operation, int calls) {
    long start = THREADS.getCurrentThreadCpuTime();
    double sum = 0;
    for (int i = 0; i < calls; i++) sum += operation.getAsDouble();
    sink += sum;
    return (THREADS.getCurrentThreadCpuTime() - start) / 1000.0 / calls;
  }
}
