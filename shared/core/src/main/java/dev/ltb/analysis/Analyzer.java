package dev.ltb.analysis;

import java.util.List;
import java.util.Objects;

/**
 * Entry point of the analysis layer. Feed a {@link PairedSamples} with the results (live or from the history),
 * then ask for the whole {@link Analysis} or one of its parts.
 *
 * <pre>{@code
 * PairedSamples samples = PairedSamples.withinRun();
 * history.forEachResult(runId, samples);
 * Analysis analysis = Analyzer.analyze(samples, AnalysisOptions.defaults(), new TrafficProfile(1_000_000, 800, 200));
 * }</pre>
 */
public final class Analyzer {

  private Analyzer() {}

  /** Everything; {@code traffic} may be null, then there is no cost recommendation. */
  public static Analysis analyze(PairedSamples samples, AnalysisOptions options, TrafficProfile traffic) {
    Objects.requireNonNull(samples, "samples");
    Objects.requireNonNull(options, "options");
    List<ModelComparison> comparisons = ModelComparator.compareAll(samples, options);
    return new Analysis(samples.runId(), options, Descriptives.of(samples, options), comparisons,
        Ranker.rank(samples, options),
        traffic == null ? null : CostOptimizer.recommend(samples, comparisons, traffic, options),
        CategoryRouter.recommend(samples, options));
  }

  public static List<GroupStatistics> describe(PairedSamples samples, AnalysisOptions options) {
    return Descriptives.of(samples, options);
  }

  public static List<ModelComparison> compareModels(PairedSamples samples, AnalysisOptions options) {
    return ModelComparator.compareAll(samples, options);
  }

  public static Ranking rank(PairedSamples samples, AnalysisOptions options) {
    return Ranker.rank(samples, options);
  }

  /** The cheapest model not significantly worse than the best, under {@code traffic}. */
  public static CostRecommendation optimizeCost(
      PairedSamples samples, AnalysisOptions options, TrafficProfile traffic) {
    return CostOptimizer.recommend(samples, ModelComparator.compareAll(samples, options), traffic, options);
  }

  public static RoutingRecommendation route(PairedSamples samples, AnalysisOptions options) {
    return CategoryRouter.recommend(samples, options);
  }
}
