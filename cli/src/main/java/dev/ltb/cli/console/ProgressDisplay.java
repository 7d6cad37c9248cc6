package dev.ltb.cli.console;

import dev.ltb.engine.ItemResult;
import dev.ltb.engine.ItemStatus;
import dev.ltb.engine.RunPlan;
import dev.ltb.run.RunListener;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Shows a run's progress: a redrawn bar on a terminal, or a plain line every 10 % when the output is a file
 * or a CI log (so logs stay readable).
 */
public final class ProgressDisplay implements RunListener {

  private static final int BAR_WIDTH = 30;
  private static final long REDRAW_INTERVAL_NANOS = 100_000_000L;

  private final PrintWriter out;
  private final boolean terminal;
  private final AtomicLong done = new AtomicLong();
  private final AtomicLong passed = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private volatile long total;
  private volatile long skipped;
  private volatile long startNanos;
  private long lastDrawNanos;
  private int lastDecile = -1;

  public ProgressDisplay(PrintWriter out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  @Override
  public void planned(RunPlan plan, long alreadyDone) {
    total = plan.totalItems() - alreadyDone;
    skipped = alreadyDone;
    startNanos = System.nanoTime();
    out.printf(Locale.ROOT, "Running %d items (%d shards)%s%n", total, plan.shards().size(),
        alreadyDone > 0 ? ", " + alreadyDone + " already done" : "");
  }

  @Override
  public void result(ItemResult result) {
    long count = done.incrementAndGet();
    (result.status() == ItemStatus.PASS ? passed : result.status() == ItemStatus.FAIL ? failed : errors)
        .incrementAndGet();
    draw(count, false);
  }

  /** A remote run started ({@code ltb watch}): its size as the service reports it. */
  public void started(long totalItems, long shards) {
    total = totalItems;
    startNanos = System.nanoTime();
    out.printf(Locale.ROOT, "Running %d items (%d shards)%n", totalItems, shards);
    out.flush();
  }

  /** A remote run's running counts ({@code ltb watch}), which arrive a shard at a time. */
  public void counts(long completed, long passedSoFar, long failedSoFar, long errorsSoFar) {
    if (startNanos == 0) startNanos = System.nanoTime();
    done.set(completed);
    passed.set(passedSoFar);
    failed.set(failedSoFar);
    errors.set(errorsSoFar);
    draw(completed, false);
  }

  /** Draws the final state and ends the progress line. */
  public void finish() {
    draw(done.get(), true);
    if (terminal) out.println();
  }

  private synchronized void draw(long count, boolean force) {
    long now = System.nanoTime();
    if (terminal) {
      if (!force && now - lastDrawNanos < REDRAW_INTERVAL_NANOS && count < total) return;
      lastDrawNanos = now;
      double fraction = total == 0 ? 1 : (double) count / total;
      int filled = (int) Math.round(fraction * BAR_WIDTH);
      out.printf(Locale.ROOT, "\r[%s%s] %d/%d  %s", "#".repeat(filled), " ".repeat(BAR_WIDTH - filled), count, total,
          status(now, count));
      out.flush();
    } else {
      int decile = total == 0 ? 10 : (int) (10 * count / total);
      if (decile > lastDecile || force) {
        if (decile == lastDecile && force) return;
        lastDecile = decile;
        out.printf(Locale.ROOT, "%3d%%  %d/%d  %s%n", decile * 10, count, total, status(now, count));
      }
    }
  }

  private String status(long now, long count) {
    double seconds = Math.max(1e-3, (now - startNanos) / 1e9);
    return "pass %d  fail %d  error %d  %.1f items/s".formatted(passed.get(), failed.get(), errors.get(), count / seconds);
  }
}
