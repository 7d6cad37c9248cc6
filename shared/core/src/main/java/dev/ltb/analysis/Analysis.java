package dev.ltb.analysis;

import java.util.List;

/**
 * Which model is really better: descriptive statistics, paired comparisons, ranking and recommendations of one
 * set of results. Serialize with {@code Json.mapper()}.
 *
 * @param runId the run analysed (of the first result)
 * @param options the settings used
 * @param groups per model and prompt: pass rate, score and metrics with intervals
 * @param comparisons every pair of models, Holm-corrected
 * @param ranking models by weighted quality, latency and cost
 * @param cost the cost optimizer's recommendation, null when no traffic profile was given
 * @param routing the per-category router's recommendation
 */
public record Analysis(
    String runId,
    AnalysisOptions options,
    List<GroupStatistics> groups,
    List<ModelComparison> comparisons,
    Ranking ranking,
    CostRecommendation cost,
    RoutingRecommendation routing) {

  public Analysis {
    groups = List.copyOf(groups);
    comparisons = List.copyOf(comparisons);
  }
}
