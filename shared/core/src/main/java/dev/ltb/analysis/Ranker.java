package dev.ltb.analysis;

import dev.ltb.aggregate.Proportion;
import dev.ltb.stats.Intervals;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Ranks models by a weighted score of three min-max normalised terms: quality (higher better), p95 latency and
 * cost per item (lower better). A model lacking a term (unknown cost, no measured latency) is ranked on the
 * terms it has, with the weights renormalised, and flagged. When every model has the same value the term is 1
 * for all.
 */
final class Ranker {

  private Ranker() {}

  static Ranking rank(PairedSamples samples, AnalysisOptions options) {
    List<Row> rows = new ArrayList<>();
    for (ModelSamples model : samples.modelSamples()) {
      Tally tally = model.tally();
      long[] latencies = model.samples.values().stream().mapToLong(Sample::latencyMs).filter(l -> l >= 0).toArray();
      Long p95 = latencies.length == 0 ? null : Intervals.latency(latencies, latencies.length).p95();
      Double quality = tally.quality(options.quality());
      double[] interval = quality == null ? null : qualityInterval(model, tally, options);
      rows.add(new Row(model, quality, interval, p95, tally.costPerItem(), tally.partialCostNote()));
    }
    RankingWeights weights = options.weights();
    List<Scored> scored = new ArrayList<>();
    for (Row row : rows) {
      Double quality = normalise(rows, row, Row::quality, true);
      Double latency = normalise(rows, row, r -> r.p95 == null ? null : r.p95.doubleValue(), false);
      Double cost = normalise(rows, row, Row::cost, false);
      double weighted =
          term(weights.quality(), quality) + term(weights.latency(), latency) + term(weights.cost(), cost);
      double weightSum = (quality == null ? 0 : weights.quality()) + (latency == null ? 0 : weights.latency())
          + (cost == null ? 0 : weights.cost());
      List<String> flags = new ArrayList<>();
      if (quality == null)
        flags.add(options.quality().id() + " unknown (no scored items): excluded from the quality term");
      if (latency == null) flags.add("latency unknown (no uncached successful call): excluded from the latency term");
      if (cost == null) flags.add("cost unknown: excluded from the cost term");
      if (row.partialCost != null) flags.add(row.partialCost);
      scored.add(new Scored(row, weightSum == 0 ? 0 : weighted / weightSum, quality, latency, cost, flags));
    }
    scored.sort(Comparator.comparingDouble(Scored::score).reversed()
        .thenComparing(s -> s.row.quality, Comparator.nullsLast(Comparator.reverseOrder()))
        .thenComparing(s -> s.row.cost, Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(s -> s.row.p95, Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparingInt(s -> s.row.model.providerIndex)
        .thenComparing(s -> s.row.model.label));
    List<RankedModel> ranked = new ArrayList<>();
    for (Scored s : scored)
      ranked.add(new RankedModel(ranked.size() + 1, s.row.model.label, s.row.model.providerId, s.score, s.row.quality,
          s.row.interval == null ? null : s.row.interval[0], s.row.interval == null ? null : s.row.interval[1],
          s.row.p95, s.row.cost, s.quality, s.latency, s.cost, s.flags));
    return new Ranking(options.quality(), weights, ranked);
  }

  /** Wilson for a pass rate, the percentile bootstrap of the mean for a score. */
  private static double[] qualityInterval(ModelSamples model, Tally tally, AnalysisOptions options) {
    if (options.quality() == QualityMeasure.PASS_RATE) {
      Proportion rate = tally.passRate();
      return new double[] {rate.ciLow(), rate.ciHigh()};
    }
    double[] scores = model.scores().values().stream().mapToDouble(Double::doubleValue).toArray();
    BootstrapEstimate estimate = BootstrapEstimate.of(scores, options.bootstrap());
    return estimate == null ? null : new double[] {estimate.ciLow(), estimate.ciHigh()};
  }

  private static double term(double weight, Double normalised) {
    return normalised == null ? 0 : weight * normalised;
  }

  /** (value - worst) / (best - worst) among the models that have the value; 1 when they all share it. */
  private static Double normalise(List<Row> rows, Row row, Function<Row, Double> value, boolean higherIsBetter) {
    Double own = value.apply(row);
    if (own == null) return null;
    double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
    for (Row other : rows) {
      Double v = value.apply(other);
      if (v == null) continue;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    if (max == min) return 1.0;
    return higherIsBetter ? (own - min) / (max - min) : (max - own) / (max - min);
  }

  private record Row(
      ModelSamples model, Double quality, double[] interval, Long p95, Double cost, String partialCost) {}

  private record Scored(Row row, double score, Double quality, Double latency, Double cost, List<String> flags) {}
}
