package dev.ltb.tenancy;

/**
 * A run refused by the tenant's plan. The message names the plan, the limit and its value and what the run
 * asked for, e.g. {@code plan 'team' allows at most 5000 items per run; this run has 7200 items}.
 */
public final class QuotaExceededException extends RuntimeException {

  /** Which limit refused the run. */
  public enum Limit {
    MAX_ITEMS_PER_RUN("maxItemsPerRun"),
    MAX_CONCURRENT_RUNS("maxConcurrentRuns"),
    MONTHLY_BUDGET("monthlyBudgetUsd");

    private final String field;

    Limit(String field) {
      this.field = field;
    }

    /** The plan field that sets the limit. */
    public String field() {
      return field;
    }
  }

  private final String planId;
  private final Limit limit;
  private final String limitValue;

  public QuotaExceededException(String planId, Limit limit, String limitValue, String message) {
    super(message);
    this.planId = planId;
    this.limit = limit;
    this.limitValue = limitValue;
  }

  public String planId() {
    return planId;
  }

  public Limit limit() {
    return limit;
  }

  /** The limit's value as the plan states it, e.g. {@code 5000} or {@code 100.00}. */
  public String limitValue() {
    return limitValue;
  }
}
