package dev.ltb.usage;

import java.time.LocalDate;
import java.util.Objects;

/** A tenant's usage on one UTC day. */
public record DailyUsage(LocalDate day, UsageTotals usage) {
  public DailyUsage {
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(usage, "usage");
  }
}
