package dev.ltb.progress;

import dev.ltb.pipeline.RunEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a run's event log into the messages subscribers receive. The pipeline publishes one {@code
 * run.progress} per finished shard with that shard's counts; subscribers get {@code items.completed} with the
 * shard's counts and the run's running totals (completed items, passed, failed, errors, pass rate, cost), so
 * each message can draw a progress bar on its own. Started and terminal events pass through with their fields.
 */
public final class ProgressMessages {

  public static final String RUN_STARTED = "run.started";
  public static final String ITEMS_COMPLETED = "items.completed";
  static final String PIPELINE_PROGRESS = "run.progress";
  public static final Set<String> TERMINAL = Set.of("run.completed", "run.partial", "run.failed", "run.cancelled");

  private ProgressMessages() {}

  /** The message of every event in the log, in log order ({@code seq} 1, 2, ...). */
  public static List<ProgressMessage> of(List<RunEvent> log) {
    List<ProgressMessage> messages = new ArrayList<>(log.size());
    Running running = new Running();
    for (RunEvent event : log) messages.add(running.next(event, messages.size() + 1));
    return messages;
  }

  /** The running totals as they stand after each event. */
  private static final class Running {
    private Object totalItems;
    private long completed;
    private long passed;
    private long failed;
    private long errors;
    private double costUsd;

    ProgressMessage next(RunEvent event, long seq) {
      Map<String, Object> fields = new LinkedHashMap<>();
      String type = event.type();
      switch (type) {
        case RUN_STARTED -> {
          totalItems = event.data().get("totalItems");
          fields.putAll(event.data());
        }
        case PIPELINE_PROGRESS -> {
          type = ITEMS_COMPLETED;
          long items = count(event, "passed") + count(event, "failed") + count(event, "errors");
          completed += items;
          passed += count(event, "passed");
          failed += count(event, "failed");
          errors += count(event, "errors");
          costUsd += number(event, "costUsd");
          if (event.data().containsKey("shardIndex")) fields.put("shardIndex", event.data().get("shardIndex"));
          fields.put("items", items);
          fields.put("completed", completed);
          if (totalItems != null) fields.put("totalItems", totalItems);
          fields.put("passed", passed);
          fields.put("failed", failed);
          fields.put("errors", errors);
          fields.put("passRate", completed == 0 ? 0.0 : (double) passed / completed);
          fields.put("costUsd", costUsd);
        }
        default -> fields.putAll(event.data());
      }
      return new ProgressMessage(type, event.runId(), seq, event.at(), fields);
    }

    private static long count(RunEvent event, String name) {
      return event.data().get(name) instanceof Number n ? n.longValue() : 0;
    }

    private static double number(RunEvent event, String name) {
      return event.data().get(name) instanceof Number n ? n.doubleValue() : 0;
    }
  }
}
