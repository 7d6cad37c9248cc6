package dev.ltb.progress;

import dev.ltb.pipeline.RunEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes run events to every {@link ProgressSink}: each event becomes the {@link ProgressMessage} at its
 * place in the run's log (running totals included), read once per run and batch. Events of one run are
 * delivered in the order given (a DynamoDB stream keeps a partition's order). A failure of one sink neither
 * hides the event from the others nor stops the batch: the event is reported as failed, so its source can
 * deliver it again (subscribers then see its {@code seq} twice and keep one).
 */
public final class ProgressPublisher {

  private static final Logger LOG = LoggerFactory.getLogger(ProgressPublisher.class);

  private final RunEventLog log;
  private final List<ProgressSink> sinks;

  public ProgressPublisher(RunEventLog log, List<ProgressSink> sinks) {
    this.log = Objects.requireNonNull(log, "log");
    this.sinks = List.copyOf(sinks);
  }

  /** A batch's outcome: the events whose delivery failed for at least one sink. */
  public record Outcome(int delivered, List<RunEvent> failed) {
    public Outcome {
      failed = List.copyOf(failed);
    }
  }

  public Outcome publish(List<RunEvent> events) {
    Map<String, List<ProgressMessage>> messagesByRun = new HashMap<>();
    Map<String, List<RunEvent>> logsByRun = new HashMap<>();
    List<RunEvent> failed = new ArrayList<>();
    int delivered = 0;
    for (RunEvent event : events) {
      String run = event.tenantId() + "\u0000" + event.runId();
      ProgressMessage message;
      try {
        List<RunEvent> runLog = logsByRun.computeIfAbsent(run, key -> log.events(event.tenantId(), event.runId()));
        List<ProgressMessage> messages = messagesByRun.computeIfAbsent(run, key -> ProgressMessages.of(runLog));
        message = messageOf(event, runLog, messages);
      } catch (RuntimeException e) {
        LOG.warn("cannot read the events of run {}: {}", event.runId(), e.toString());
        failed.add(event);
        continue;
      }
      boolean ok = true;
      for (ProgressSink sink : sinks) {
        try {
          sink.deliver(event.tenantId(), message);
        } catch (RuntimeException e) {
          ok = false;
          LOG.warn("{} of run {} not delivered by {}: {}", message.type(), event.runId(), sink.getClass().getSimpleName(), e.toString());
        }
      }
      if (ok) delivered++;
      else failed.add(event);
    }
    return new Outcome(delivered, failed);
  }

  /** The event's message in the log; an event the log does not show yet is placed after its last entry. */
  private static ProgressMessage messageOf(RunEvent event, List<RunEvent> runLog, List<ProgressMessage> messages) {
    int index = runLog.indexOf(event);
    if (index < 0) {
      for (int i = 0; i < runLog.size(); i++) {
        RunEvent logged = runLog.get(i);
        if (logged.type().equals(event.type()) && logged.at().equals(event.at())) {
          index = i;
          break;
        }
      }
    }
    if (index >= 0) return messages.get(index);
    List<RunEvent> extended = new ArrayList<>(runLog);
    extended.add(event);
    return ProgressMessages.of(extended).getLast();
  }
}
