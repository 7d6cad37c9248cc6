package dev.ltb.analysis;

/**
 * How much each normalised term counts in the ranking score. Weights need not sum to 1: the score divides by
 * the sum of the weights of the terms a model has.
 */
public record RankingWeights(double quality, double latency, double cost) {

  public static final RankingWeights DEFAULT = new RankingWeights(0.6, 0.2, 0.2);

  public RankingWeights {
    if (!(quality >= 0 && latency >= 0 && cost >= 0))
      throw new IllegalArgumentException("ranking weights must be >= 0, got " + quality + "/" + latency + "/" + cost);
    if (quality + latency + cost == 0)
      throw new IllegalArgumentException("at least one ranking weight (quality, latency, cost) must be above 0");
  }
}
