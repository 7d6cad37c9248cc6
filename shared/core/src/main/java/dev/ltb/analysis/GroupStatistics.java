package dev.ltb.analysis;

import dev.ltb.aggregate.Proportion;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Descriptive statistics of one model with one prompt.
 *
 * @param model the provider label
 * @param providerId the provider id
 * @param promptLabel the prompt
 * @param items items of this model and prompt
 * @param passRate pass rate with its Wilson interval (errors count as not passed)
 * @param score test score over items with an output (bootstrap interval), null when there is none
 * @param metrics per named metric, its values' estimate (bootstrap interval)
 */
public record GroupStatistics(
    String model,
    String providerId,
    String promptLabel,
    long items,
    Proportion passRate,
    BootstrapEstimate score,
    Map<String, BootstrapEstimate> metrics) {

  public GroupStatistics {
    metrics = metrics == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(metrics));
  }
}
