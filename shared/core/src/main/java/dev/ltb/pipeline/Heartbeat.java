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

  private Heartbeat(ShardCallbacks callbacks, String taskToken, Duration interval) {
    timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("ltb-heartbeat").factory());
    long millis = interval.toMillis();
    timer.scheduleAtFixedRate(() -> beat(callbacks, taskToken), millis, millis, TimeUnit.MILLISECONDS);
  }

  static Heartbeat start(ShardCallbacks callbacks, String taskToken, Duration interval) {
    return new Heartbeat(callbacks, taskToken, interval);
  }

  private static void beat(ShardCallbacks callbacks, String taskToken) {
    try {
      callbacks.heartbeat(taskToken);
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
