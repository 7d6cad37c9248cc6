package dev.ltb.analysis;

import java.util.List;

/**
 * The cheapest model whose quality is not significantly worse than the best model's.
 *
 * @param traffic the traffic profile the projections assume
 * @param quality the quality measure
 * @param bestModel the model with the highest quality
 * @param recommendedModel the cheapest eligible model, null when no eligible model has a known cost
 * @param recommendedMonthlyCostUsd its projected monthly cost
 * @param bestMonthlyCostUsd the best model's projected monthly cost, null when unknown
 * @param monthlySavingsUsd best minus recommended, null when either is unknown
 * @param summary one line a person can read
 * @param models every model's projection, cheapest eligible first
 */
public record CostRecommendation(
    TrafficProfile traffic,
    QualityMeasure quality,
    String bestModel,
    String recommendedModel,
    Double recommendedMonthlyCostUsd,
    Double bestMonthlyCostUsd,
    Double monthlySavingsUsd,
    String summary,
    List<CostProjection> models) {

  public CostRecommendation {
    models = List.copyOf(models);
  }
}
