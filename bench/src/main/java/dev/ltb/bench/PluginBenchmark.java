package dev.ltb.bench;

import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.plugins.bundled.PluginOverhead;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-call cost of a WebAssembly evaluator plugin against the same check written in Java, on a 200-token
 * output ({@link PluginOverhead} holds the cases and checks that they agree).
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar PluginBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PluginBenchmark {

  private PluginOverhead cases;

  @Setup
  public void setUp() {
    cases = new PluginOverhead();
    cases.checkAgreement();
  }

  @Benchmark
  public EvaluationResult java() {
    return cases.java();
  }

  @Benchmark
  public EvaluationResult pluginFreshInstance() {
    return cases.pluginFreshInstance();
  }

  @Benchmark
  public EvaluationResult pluginPooled() {
    return cases.plugin();
  }
}
