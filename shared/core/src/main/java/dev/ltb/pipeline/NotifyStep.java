package dev.ltb.pipeline;

import dev.ltb.run.RunRecord;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Announces that a run has ended: publishes one terminal event named after its final status ({@code
 * run.completed}, {@code run.partial}, {@code run.failed}, {@code run.cancelled}) with its totals and the
 * keys of its summary and report, for subscriptions, WebSocket clients and webhooks to pick up.
 */
public final class NotifyStep {

  private final RunHistories histories;
  private final RunEvents events;
  private final Clock clock;
  private final List<RunEndListener> listeners;

  public NotifyStep(RunHistories histories, RunEvents events, Clock clock) {
    this(histories, events, clock, List.of());
  }

  /** With listeners told after the terminal event is published (outbound webhooks). */
  public NotifyStep(RunHistories histories, RunEvents events, Clock clock, List<RunEndListener> listeners) {
    this.histories = Objects.requireNonNull(histories);
    this.events = Objects.requireNonNull(events);
    this.clock = Objects.requireNonNull(clock);
    this.listeners = List.copyOf(listeners);
  }

  /** Publishes the run's terminal event and returns it; a publishing failure is thrown, so the state retries. */
  public RunEvent notify(RunRef run) {
    var history = histories.forTenant(run.tenantId());
    RunRecord record = Runs.require(history, run);
    if (!record.status().terminal())
      throw new IllegalStateException("run " + run.runId() + " is still " + record.status() + "; nothing to announce");
    RunEvent event = Events.terminal(run, record, clock.instant());
    events.publish(event);
    for (RunEndListener listener : listeners) listener.runEnded(run, history);
    return event;
  }
}
