package dev.ltb.aggregate;

import dev.ltb.provider.TokenUsage;
import java.util.Map;

/**
 * Results of one provider with one prompt.
 *
 * @param providerIndex position of the provider in the suite
 * @param providerId the provider id
 * @param providerLabel the provider label
 * @param promptId the prompt id
 * @param promptLabel the prompt label
 * @param items results in this group
 * @param passed passed items
 * @param failed failed items
 * @param errors errored items
 * @param passRate pass rate with its 95 % Wilson interval (errors count as not passed)
 * @param score test score mean with its 95 % t interval (errors excluded)
 * @param metrics per named metric, mean and 95 % interval
 * @param latencyMs latency percentiles of successful calls
 * @param tokens provider tokens
 * @param costUsd known cost
 * @param costUnknownItems items whose cost is unknown
 * @param errorsByKind error counts by kind ({@code rate-limited}, {@code timeout}, ...)
 * @param judgeCostUsd known cost of the judge calls of model-graded evaluators (not included in costUsd)
 */
public record GroupSummary(
    int providerIndex,
    String providerId,
    String providerLabel,
    String promptId,
    String promptLabel,
    long items,
    long passed,
    long failed,
    long errors,
    Proportion passRate,
    Estimate score,
    Map<String, Estimate> metrics,
    LatencySummary latencyMs,
    TokenUsage tokens,
    double costUsd,
    long costUnknownItems,
    Map<String, Long> errorsByKind,
    double judgeCostUsd) {

  public GroupSummary {
    metrics = metrics == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(metrics));
    errorsByKind =
        errorsByKind == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(errorsByKind));
  }

  /** A group without judge cost (the fields before {@code judgeCostUsd} was added). */
  public GroupSummary(
      int providerIndex,
      String providerId,
      String providerLabel,
      String promptId,
      String promptLabel,
      long items,
      long passed,
      long failed,
      long errors,
      Proportion passRate,
      Estimate score,
      Map<String, Estimate> metrics,
      LatencySummary latencyMs,
      TokenUsage tokens,
      double costUsd,
      long costUnknownItems,
      Map<String, Long> errorsByKind) {
    this(providerIndex, providerId, providerLabel, promptId, promptLabel, items, passed, failed, errors, passRate,
        score, metrics, latencyMs, tokens, costUsd, costUnknownItems, errorsByKind, 0);
  }

  /** What this group is known to have cost: provider plus judges. */
  public double totalCostUsd() {
    return costUsd + judgeCostUsd;
  }
}
