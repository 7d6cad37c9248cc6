package dev.ltb.analysis;

import java.util.List;

/**
 * Routing each test category to its own best model, against sending everything to the single best model. Both
 * blended figures weight each category by its share of cases.
 *
 * @param categoryKey the test metadata key that names categories
 * @param quality the quality measure
 * @param singleBestModel the best model over all categories (quality, then cost, then suite order)
 * @param singleBestQuality its blended quality
 * @param singleBestCostPerItemUsd its blended cost per item, null when unknown in some category
 * @param routedQuality blended quality when routing
 * @param routedCostPerItemUsd blended cost per item when routing, null when a routed model's cost is unknown
 * @param routes one per category, in category order
 * @param summary one line a person can read
 */
public record RoutingRecommendation(
    String categoryKey,
    QualityMeasure quality,
    String singleBestModel,
    Double singleBestQuality,
    Double singleBestCostPerItemUsd,
    Double routedQuality,
    Double routedCostPerItemUsd,
    List<CategoryRoute> routes,
    String summary) {

  public RoutingRecommendation {
    routes = List.copyOf(routes);
  }
}
