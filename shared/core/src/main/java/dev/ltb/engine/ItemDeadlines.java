package dev.ltb.engine;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Enforces the per-item timeout by interrupting the item's thread when its time is up. HTTP calls,
 * sleeps and lock waits all answer interruption, so a hung provider cannot hold a slot forever.
 */
final class ItemDeadlines implements AutoCloseable {

  private final ScheduledThreadPoolExecutor timer = timer();

  private static ScheduledThreadPoolExecutor timer() {
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(
            1,
            runnable -> {
              Thread thread = new Thread(runnable, "ltb-item-deadlines");
              thread.setDaemon(true);
              return thread;
            });
    // Nearly every deadline is cancelled long before it is due; without this each cancelled one (and the
    // finished item thread it references) would stay queued for the whole item timeout.
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }

  /** A deadline for the current thread; close it when the item is done. */
  Deadline start(Duration timeout) {
    Thread worker = Thread.currentThread();
    Deadline deadline = new Deadline();
    deadline.future = timer.schedule(() -> deadline.expire(worker), timeout.toNanos(), TimeUnit.NANOSECONDS);
    return deadline;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }

  static final class Deadline implements AutoCloseable {
    private volatile boolean expired;
    private volatile boolean done;
    private ScheduledFuture<?> future;

    private synchronized void expire(Thread worker) {
      if (!done) {
        expired = true;
        worker.interrupt();
      }
    }

    boolean expired() {
      return expired;
    }

    @Override
    public void close() {
      synchronized (this) {
        done = true;
      }
      future.cancel(false);
      Thread.interrupted(); // a late interrupt must not leak into the next item on this thread
    }
  }
}
