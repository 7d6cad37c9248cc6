package dev.ltb.analysis;

import java.util.List;

/**
 * One model's place in the ranking.
 *
 * @param rank 1 for the best; ties are broken by quality, then cost, latency, suite order
 * @param model the provider label
 * @param providerId the provider id
 * @param score weighted mean of the normalised terms the model has, 0..1
 * @param quality pass rate or mean score (see the ranking's measure), null when unmeasurable
 * @param qualityCiLow lower bound of its 95 % interval (Wilson for a pass rate, percentile bootstrap for a mean
 *     score), null when unmeasurable
 * @param qualityCiHigh upper bound
 * @param p95LatencyMs 95th percentile latency of uncached successful calls, null when there was none
 * @param costPerItemUsd mean cost of items with known cost, null when unknown
 * @param qualityTerm min-max normalised quality (1 = best), null when excluded
 * @param latencyTerm min-max normalised latency (1 = fastest), null when excluded
 * @param costTerm min-max normalised cost (1 = cheapest), null when excluded
 * @param flags why a term was excluded or is partial
 */
public record RankedModel(
    int rank,
    String model,
    String providerId,
    double score,
    Double quality,
    Double qualityCiLow,
    Double qualityCiHigh,
    Long p95LatencyMs,
    Double costPerItemUsd,
    Double qualityTerm,
    Double latencyTerm,
    Double costTerm,
    List<String> flags) {

  public RankedModel {
    flags = List.copyOf(flags);
  }
}
