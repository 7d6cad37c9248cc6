package dev.ltb.analysis;

import java.util.List;

/**
 * Which model to send one category of requests to.
 *
 * @param category the value of the category metadata key ({@value CategoryRouter#UNCATEGORIZED} when absent)
 * @param cases cases (test × prompt × repetition) in this category
 * @param share cases / all cases: the category's weight in the blended figures
 * @param model the chosen model: best quality in the category, then lowest cost, then suite order
 * @param quality its quality in the category
 * @param costPerItemUsd its cost per item in the category, null when unknown
 * @param candidates every model in this category, best first
 */
public record CategoryRoute(
    String category,
    long cases,
    double share,
    String model,
    Double quality,
    Double costPerItemUsd,
    List<CategoryCandidate> candidates) {

  public CategoryRoute {
    candidates = List.copyOf(candidates);
  }
}
