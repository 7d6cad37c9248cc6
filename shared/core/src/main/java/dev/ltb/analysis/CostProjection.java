package dev.ltb.analysis;

/**
 * What one model would cost under the traffic profile, and whether it may replace the best model.
 *
 * @param model the provider label
 * @param quality pass rate or mean score, null when unmeasurable
 * @param versusBest this model against the best one (null for the best itself)
 * @param differenceVsBest this model's quality minus the best's on their common cases (null for the best)
 * @param differenceCiLow lower bound of the paired-bootstrap 95 % interval of that difference: how much worse
 *     the model could plausibly be, even when not significantly worse
 * @param differenceCiHigh upper bound
 * @param pricing observed pricing, null when no item reported a cost
 * @param costPerItemUsd mean observed cost per item, null when unknown
 * @param monthlyCostUsd projected monthly cost, null when the cost is unknown
 * @param eligible not significantly worse than the best and with a known cost
 * @param note why the model is not eligible, or how its price was estimated
 */
public record CostProjection(
    String model,
    Double quality,
    Verdict versusBest,
    Double differenceVsBest,
    Double differenceCiLow,
    Double differenceCiHigh,
    TokenPricing pricing,
    Double costPerItemUsd,
    Double monthlyCostUsd,
    boolean eligible,
    String note) {}
