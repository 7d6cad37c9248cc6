package dev.ltb.bench;

import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.plugin.Plugin;
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
 * Per-call cost of the bundled WebAssembly evaluators (compiled to bytecode at build time) against the same
 * checks written in Java, on a 200-token output, with a fresh instance per call and with pooled instances that
 * are put back to their state after instantiation; and the cost of instantiating and of loading a cached
 * compiled module. {@link PluginOverhead} holds the cases and checks that each plugin agrees with its Java twin.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar PluginBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class PluginBenchmark {

  private PluginOverhead cases;

  @Setup
  public void setUp() {
    cases = new PluginOverhead();
    cases.checkAgreement();
  }

  @Benchmark
  public EvaluationResult containsAllJava() {
    return cases.containsAllJava();
  }

  @Benchmark
  public EvaluationResult containsAllFresh() {
    return cases.containsAllFresh();
  }

  @Benchmark
  public EvaluationResult containsAllPooled() {
    return cases.containsAllPooled();
  }

  @Benchmark
  public EvaluationResult maxWordsJava() {
    return cases.maxWordsJava();
  }

  @Benchmark
  public EvaluationResult maxWordsFresh() {
    return cases.maxWordsFresh();
  }

  @Benchmark
  public EvaluationResult maxWordsPooled() {
    return cases.maxWordsPooled();
  }

  @Benchmark
  public EvaluationResult notEmptyJava() {
    return cases.notEmptyJava();
  }

  @Benchmark
  public EvaluationResult notEmptyFresh() {
    return cases.notEmptyFresh();
  }

  @Benchmark
  public EvaluationResult notEmptyPooled() {
    return cases.notEmptyPooled();
  }

  @Benchmark
  public void instantiate() {
    cases.instantiate();
  }

  @Benchmark
  public Plugin loadCached() {
    return cases.loadCached();
  }
}
