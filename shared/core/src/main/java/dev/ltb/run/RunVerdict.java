package dev.ltb.run;

import dev.ltb.aggregate.RunSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a run ended and why, decided the same way locally and in the cloud from the stored results.
 *
 * @param status COMPLETED, PARTIAL or FAILED
 * @param reason why the run is not COMPLETED, or null
 */
public record RunVerdict(RunStatus status, String reason) {

  public RunVerdict {
    Objects.requireNonNull(status, "status");
  }

  /**
   * COMPLETED when every planned item has a result and the budget never stopped one; otherwise PARTIAL with
   * the reasons (cancelled, items missing, budget spent).
   *
   * @param plannedItems items in the plan
   * @param summary the summary of the stored results
   * @param cancelled whether execution stopped early on request
   * @param maxCostUsd the suite's budget, or null
   */
  public static RunVerdict of(long plannedItems, RunSummary summary, boolean cancelled, Double maxCostUsd) {
    long stored = summary.totals().items();
    long budgetSkipped =
        summary.groups().stream().mapToLong(g -> g.errorsByKind().getOrDefault("budget-exceeded", 0L)).sum();
    if (cancelled || stored < plannedItems) {
      return new RunVerdict(RunStatus.PARTIAL, "cancelled after " + stored + " of " + plannedItems + " items");
    }
    if (budgetSkipped > 0) {
      return new RunVerdict(
          RunStatus.PARTIAL, "budget of $" + maxCostUsd + " spent; " + budgetSkipped + " items not run");
    }
    return new RunVerdict(RunStatus.COMPLETED, null);
  }

  /**
   * The verdict of a distributed run: like {@link #of}, but items are missing because shards failed, not
   * because of a cancellation, and the failed shards are named. More failed shards than {@code
   * toleratedFailurePercentage} of all shards make the run FAILED.
   *
   * @param shardFailures one line per failed shard, e.g. {@code shard 3: States.Timeout: ...}
   */
  public static RunVerdict ofShards(
      long plannedItems, RunSummary summary, int shardCount, List<String> shardFailures,
      double toleratedFailurePercentage, Double maxCostUsd) {
    long stored = summary.totals().items();
    List<String> reasons = new ArrayList<>();
    if (!shardFailures.isEmpty()) {
      reasons.add(shardFailures.size() + " of " + shardCount + " shards failed (" + String.join("; ", shardFailures) + ")");
    }
    if (stored < plannedItems) reasons.add((plannedItems - stored) + " of " + plannedItems + " items have no result");
    RunVerdict local = of(plannedItems, summary, false, maxCostUsd);
    if (local.status() == RunStatus.PARTIAL && stored >= plannedItems) reasons.add(local.reason());
    if (reasons.isEmpty()) return new RunVerdict(RunStatus.COMPLETED, null);
    double failedPercentage = shardCount == 0 ? 0 : 100.0 * shardFailures.size() / shardCount;
    RunStatus status = failedPercentage > toleratedFailurePercentage ? RunStatus.FAILED : RunStatus.PARTIAL;
    return new RunVerdict(status, String.join("; ", reasons));
  }
}
