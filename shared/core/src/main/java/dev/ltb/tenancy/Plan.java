package dev.ltb.tenancy;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ltb.usage.PriceList;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * What a tenant may use. A null limit means unlimited (single-tenant deployments use such a plan).
 *
 * @param id the plan's id, e.g. {@code free}, {@code team}
 * @param maxItemsPerRun work items one run may plan (tests × prompts × providers × repeats)
 * @param maxConcurrentRuns runs of the tenant that may be QUEUED or RUNNING at once
 * @param monthlyBudgetUsd charges (see {@link PriceList}) a tenant may accrue per calendar month (UTC) before new
 *     runs are refused
 * @param prices how usage is charged
 */
public record Plan(
    String id,
    @JsonProperty("maxItemsPerRun") Long maxItemsPerRun,
    @JsonProperty("maxConcurrentRuns") Integer maxConcurrentRuns,
    @JsonProperty("monthlyBudgetUsd") BigDecimal monthlyBudgetUsd,
    PriceList prices) {

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

  public Plan {
    if (id == null || !ID.matcher(id).matches())
      throw new IllegalArgumentException("plan id must be 1-32 characters of a-z, 0-9 and '-', was " + Ids.describe(id));
    if (maxItemsPerRun != null && maxItemsPerRun < 1)
      throw new IllegalArgumentException("plan " + id + ": maxItemsPerRun must be >= 1 or absent (unlimited)");
    if (maxConcurrentRuns != null && maxConcurrentRuns < 1)
      throw new IllegalArgumentException("plan " + id + ": maxConcurrentRuns must be >= 1 or absent (unlimited)");
    if (monthlyBudgetUsd != null && monthlyBudgetUsd.signum() < 0)
      throw new IllegalArgumentException("plan " + id + ": monthlyBudgetUsd must be >= 0 or absent (unlimited)");
    Objects.requireNonNull(prices, () -> "plan " + id + " has no prices");
  }

  /** No limits, no charges: the plan of a single-tenant deployment. */
  public static Plan unlimited() {
    return new Plan("unlimited", null, null, null, PriceList.free());
  }

  public OptionalLong itemLimit() {
    return maxItemsPerRun == null ? OptionalLong.empty() : OptionalLong.of(maxItemsPerRun);
  }

  public OptionalInt concurrencyLimit() {
    return maxConcurrentRuns == null ? OptionalInt.empty() : OptionalInt.of(maxConcurrentRuns);
  }
}
