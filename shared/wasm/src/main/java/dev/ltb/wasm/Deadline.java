package dev.ltb.wasm;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A wall-clock limit on the calling thread: when it passes, the thread is interrupted, which Chicory's
 * compiled and interpreted code both check (at loops and calls) and answer with a
 * {@code ChicoryInterruptedException}. Closing it cancels the alarm and clears an interrupt it delivered,
 * so the caller's thread (often a pooled or virtual thread) leaves clean.
 */
final class Deadline implements AutoCloseable {

  private static final int RUNNING = 0;
  private static final int DONE = 1;
  private static final int FIRING = 2;
  private static final int FIRED = 3;

  /** One daemon thread for the process: alarms only set a flag, they never run plugin code. */
  private static final ScheduledThreadPoolExecutor ALARMS = newAlarmClock();

  private final AtomicInteger state = new AtomicInteger(RUNNING);
  private final Thread thread;
  private final ScheduledFuture<?> alarm;

  private Deadline(Duration timeout) {
    this.thread = Thread.currentThread();
    this.alarm = ALARMS.schedule(this::fire, timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  static Deadline start(Duration timeout) {
    return new Deadline(timeout);
  }

  boolean expired() {
    return state.get() >= FIRING;
  }

  private void fire() {
    if (state.compareAndSet(RUNNING, FIRING)) {
      thread.interrupt();
      state.set(FIRED);
    }
  }

  @Override
  public void close() {
    if (state.compareAndSet(RUNNING, DONE)) {
      alarm.cancel(false);
      return;
    }
    while (state.get() == FIRING) Thread.onSpinWait();
    Thread.interrupted();
  }

  private static ScheduledThreadPoolExecutor newAlarmClock() {
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(
            1,
            runnable -> {
              Thread thread = new Thread(runnable, "ltb-plugin-deadlines");
              thread.setDaemon(true);
              return thread;
            });
    executor.setRemoveOnCancelPolicy(true);
    return executor;
  }
}
