package dev.ltb.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.engine.Planner;
import dev.ltb.engine.ResultSink;
import dev.ltb.engine.Shard;
import dev.ltb.engine.ShardExecutor;
import dev.ltb.engine.ShardReport;
import dev.ltb.engine.WorkItem;
import dev.ltb.json.Json;
import dev.ltb.provider.ProviderConfigException;
import dev.ltb.run.RunEngine;
import dev.ltb.run.RunHistory;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes one shard of a run, as often as the queue delivers it: re-plans the run's stored suite and takes
 * shard N (planning is deterministic), skips the items that already have a result (so a redelivered shard
 * never calls a provider twice for an item and never counts one twice), runs the rest with the engine's
 * {@link ShardExecutor} (virtual threads, rate limits, retries), beats the task's heartbeat while it runs,
 * stops early when the run has been cancelled, and reports the outcome on the task token.
 *
 * <p>Failures that another delivery cannot fix (unknown run, shard outside the plan, bad provider
 * configuration) are reported at once. Others, storage failures first of all, leave the message to be
 * delivered again; on its last delivery the shard is reported as {@link ShardError#FAILED} before the queue
 * dead-letters it. A shard whose results could not all be stored is never reported as a success. When the
 * state machine no longer waits for the shard ({@link ShardWaiterGoneException} on a heartbeat or the final
 * report: the task timed out, the execution was stopped) the worker stops and the message is done.
 */
public final class ShardWorker {

  private static final Logger LOG = LoggerFactory.getLogger(ShardWorker.class);
  private static final int MAX_CAUSE_LENGTH = 1_000;

  private final RunHistories histories;
  private final ShardCallbacks callbacks;
  private final RunEvents events;
  private final RunEngine engine;
  private final WorkerSettings settings;
  private final ResultSink observer;
  private final PreparedRuns prepared;
  private final Planner planner = new Planner();

  /**
   * @param secrets the API keys of each tenant, for the providers under test
   * @param observer sees every stored result (metrics); called concurrently
   */
  public ShardWorker(
      RunHistories histories, BlobStore blobs, ShardCallbacks callbacks, RunEvents events, RunEngine engine,
      TenantSecrets secrets, WorkerSettings settings, ResultSink observer) {
    this(histories, blobs, callbacks, events, RunEngines.shared(engine), engine, secrets, settings, observer);
  }

  /** @param engines the engine of each run, with the plugins its suite uses; {@code engine} keeps the clock */
  public ShardWorker(
      RunHistories histories, BlobStore blobs, ShardCallbacks callbacks, RunEvents events, RunEngines engines,
      RunEngine engine, TenantSecrets secrets, WorkerSettings settings, ResultSink observer) {
    this.histories = Objects.requireNonNull(histories);
    this.callbacks = Objects.requireNonNull(callbacks);
    this.events = Objects.requireNonNull(events);
    this.engine = Objects.requireNonNull(engine);
    this.settings = Objects.requireNonNull(settings);
    this.observer = Objects.requireNonNull(observer);
    this.prepared = new PreparedRuns(Objects.requireNonNull(blobs), Objects.requireNonNull(engines), Objects.requireNonNull(secrets), settings.cachedRuns());
  }

  /**
   * Handles one delivery of a shard message.
   *
   * @param delivery 1 for the first delivery of the message, 2 for the first redelivery, ...
   */
  public ShardDisposition handle(ShardTask task, int delivery) {
    RunRef run = new RunRef(task.tenantId(), task.runId());
    try {
      return execute(task, run, settings.heartbeatInterval());
    } catch (PermanentFailure e) {
      report(task, e.error, e.getMessage());
      return ShardDisposition.ACK;
    } catch (RuntimeException e) {
      LOG.warn("shard {} of run {} failed on delivery {} of {}", task.shardIndex(), run.runId(), delivery,
          settings.maxDeliveries(), e);
      if (delivery >= settings.maxDeliveries()) {
        report(task, ShardError.FAILED, "failed on all " + delivery + " deliveries; last error: " + describe(e));
      }
      return ShardDisposition.RETRY;
    }
  }

  private ShardDisposition execute(ShardTask task, RunRef run, Duration heartbeatInterval) {
    RunHistory history = histories.forTenant(run.tenantId());
    RunWatch watch = new RunWatch(history, run, settings.statusPollInterval(), engine.clock());
    if (watch.ended()) {
      throw new PermanentFailure(ShardError.RUN_ENDED, "run " + run.runId() + " has ended; shard not executed");
    }
    PreparedRuns.PreparedRun ready;
    try {
      ready = prepared.get(run).orElseThrow(() -> new PermanentFailure(ShardError.RUN_NOT_FOUND,
          "run " + run.runId() + " has no planned suite at " + run.resolvedSuiteKey()));
    } catch (ProviderConfigException e) {
      throw new PermanentFailure(ShardError.PROVIDER_CONFIG, e.getMessage());
    } catch (dev.ltb.plugin.PluginException e) {
      throw new PermanentFailure(ShardError.PLUGIN, e.getMessage());
    }
    Shard shard;
    try {
      shard = planner.shard(run.runId(), ready.suite(), task.shardIndex());
    } catch (IndexOutOfBoundsException e) {
      throw new PermanentFailure(ShardError.NOT_IN_PLAN, e.getMessage());
    }
    Set<String> done = history.completedItemIds(run.runId(), shard.items().stream().map(WorkItem::id).toList());

    ShardReport report;
    try (Heartbeat heartbeat = Heartbeat.start(callbacks, task.taskToken(), heartbeatInterval);
        ShardExecutor executor =
            ready.engine().executor(ready.suite(), ready.providers(), () -> heartbeat.waiterGone() || watch.ended())) {
      if (ready.suite().options().maxCostUsd() != null) executor.addPriorSpend(engine.spentSoFar(history, run.runId()));
      report = executor.execute(run.runId(), shard.items(), done::contains, history.sinkFor(run.runId()).andThen(observer));
      if (heartbeat.waiterGone()) {
        LOG.warn("shard {} of run {} stopped after {} items: its task timed out or the execution ended",
            task.shardIndex(), run.runId(), report.executed());
        return ShardDisposition.ACK;
      }
    }
    if (report.cancelled()) {
      throw new PermanentFailure(ShardError.RUN_ENDED,
          "run " + run.runId() + " ended while shard " + task.shardIndex() + " ran; " + report.executed()
              + " items executed, the rest dropped");
    }
    try {
      callbacks.succeeded(task.taskToken(), outcomeJson(task.shardIndex(), report));
    } catch (ShardWaiterGoneException e) {
      // the results are stored; the state machine stopped waiting (timeout, cancel): nothing to retry
      LOG.warn("shard {} of run {} finished after its task ended ({})", task.shardIndex(), run.runId(), e.reason());
      return ShardDisposition.ACK;
    }
    Events.publishQuietly(events, Events.progress(run, task.shardIndex(), report, engine.clock().instant()));
    return ShardDisposition.ACK;
  }

  /** The task's output: the shard's index and its {@link ShardReport}. */
  static String outcomeJson(int shardIndex, ShardReport report) {
    ObjectNode json = Json.mapper().createObjectNode().put("shardIndex", shardIndex);
    json.setAll((ObjectNode) Json.mapper().valueToTree(report));
    return json.toString();
  }

  private void report(ShardTask task, ShardError error, String cause) {
    String shortCause = cause.length() > MAX_CAUSE_LENGTH ? cause.substring(0, MAX_CAUSE_LENGTH) + "…" : cause;
    try {
      callbacks.failed(task.taskToken(), error.code(), shortCause);
    } catch (RuntimeException e) {
      // the state machine may have stopped waiting (run cancelled, task timed out): nothing left to tell
      LOG.warn("could not report {} for shard {} of run {}: {}", error.code(), task.shardIndex(), task.runId(),
          e.toString());
    }
  }

  private static String describe(Throwable e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** A failure no redelivery can fix. */
  private static final class PermanentFailure extends RuntimeException {
    private final ShardError error;

    PermanentFailure(ShardError error, String message) {
      super(message);
      this.error = error;
    }
  }
}
