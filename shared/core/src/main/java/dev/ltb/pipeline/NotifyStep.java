package dev.ltb.pipeline;

import dev.ltb.run.RunRecord;
import java.time.Clock;
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

  public NotifyStep(RunHistories histories, RunEvents events, Clock clock) {
    this.histories = Objects.requireNonNull(histories);
    this.events = Objects.requireNonNull(events);
    this.clock = Objects.requireNonNull(clock);
  }

  /** Publishes the run's terminal event and returns it; a publishing failure is thrown, so the state retries. */
  public RunEvent notify(RunRef run) {
    RunRecord record = Runs.require(histories.forTenant(run.tenantId()), run);
    if (!record.status().terminal())
      throw new IllegalStateException("run " + run.runId() + " is still " + record.status() + "; nothing to announce");
    RunEvent event = Events.terminal(run, record, clock.instant());
    events.publish(event);
    return event;
  }
}
