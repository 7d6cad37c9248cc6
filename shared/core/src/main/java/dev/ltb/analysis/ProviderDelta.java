package dev.ltb.analysis;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One provider (by label) in two runs.
 *
 * @param model the provider label
 * @param paired whether matched cases cover at least half the items of each run, so paired tests were used
 * @param matchedItems items (case × repetition) present in both runs
 * @param itemsBefore items in the earlier run
 * @param itemsAfter items in the later run
 * @param passRate pass-rate change
 * @param score score change, null when either run has no scored item
 * @param metrics per named metric present in both runs, its change (not part of the regression flag)
 * @param newlyFailing cases that passed before and fail now (a case passes when all its repetitions pass)
 * @param newlyPassing cases that failed before and pass now
 * @param stillFailing cases that fail in both runs
 * @param regression pass rate or score significantly worse after the correction
 * @param summary one line a person can read
 */
public record ProviderDelta(
    String model,
    boolean paired,
    long matchedItems,
    long itemsBefore,
    long itemsAfter,
    Delta passRate,
    Delta score,
    Map<String, Delta> metrics,
    List<CaseRef> newlyFailing,
    List<CaseRef> newlyPassing,
    List<CaseRef> stillFailing,
    boolean regression,
    String summary) {

  public ProviderDelta {
    metrics = metrics == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(metrics));
    newlyFailing = List.copyOf(newlyFailing);
    newlyPassing = List.copyOf(newlyPassing);
    stillFailing = List.copyOf(stillFailing);
  }
}
