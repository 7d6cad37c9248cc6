package dev.ltb.analysis;

import dev.ltb.aggregate.Proportion;

/**
 * One model within one category.
 *
 * @param model the provider label
 * @param passRate pass rate in this category with its Wilson interval
 * @param meanScore mean score in this category, null without scored items
 * @param costPerItemUsd mean cost per item in this category, null when unknown
 */
public record CategoryCandidate(String model, Proportion passRate, Double meanScore, Double costPerItemUsd) {}
