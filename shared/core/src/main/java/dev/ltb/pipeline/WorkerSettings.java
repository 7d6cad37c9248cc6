package dev.ltb.pipeline;

import java.time.Duration;

/**
 * How a shard worker behaves.
 *
 * @param heartbeatInterval time between heartbeats while a shard runs; default 60 s (a fifth of the default
 *     {@code HeartbeatSeconds})
 * @param statusPollInterval how stale the worker's view of the run's status may be when it checks for a
 *     cancellation before each item; default 2 s
 * @param maxDeliveries deliveries of one message before the queue dead-letters it (the queue's {@code
 *     maxReceiveCount}); on the last one a failing shard is reported as failed; default 3
 * @param cachedRuns runs whose resolved suite and providers one container keeps; default 8
 */
public record WorkerSettings(Duration heartbeatInterval, Duration statusPollInterval, int maxDeliveries, int cachedRuns) {

  public WorkerSettings {
    if (heartbeatInterval.isNegative() || heartbeatInterval.isZero())
      throw new IllegalArgumentException("heartbeatInterval must be positive");
    if (statusPollInterval.isNegative()) throw new IllegalArgumentException("statusPollInterval must be >= 0");
    if (maxDeliveries < 1) throw new IllegalArgumentException("maxDeliveries must be >= 1, was " + maxDeliveries);
    if (cachedRuns < 1) throw new IllegalArgumentException("cachedRuns must be >= 1, was " + cachedRuns);
  }

  public static WorkerSettings defaults() {
    return new WorkerSettings(Duration.ofSeconds(60), Duration.ofSeconds(2), 3, 8);
  }

  /**
   * The heartbeat interval for a task whose heartbeat timeout is {@code heartbeatSeconds} (null: unknown):
   * five beats per timeout, so one lost beat never times the task out, and never rarer than configured.
   */
  public Duration heartbeatIntervalFor(Integer heartbeatSeconds) {
    if (heartbeatSeconds == null || heartbeatSeconds < 1) return heartbeatInterval;
    Duration fifth = Duration.ofMillis(heartbeatSeconds * 1000L / 5);
    return fifth.compareTo(heartbeatInterval) < 0 ? fifth : heartbeatInterval;
  }

  public WorkerSettings withHeartbeatInterval(Duration value) {
    return new WorkerSettings(value, statusPollInterval, maxDeliveries, cachedRuns);
  }

  public WorkerSettings withMaxDeliveries(int value) {
    return new WorkerSettings(heartbeatInterval, statusPollInterval, value, cachedRuns);
  }

  public WorkerSettings withStatusPollInterval(Duration value) {
    return new WorkerSettings(heartbeatInterval, value, maxDeliveries, cachedRuns);
  }
}
