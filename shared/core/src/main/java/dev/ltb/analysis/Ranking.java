package dev.ltb.analysis;

import java.util.List;

/**
 * Models ordered by a weighted score of quality, latency and cost.
 *
 * @param quality what the quality term measures
 * @param weights the weights used
 * @param models best first
 */
public record Ranking(QualityMeasure quality, RankingWeights weights, List<RankedModel> models) {

  public Ranking {
    models = List.copyOf(models);
  }
}
