package dev.ltb.pipeline;

import dev.ltb.run.RunHistory;
import dev.ltb.run.RunRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Tells a worker whether the run it works for has ended (cancelled, or finished without it), reading the
 * run's status at most once per poll interval, so checking before every item costs almost nothing.
 */
final class RunWatch {

  private final RunHistory history;
  private final RunRef run;
  private final Duration pollInterval;
  private final Clock clock;
  private Instant nextPoll = Instant.MIN;
  private boolean ended;

  RunWatch(RunHistory history, RunRef run, Duration pollInterval, Clock clock) {
    this.history = history;
    this.run = run;
    this.pollInterval = pollInterval;
    this.clock = clock;
  }

  synchronized boolean ended() {
    if (ended) return true;
    Instant now = clock.instant();
    if (now.isBefore(nextPoll)) return false;
    nextPoll = now.plus(pollInterval);
    ended = Runs.find(history, run).map(RunRecord::status).map(status -> status.terminal()).orElse(true);
    return ended;
  }
}
