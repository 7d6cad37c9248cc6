package dev.ltb.analysis;

import dev.ltb.engine.ItemResult;
import java.util.Map;
import java.util.TreeMap;

/** Everything kept about one model (provider label): one {@link Sample} per case, in case order. */
final class ModelSamples {

  final String label;
  final String providerId;
  final int providerIndex;
  final TreeMap<CaseKey, Sample> samples = new TreeMap<>();
  final Map<String, TreeMap<CaseKey, Double>> metrics = new TreeMap<>();

  ModelSamples(String label, String providerId, int providerIndex) {
    this.label = label;
    this.providerId = providerId;
    this.providerIndex = providerIndex;
  }

  /** Adds an item; false (and nothing kept) when this case already has a result. */
  boolean add(CaseKey key, ItemResult result) {
    if (samples.containsKey(key)) return false;
    Sample sample = Sample.of(result);
    samples.put(key, sample);
    if (!sample.error())
      result.namedScores().forEach((metric, value) -> {
        if (value != null && Double.isFinite(value))
          metrics.computeIfAbsent(metric, m -> new TreeMap<>()).put(key, value);
      });
    return true;
  }

  /** Scores of the items with an output, in case order. */
  TreeMap<CaseKey, Double> scores() {
    TreeMap<CaseKey, Double> scores = new TreeMap<>();
    samples.forEach((key, sample) -> {
      if (!sample.error()) scores.put(key, sample.score());
    });
    return scores;
  }

  /** Observed pricing, fitted over the items with known cost in case order; null when no cost is known. */
  TokenPricing pricing() {
    PriceFit fit = new PriceFit();
    for (Sample sample : samples.values())
      if (sample.costKnown()) fit.add(sample.inputTokens(), sample.outputTokens(), sample.costUsd());
    return fit.estimate();
  }

  Tally tally() {
    return Tally.of(samples.values());
  }
}
