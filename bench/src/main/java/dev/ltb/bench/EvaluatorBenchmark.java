package dev.ltb.bench;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.ltb.evaluator.BuiltInEvaluators;
import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.evaluator.Evaluator;
import dev.ltb.evaluator.EvaluatorRegistry;
import dev.ltb.suite.Assertion;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time per evaluation of the deterministic evaluators on realistic lengths: a 200-token output against a
 * 200-token reference sharing most of its words (as a model's answer and a reference answer do).
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar EvaluatorBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EvaluatorBenchmark {

  @Param({
    "bleu", "gleu", "meteor", "rouge-n", "rouge-l", "chrf", "f1", "exact-match", "wer", "cer", "levenshtein",
    "contains", "icontains-all", "regex"
  })
  public String type;

  private Evaluator evaluator;
  private Assertion assertion;
  private EvaluationContext context;

  @Setup
  public void setUp() {
    EvaluatorRegistry registry = BuiltInEvaluators.registry();
    evaluator = registry.get(type);
    String reference = text(200, 7);
    String output = mutate(reference, 11);
    String value =
        switch (type) {
          case "contains" -> "lorem";
          case "icontains-all" -> "alpha, omega";
          case "regex" -> "\\b(alpha|omega)\\b";
          default -> reference;
        };
    assertion = new Assertion(type, false, TextNode.valueOf(value), null, 1, null, null);
    context = EvaluationContext.ofOutput(output);
  }

  @Benchmark
  public EvaluationResult evaluate() {
    return evaluator.evaluate(assertion, context);
  }

  private static final String[] WORDS = {
    "the", "model", "answer", "is", "correct", "alpha", "omega", "because", "of", "data", "Paris", "France",
    "capital", "river", "city", "quality", "latency", "cost", "and", "a", "with", "evaluation", "reference", "token"
  };

  static String text(int tokens, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < tokens; i++) {
      if (i > 0) text.append(i % 17 == 0 ? ". " : " ");
      text.append(WORDS[random.nextInt(WORDS.length)]);
    }
    return text.append('.').toString();
  }

  /** Replaces about one word in six, so output and reference overlap like a decent answer. */
  static String mutate(String text, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    String[] tokens = text.split(" ");
    for (int i = 0; i < tokens.length; i++) if (random.nextInt(6) == 0) tokens[i] = WORDS[random.nextInt(WORDS.length)];
    return String.join(" ", tokens);
  }
}
