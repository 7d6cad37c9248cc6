package dev.ltb.analysis;

import dev.ltb.aggregate.Proportion;
import dev.ltb.stats.Intervals;

/** Counts over some samples of one model: the whole model, one prompt or one category. */
final class Tally {

  long items, passed, scored, billable, costKnown;
  double scoreSum, costSum;

  static Tally of(Iterable<Sample> samples) {
    Tally tally = new Tally();
    for (Sample sample : samples) tally.add(sample);
    return tally;
  }

  void add(Sample sample) {
    items++;
    if (sample.passed()) passed++;
    if (!sample.error()) {
      scored++;
      scoreSum += sample.score();
    }
    if (sample.billable()) billable++;
    if (sample.costKnown()) {
      costKnown++;
      costSum += sample.costUsd();
    }
  }

  Proportion passRate() {
    return Intervals.wilson(passed, items);
  }

  /** Mean score over items with an output, null when there is none. */
  Double meanScore() {
    return scored == 0 ? null : scoreSum / scored;
  }

  /** Mean cost of items with a known cost, null when no cost is known. */
  Double costPerItem() {
    return costKnown == 0 ? null : costSum / costKnown;
  }

  /** Quality by the given measure, null when it cannot be measured (no items, or no scored item). */
  Double quality(QualityMeasure measure) {
    if (items == 0) return null;
    return measure == QualityMeasure.PASS_RATE ? (double) passed / items : meanScore();
  }

  /** A note when cost is known for only part of the bought outputs, else null. */
  String partialCostNote() {
    if (costKnown == 0 || costKnown >= billable) return null;
    return "cost known for " + costKnown + " of " + billable + " items; cost per item is their mean";
  }
}
