package dev.ltb.wasm;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A wall-clock limit on the calling thread: when it passes, the thread is interrupted, which Chicory's
 * compiled and interpreted code both check (at loops and calls) and answer with a
 * {@code ChicoryInterruptedException}. Closing it clears an interrupt it delivered, so the caller's thread
 * (often a pooled or virtual thread) leaves clean.
 *
 * <p>One daemon watchdog thread for the process scans the active deadlines every few milliseconds. It takes no
 * lock a caller could hold: with plugin code running on virtual threads, a runaway plugin keeps its carrier
 * thread busy, and a lock-based timer (a {@code ScheduledThreadPoolExecutor}) could queue the watchdog behind
 * virtual threads that have no carrier left to run on, so nothing would ever be interrupted.
 */
final class Deadline implements AutoCloseable {

  static final Duration TICK = Duration.ofMillis(5);

  private static final int RUNNING = 0;
  private static final int DONE = 1;
  private static final int FIRING = 2;
  private static final int FIRED = 3;

  private static final Set<Deadline> ACTIVE = ConcurrentHashMap.newKeySet();
  private static volatile boolean watchdogIdle;
  private static final Thread WATCHDOG =
      Thread.ofPlatform().daemon().name("ltb-plugin-deadlines").start(Deadline::watch);

  private final AtomicInteger state = new AtomicInteger(RUNNING);
  private final Thread thread;
  private final long dueNanos;

  private Deadline(Duration timeout) {
    this.thread = Thread.currentThread();
    this.dueNanos = System.nanoTime() + timeout.toNanos();
  }

  static Deadline start(Duration timeout) {
    Deadline deadline = new Deadline(timeout);
    ACTIVE.add(deadline);
    if (watchdogIdle) LockSupport.unpark(WATCHDOG);
    return deadline;
  }

  boolean expired() {
    return state.get() >= FIRING;
  }

  @Override
  public void close() {
    ACTIVE.remove(this);
    if (state.compareAndSet(RUNNING, DONE)) return;
    while (state.get() == FIRING) Thread.onSpinWait();
    Thread.interrupted();
  }

  private void fire() {
    if (state.compareAndSet(RUNNING, FIRING)) {
      thread.interrupt();
      state.set(FIRED);
    }
  }

  private static void watch() {
    while (true) {
      if (ACTIVE.isEmpty()) {
        watchdogIdle = true;
        if (ACTIVE.isEmpty()) LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
        watchdogIdle = false;
        continue;
      }
      long now = System.nanoTime();
      for (Deadline deadline : ACTIVE) {
        if (now - deadline.dueNanos >= 0) deadline.fire();
      }
      LockSupport.parkNanos(TICK.toNanos());
    }
  }
}
