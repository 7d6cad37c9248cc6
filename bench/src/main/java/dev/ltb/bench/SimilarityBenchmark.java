package dev.ltb.bench;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.evaluator.judge.Judges;
import dev.ltb.evaluator.similarity.AllMiniLmL6V2;
import dev.ltb.evaluator.similarity.SimilarEvaluator;
import dev.ltb.provider.BuiltInProviders;
import dev.ltb.provider.ProviderContext;
import dev.ltb.provider.ProviderRegistry;
import dev.ltb.suite.Assertion;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time per pair of the {@code similar} assertion with the embedded all-MiniLM-L6-v2 model: the output and the
 * expected value are both embedded (in process, ONNX Runtime) and compared by cosine. Each call gets fresh judges,
 * so neither text comes from the run's embedding cache: this is what an uncached pair costs. {@code modelOnly}
 * embeds the same two texts straight through the model, the baseline for the evaluator's own overhead.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar SimilarityBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SimilarityBenchmark {

  /** A one-sentence answer against a one-sentence reference. */
  static final String SENTENCE_OUTPUT = "The capital of France is Paris, on the Seine.";
  static final String SENTENCE_REFERENCE = "Paris is the capital city of France.";

  /** A 162-word answer (roughly 200 word pieces) against a 102-word reference: a typical RAG answer. */
  static final String PARAGRAPH_OUTPUT =
      "Retrieval-augmented generation combines a search step with a language model. When a question arrives, the"
          + " system first turns it into a query, looks up the most relevant passages in a document store, and"
          + " then hands those passages to the model together with the question. The model is instructed to"
          + " answer from the passages only and to say when they do not contain the answer. This keeps answers"
          + " grounded in the organisation's own documents, makes it possible to cite sources, and lets the"
          + " knowledge base change without retraining the model. The quality of the final answer depends on both"
          + " halves: if retrieval misses the right passage, the model cannot recover it, and if the model ignores"
          + " the passages, retrieval was wasted. Teams therefore evaluate retrieval recall, the faithfulness of"
          + " the answer to the context, and the relevance of the answer to the question separately, and they"
          + " keep a fixed test set so that changes to chunking, embeddings or prompts can be compared fairly.";
  static final String PARAGRAPH_REFERENCE =
      "In retrieval-augmented generation a retriever first finds passages relevant to the user's question in a"
          + " document collection, and the language model then writes its answer using those passages as"
          + " context. Grounding the answer in retrieved text reduces hallucination, allows citations and keeps"
          + " the system current when documents change, without fine-tuning. Good results need both good"
          + " retrieval and a model that stays faithful to the context, so both parts are measured: whether the"
          + " needed passages were retrieved, whether the answer is supported by them, and whether it answers"
          + " the question. A stable evaluation set makes it possible to compare changes to the pipeline.";

  @Param({"sentence", "paragraph"})
  public String length;

  String output;
  Assertion assertion;
  EvaluationContext context;
  private String reference;

  @Setup(Level.Trial)
  public void setUp() {
    output = length.equals("sentence") ? SENTENCE_OUTPUT : PARAGRAPH_OUTPUT;
    reference = length.equals("sentence") ? SENTENCE_REFERENCE : PARAGRAPH_REFERENCE;
    assertion = new Assertion("similar", false, TextNode.valueOf(reference), null, 1, null, null);
    context = EvaluationContext.ofOutput(output);
    AllMiniLmL6V2.shared().embed("load the model before measuring");
  }

  /** A {@code similar} evaluator over judges of its own: an empty embedding cache for every call. */
  @State(Scope.Thread)
  public static class FreshJudges {
    private final ProviderRegistry providers = BuiltInProviders.registry();
    private final ProviderContext providerContext = ProviderContext.defaults(Path.of("."));
    SimilarEvaluator evaluator;

    @Setup(Level.Invocation)
    public void setUp() {
      evaluator = new SimilarEvaluator(new Judges(providers, providerContext));
    }
  }

  @Benchmark
  public EvaluationResult similarPair(FreshJudges fresh) {
    return fresh.evaluator.evaluate(assertion, context);
  }

  @Benchmark
  public double modelOnly() {
    float[] a = AllMiniLmL6V2.shared().embed(output).vector();
    float[] b = AllMiniLmL6V2.shared().embed(reference).vector();
    double dot = 0;
    for (int i = 0; i < a.length; i++) dot += a[i] * b[i];
    return dot;
  }
}
