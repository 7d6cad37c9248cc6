package dev.ltb.bench;

import dev.ltb.bench.baseline.StepByStepSquad;
import dev.ltb.bench.baseline.StringPass13a;
import dev.ltb.bench.baseline.TableErrorRate;
import dev.ltb.bench.baseline.TableRougeL;
import dev.ltb.evaluator.metric.BleuTokenizer;
import dev.ltb.evaluator.metric.EditDistance;
import dev.ltb.evaluator.metric.ErrorRate;
import dev.ltb.evaluator.metric.Gleu;
import dev.ltb.evaluator.metric.Rouge;
import dev.ltb.evaluator.metric.SquadAnswer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.text.similarity.LevenshteinDistance;
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
 * The metrics whose algorithm changed, each against its previous implementation in the same run (kept in
 * {@code dev.ltb.bench.baseline}, or commons-text for {@code levenshtein}), on {@link EvaluatorBenchmark}'s
 * texts. On a shared, loaded machine the ratio {@code baseline / current} is the figure to trust; both
 * methods return the metric's value so the tests in core and this baseline compute the same number.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar MetricBaselineBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MetricBaselineBenchmark {

  @Param({"wer", "cer", "levenshtein", "rouge-l", "exact-match", "f1", "13a", "gleu"})
  public String metric;

  private static final LevenshteinDistance COMMONS = LevenshteinDistance.getDefaultInstance();
  private static final Rouge ROUGE = new Rouge(false);
  private static final Gleu GLEU = new Gleu();

  private String reference;
  private String output;

  @Setup
  public void setUp() {
    reference = EvaluatorBenchmark.text(200, 7);
    output = EvaluatorBenchmark.mutate(reference, 11);
    if (metric.equals("13a")
        && !BleuTokenizer.THIRTEEN_A.tokenize(output, false).equals(StringPass13a.tokenize(output, false)))
      throw new IllegalStateException("13a: the tokens differ from the baseline's");
    if (current() != baseline())
      throw new IllegalStateException(metric + ": current " + current() + " differs from baseline " + baseline());
  }

  @Benchmark
  public double current() {
    return switch (metric) {
      case "wer" -> ErrorRate.wordErrorRate(reference, output).rate();
      case "cer" -> ErrorRate.characterErrorRate(reference, output).rate();
      case "levenshtein" -> EditDistance.ofChars(output, reference);
      case "exact-match" -> SquadAnswer.exactMatch(output, List.of(reference));
      case "f1" -> SquadAnswer.f1(output, List.of(reference)).f1();
      case "13a" -> BleuTokenizer.THIRTEEN_A.tokenize(output, false).size();
      case "gleu" ->
          GLEU.sentenceScore(
                  BleuTokenizer.THIRTEEN_A.tokenize(output, false),
                  List.of(BleuTokenizer.THIRTEEN_A.tokenize(reference, false)))
              .score();
      default -> ROUGE.rougeL(output, List.of(reference)).fmeasure();
    };
  }

  @Benchmark
  public double baseline() {
    return switch (metric) {
      case "wer" -> TableErrorRate.wordErrorRate(reference, output).rate();
      case "cer" -> TableErrorRate.characterErrorRate(reference, output).rate();
      case "levenshtein" -> COMMONS.apply(output, reference);
      case "exact-match" -> StepByStepSquad.exactMatch(output, List.of(reference));
      case "f1" -> StepByStepSquad.f1(output, List.of(reference));
      case "13a" -> StringPass13a.tokenize(output, false).size();
      case "gleu" ->
          GLEU.sentenceScore(
                  StringPass13a.tokenize(output, false), List.of(StringPass13a.tokenize(reference, false)))
              .score();
      default -> TableRougeL.fmeasure(output, reference);
    };
  }
}
