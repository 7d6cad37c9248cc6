package dev.ltb.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Finds the cheapest model that is not significantly worse than the best one, by the paired comparisons of the
 * same analysis (so "not significantly worse" means: Holm-adjusted p ≥ alpha, or better). Monthly cost is
 * projected from each model's observed per-token prices (see {@link TokenPricing}).
 */
final class CostOptimizer {

  private CostOptimizer() {}

  static CostRecommendation recommend(
      PairedSamples samples, List<ModelComparison> comparisons, TrafficProfile traffic, AnalysisOptions options) {
    Objects.requireNonNull(traffic, "traffic");
    QualityMeasure measure = options.quality();
    List<Candidate> candidates = new ArrayList<>();
    for (ModelSamples model : samples.modelSamples()) {
      Tally tally = model.tally();
      candidates.add(new Candidate(model, tally.quality(measure), tally.costPerItem(), model.pricing()));
    }
    if (candidates.isEmpty())
      return new CostRecommendation(traffic, measure, null, null, null, null, null, "no results to analyse", List.of());
    Candidate best = candidates.stream().min(BEST_QUALITY_FIRST).orElseThrow();

    List<CostProjection> projections = new ArrayList<>();
    for (Candidate candidate : candidates) projections.add(project(candidate, best, comparisons, traffic, options));
    projections.sort(Comparator.comparing(CostProjection::eligible).reversed()
        .thenComparing(CostProjection::monthlyCostUsd, Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(CostProjection::quality, Comparator.nullsLast(Comparator.reverseOrder()))
        .thenComparingInt(p -> samples.model(p.model()).providerIndex));
    CostProjection bestProjection =
        projections.stream().filter(p -> p.model().equals(best.model.label)).findFirst().orElseThrow();
    CostProjection chosen = projections.get(0).eligible() ? projections.get(0) : null;

    Double savings = chosen == null || bestProjection.monthlyCostUsd() == null
        ? null
        : bestProjection.monthlyCostUsd() - chosen.monthlyCostUsd();
    return new CostRecommendation(traffic, measure, best.model.label, chosen == null ? null : chosen.model(),
        chosen == null ? null : chosen.monthlyCostUsd(), bestProjection.monthlyCostUsd(), savings,
        summary(best, bestProjection, chosen, traffic, measure), projections);
  }

  private static final Comparator<Candidate> BEST_QUALITY_FIRST =
      Comparator.comparing(Candidate::quality, Comparator.nullsLast(Comparator.reverseOrder()))
          .thenComparing(Candidate::costPerItem, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparingInt(c -> c.model.providerIndex);

  private static CostProjection project(
      Candidate candidate, Candidate best, List<ModelComparison> comparisons, TrafficProfile traffic,
      AnalysisOptions options) {
    String label = candidate.model.label;
    Double monthly = candidate.pricing == null ? null : candidate.pricing.monthlyCostUsd(traffic);
    Verdict versusBest = null;
    double[] difference = null;
    String blocker = null;
    if (!label.equals(best.model.label)) {
      ModelComparison comparison = comparisons.stream()
          .filter(c -> c.involves(label) && c.involves(best.model.label)).findFirst().orElse(null);
      difference = comparison == null ? null : differenceOf(comparison, label, options.quality());
      if (difference == null) blocker = "not compared with " + best.model.label + ": no common cases with an outcome";
      else {
        versusBest = comparison.verdictFor(label);
        if (versusBest == Verdict.WORSE)
          blocker = "significantly worse than " + best.model.label + ": " + comparison.summary();
      }
    }
    if (candidate.quality == null) blocker = options.quality().id() + " unknown: no scored items";
    if (blocker == null && candidate.pricing == null) blocker = "cost unknown: no item reported a cost";
    String note = blocker != null ? blocker : pricingNote(candidate.pricing);
    return new CostProjection(label, candidate.quality, versusBest, difference == null ? null : difference[0],
        difference == null ? null : difference[1], difference == null ? null : difference[2], candidate.pricing,
        candidate.costPerItem, monthly, blocker == null, note);
  }

  /**
   * {difference, ciLow, ciHigh} of {@code model} minus the other, or null when the measure was not compared
   * ({@code 0.0 - x} rather than {@code -x}, so no "-0.0" reaches the output).
   */
  private static double[] differenceOf(ModelComparison comparison, String model, QualityMeasure measure) {
    double estimate, low, high;
    if (measure == QualityMeasure.PASS_RATE) {
      if (comparison.passRate() == null) return null;
      estimate = comparison.passRate().difference();
      low = comparison.passRate().ciLow();
      high = comparison.passRate().ciHigh();
    } else {
      if (comparison.score() == null) return null;
      estimate = comparison.score().meanDifference();
      low = comparison.score().ciLow();
      high = comparison.score().ciHigh();
    }
    return comparison.modelA().equals(model) ? new double[] {estimate, low, high} : new double[] {0.0 - estimate, 0.0 - high, 0.0 - low};
  }

  private static String pricingNote(TokenPricing pricing) {
    return switch (pricing.method()) {
      case TokenPricing.FITTED -> "input and output prices fitted from " + pricing.items() + " items";
      case TokenPricing.BLENDED -> "one blended price per token from " + pricing.items()
          + " items (their token mix cannot separate input and output prices)";
      default -> "mean cost per request from " + pricing.items() + " items (no token counts reported)";
    };
  }

  private static String summary(
      Candidate best, CostProjection bestProjection, CostProjection chosen, TrafficProfile traffic,
      QualityMeasure measure) {
    String volume = " for " + traffic.requestsPerMonth() + " requests/month";
    String bestLabel = best.model.label;
    if (chosen == null)
      return "no recommendation: cost is unknown for every model that is not significantly worse than " + bestLabel;
    if (chosen.model().equals(bestLabel))
      return bestLabel + " has the best " + measure.id() + " and is also the cheapest model not significantly worse: "
          + Formats.usd(chosen.monthlyCostUsd()) + "/month" + volume;
    String bestCost = bestProjection.monthlyCostUsd() == null
        ? "an unknown cost for " + bestLabel
        : Formats.usd(bestProjection.monthlyCostUsd()) + " for " + bestLabel;
    return chosen.model() + " is not significantly worse than " + bestLabel + " (" + measure.id() + " "
        + quality(chosen.quality(), measure) + " vs " + quality(best.quality, measure) + ", difference 95 % CI "
        + difference(chosen.differenceCiLow(), measure) + " to " + difference(chosen.differenceCiHigh(), measure)
        + ") and costs " + Formats.usd(chosen.monthlyCostUsd()) + "/month instead of " + bestCost + volume;
  }

  private static String difference(double value, QualityMeasure measure) {
    return measure == QualityMeasure.PASS_RATE ? Formats.points(value) : Formats.signed(value);
  }

  private static String quality(Double value, QualityMeasure measure) {
    if (value == null) return "unknown";
    return measure == QualityMeasure.PASS_RATE ? Formats.percent(value) : Formats.decimal(value);
  }

  private record Candidate(ModelSamples model, Double quality, Double costPerItem, TokenPricing pricing) {}
}
