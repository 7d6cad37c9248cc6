package dev.ltb.run;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Objects;

/**
 * Where a run stands in a tenant's run list, which is newest first and, among runs created in the same instant,
 * higher run id first. A list page continues after the position of its last run, so no run is listed twice and none
 * is skipped even when runs are created or deleted between pages.
 */
public record RunPosition(Instant createdAt, String runId) {

  /** The order of every run list: newest first, then higher run id first. */
  public static final Comparator<RunPosition> NEWEST_FIRST =
      Comparator.comparing(RunPosition::createdAt).thenComparing(RunPosition::runId).reversed();

  public RunPosition {
    Objects.requireNonNull(createdAt, "createdAt");
    if (runId == null || runId.isBlank() || runId.contains("|"))
      throw new IllegalArgumentException("a run position needs a run id without '|'");
  }

  public static RunPosition of(RunRecord run) {
    return new RunPosition(run.createdAt(), run.runId());
  }

  /** True when {@code run} is listed after this position. */
  public boolean precedes(RunRecord run) {
    return NEWEST_FIRST.compare(this, of(run)) < 0;
  }

  /** The position as text, e.g. for a page cursor; {@link #parse} reads it back. */
  public String text() {
    return createdAt + "|" + runId;
  }

  /**
   * @throws IllegalArgumentException when {@code text} is not what {@link #text} writes
   */
  public static RunPosition parse(String text) {
    int bar = text == null ? -1 : text.indexOf('|');
    if (bar < 0) throw new IllegalArgumentException("not a run position: " + text);
    try {
      return new RunPosition(Instant.parse(text.substring(0, bar)), text.substring(bar + 1));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not a run position: " + text, e);
    }
  }
}
