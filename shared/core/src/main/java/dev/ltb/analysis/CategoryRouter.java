package dev.ltb.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Picks the best model per test category (metadata key, default {@code category}) and compares the blended
 * quality and cost of routing with those of the single best model. Per-category samples are small: the
 * candidates' Wilson intervals show how much a choice can be trusted.
 */
final class CategoryRouter {

  static final String UNCATEGORIZED = "(uncategorized)";

  private CategoryRouter() {}

  static RoutingRecommendation recommend(PairedSamples samples, AnalysisOptions options) {
    QualityMeasure measure = options.quality();
    List<ModelSamples> models = samples.modelSamples();
    Map<String, String> categoryOfTest = new HashMap<>();
    Map<String, Set<CaseKey>> casesByCategory = new TreeMap<>();
    Map<ModelSamples, Map<String, Tally>> tallies = new LinkedHashMap<>();
    for (ModelSamples model : models) {
      Map<String, Tally> byCategory = new HashMap<>();
      model.samples.forEach((key, sample) -> {
        String category = categoryOfTest.computeIfAbsent(key.test(), test -> category(samples, test, options));
        casesByCategory.computeIfAbsent(category, c -> new TreeSet<>()).add(key);
        byCategory.computeIfAbsent(category, c -> new Tally()).add(sample);
      });
      tallies.put(model, byCategory);
    }
    long totalCases = casesByCategory.values().stream().mapToLong(Set::size).sum();
    if (totalCases == 0)
      return new RoutingRecommendation(options.categoryKey(), measure, null, null, null, null, null, List.of(),
          "no results to analyse");

    Comparator<Choice> bestFirst =
        Comparator.comparing((Choice c) -> c.tally.quality(measure), Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(c -> c.tally.costPerItem(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingInt(c -> c.model.providerIndex);
    List<CategoryRoute> routes = new ArrayList<>();
    Blend routed = new Blend();
    for (var entry : casesByCategory.entrySet()) {
      String category = entry.getKey();
      double share = (double) entry.getValue().size() / totalCases;
      List<Choice> choices = new ArrayList<>();
      for (ModelSamples model : models) {
        Tally tally = tallies.get(model).get(category);
        if (tally != null) choices.add(new Choice(model, tally));
      }
      choices.sort(bestFirst);
      Choice chosen = choices.get(0);
      routed.add(share, chosen.tally, measure);
      routes.add(new CategoryRoute(category, entry.getValue().size(), share, chosen.model.label,
          chosen.tally.quality(measure), chosen.tally.costPerItem(),
          choices.stream().map(c -> new CategoryCandidate(c.model.label, c.tally.passRate(), c.tally.meanScore(),
              c.tally.costPerItem())).toList()));
    }

    ModelSamples single =
        models.stream().map(m -> new Choice(m, m.tally())).sorted(bestFirst).findFirst().orElseThrow().model;
    Blend alone = new Blend();
    casesByCategory.forEach((category, cases) ->
        alone.add((double) cases.size() / totalCases, tallies.get(single).get(category), measure));
    return new RoutingRecommendation(options.categoryKey(), measure, single.label, alone.quality(), alone.cost(),
        routed.quality(), routed.cost(), routes, summary(routes, single.label, alone, routed, measure));
  }

  private static String category(PairedSamples samples, String test, AnalysisOptions options) {
    Object value = samples.test(test).metadata().get(options.categoryKey());
    return value == null || value.toString().isBlank() ? UNCATEGORIZED : value.toString();
  }

  private static String summary(
      List<CategoryRoute> routes, String single, Blend alone, Blend routed, QualityMeasure measure) {
    if (routes.stream().allMatch(route -> route.model().equals(single)))
      return "routing by category picks " + single + " everywhere: the same as using " + single + " alone";
    return "routing by category: " + measure.id() + " " + quality(routed.quality(), measure) + " at "
        + cost(routed.cost()) + " per item, against " + quality(alone.quality(), measure) + " at "
        + cost(alone.cost()) + " per item with " + single + " alone";
  }

  private static String quality(Double value, QualityMeasure measure) {
    if (value == null) return "unknown";
    return measure == QualityMeasure.PASS_RATE ? Formats.percent(value) : Formats.decimal(value);
  }

  private static String cost(Double value) {
    return value == null ? "unknown cost" : Formats.usd(value);
  }

  private record Choice(ModelSamples model, Tally tally) {}

  /** Share-weighted sums; a category without a value makes the blend unknown. */
  private static final class Blend {
    double quality, cost;
    boolean qualityUnknown, costUnknown;

    void add(double share, Tally tally, QualityMeasure measure) {
      Double q = tally == null ? null : tally.quality(measure);
      Double c = tally == null ? null : tally.costPerItem();
      if (q == null) qualityUnknown = true;
      else quality += share * q;
      if (c == null) costUnknown = true;
      else cost += share * c;
    }

    Double quality() {
      return qualityUnknown ? null : quality;
    }

    Double cost() {
      return costUnknown ? null : cost;
    }
  }
}
