package dev.ltb.evaluator;

import dev.ltb.evaluator.html.IsHtmlEvaluator;
import dev.ltb.evaluator.json.ContainsJsonEvaluator;
import dev.ltb.evaluator.json.IsJsonEvaluator;
import dev.ltb.evaluator.judge.AnswerRelevanceEvaluator;
import dev.ltb.evaluator.judge.ClosedQaEvaluator;
import dev.ltb.evaluator.judge.ContextFaithfulnessEvaluator;
import dev.ltb.evaluator.judge.ContextRecallEvaluator;
import dev.ltb.evaluator.judge.ContextRelevanceEvaluator;
import dev.ltb.evaluator.judge.FactualityEvaluator;
import dev.ltb.evaluator.judge.GEvalEvaluator;
import dev.ltb.evaluator.judge.Judges;
import dev.ltb.evaluator.judge.LlmRubricEvaluator;
import dev.ltb.evaluator.logprob.PerplexityEvaluator;
import dev.ltb.evaluator.logprob.PerplexityScoreEvaluator;
import dev.ltb.evaluator.reference.BleuEvaluator;
import dev.ltb.evaluator.reference.CerEvaluator;
import dev.ltb.evaluator.reference.ChrfEvaluator;
import dev.ltb.evaluator.reference.ExactMatchEvaluator;
import dev.ltb.evaluator.reference.F1Evaluator;
import dev.ltb.evaluator.reference.GleuEvaluator;
import dev.ltb.evaluator.reference.MeteorEvaluator;
import dev.ltb.evaluator.reference.RougeLEvaluator;
import dev.ltb.evaluator.reference.RougeNEvaluator;
import dev.ltb.evaluator.reference.WerEvaluator;
import dev.ltb.evaluator.refusal.IsRefusalEvaluator;
import dev.ltb.evaluator.runtime.CostEvaluator;
import dev.ltb.evaluator.runtime.FinishReasonEvaluator;
import dev.ltb.evaluator.runtime.LatencyEvaluator;
import dev.ltb.evaluator.similarity.SimilarEvaluator;
import dev.ltb.evaluator.similarity.SimilarityMetric;
import dev.ltb.evaluator.sql.ContainsSqlEvaluator;
import dev.ltb.evaluator.sql.IsSqlEvaluator;
import dev.ltb.evaluator.text.ContainsAllEvaluator;
import dev.ltb.evaluator.text.ContainsAnyEvaluator;
import dev.ltb.evaluator.text.ContainsEvaluator;
import dev.ltb.evaluator.text.EndsWithEvaluator;
import dev.ltb.evaluator.text.EqualsEvaluator;
import dev.ltb.evaluator.text.IContainsAllEvaluator;
import dev.ltb.evaluator.text.IContainsAnyEvaluator;
import dev.ltb.evaluator.text.IContainsEvaluator;
import dev.ltb.evaluator.text.LevenshteinEvaluator;
import dev.ltb.evaluator.text.RegexEvaluator;
import dev.ltb.evaluator.text.StartsWithEvaluator;
import dev.ltb.evaluator.text.WordCountEvaluator;
import dev.ltb.evaluator.tool.IsValidFunctionCallEvaluator;
import dev.ltb.evaluator.tool.IsValidOpenAiToolsCallEvaluator;
import dev.ltb.evaluator.tool.ToolCallF1Evaluator;
import dev.ltb.evaluator.xml.ContainsXmlEvaluator;
import dev.ltb.evaluator.xml.IsXmlEvaluator;
import dev.ltb.provider.BuiltInProviders;
import dev.ltb.provider.ProviderContext;
import dev.ltb.provider.ProviderRegistry;
import java.nio.file.Path;
import java.util.List;

/**
 * The evaluators that ship with the bench. Add a new one here and to docs/evaluators.md (a test
 * checks both). Model-graded evaluators and {@code similar} reach their models through the {@link Judges}
 * given here; build one registry per run, so that each run has its own judge cache.
 */
public final class BuiltInEvaluators {

  private BuiltInEvaluators() {}

  /**
   * The evaluators with judges built from the built-in providers and secrets from the environment, the
   * suite folder being the working directory: for listing, validation, and runs without a suite folder.
   */
  public static EvaluatorRegistry registry() {
    return Default.REGISTRY;
  }

  /** The evaluators with judges built from these providers and this context (one registry per run). */
  public static EvaluatorRegistry registry(ProviderRegistry providers, ProviderContext context) {
    return registry(new Judges(providers, context));
  }

  /** The evaluators, model-graded ones asking these judges. */
  public static EvaluatorRegistry registry(Judges judges) {
    return new EvaluatorRegistry(
        List.of(
            new EqualsEvaluator(),
            new ContainsEvaluator(),
            new IContainsEvaluator(),
            new ContainsAnyEvaluator(),
            new ContainsAllEvaluator(),
            new IContainsAnyEvaluator(),
            new IContainsAllEvaluator(),
            new StartsWithEvaluator(),
            new EndsWithEvaluator(),
            new RegexEvaluator(),
            new LevenshteinEvaluator(),
            new WordCountEvaluator(),
            new IsJsonEvaluator(),
            new ContainsJsonEvaluator(),
            new IsXmlEvaluator(),
            new ContainsXmlEvaluator(),
            new IsHtmlEvaluator(),
            new IsSqlEvaluator(),
            new ContainsSqlEvaluator(),
            new IsRefusalEvaluator(),
            new LatencyEvaluator(),
            new CostEvaluator(),
            new FinishReasonEvaluator(),
            new PerplexityEvaluator(),
            new PerplexityScoreEvaluator(),
            new BleuEvaluator(),
            new GleuEvaluator(),
            new MeteorEvaluator(),
            new RougeNEvaluator(),
            new RougeLEvaluator(),
            new ChrfEvaluator(),
            new F1Evaluator(),
            new ExactMatchEvaluator(),
            new WerEvaluator(),
            new CerEvaluator(),
            new IsValidOpenAiToolsCallEvaluator(),
            new IsValidFunctionCallEvaluator(),
            new ToolCallF1Evaluator(),
            new SimilarEvaluator(judges),
            new SimilarEvaluator(judges, SimilarityMetric.COSINE),
            new SimilarEvaluator(judges, SimilarityMetric.DOT),
            new SimilarEvaluator(judges, SimilarityMetric.EUCLIDEAN),
            new LlmRubricEvaluator(judges),
            new GEvalEvaluator(judges),
            new ClosedQaEvaluator(judges),
            new FactualityEvaluator(judges),
            new AnswerRelevanceEvaluator(judges),
            new ContextFaithfulnessEvaluator(judges),
            new ContextRecallEvaluator(judges),
            new ContextRelevanceEvaluator(judges)));
  }

  /** Built on first use: its HTTP client is not needed to list or validate. */
  private static final class Default {
    static final EvaluatorRegistry REGISTRY =
        registry(BuiltInProviders.registry(), ProviderContext.defaults(Path.of("")));
  }
}
