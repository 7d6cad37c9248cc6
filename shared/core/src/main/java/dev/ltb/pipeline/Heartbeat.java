package dev.ltb.pipeline;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends heartbeats for a task token on a timer while a shard runs; closing stops them. */
final class Heartbeat implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Heartbeat.class);

  private final ScheduledExecutorService timer;
  private volatile boolean waiterGone;

  private Heartbeat(ShardCallbacks callbacks, String taskToken, Duration interval) {
    timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("ltb-heartbeat").factory());
    long millis = interval.toMillis();
    timer.scheduleAtFixedRate(() -> beat(callbacks, taskToken), millis, millis, TimeUnit.MILLISECONDS);
  }

  /** True once a heartbeat was refused because nobody waits for the shard any more (timed out, stopped). */
  boolean waiterGone() {
    return waiterGone;
  }

  static Heartbeat start(ShardCallbacks callbacks, String taskToken, Duration interval) {
    return new Heartbeat(callbacks, taskToken, interval);
  }

  private void beat(ShardCallbacks callbacks, String taskToken) {
    try {
      callbacks.heartbeat(taskToken);
    } catch (ShardWaiterGoneException e) {
      LOG.warn("nobody waits for this shard any more ({}); stopping it", e.reason());
      waiterGone = true;
      timer.shutdown();
    } catch (RuntimeException e) {
      // the shard goes on: its results are stored either way; a lost heartbeat at worst times the task out
      LOG.warn("heartbeat failed: {}", e.toString());
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
