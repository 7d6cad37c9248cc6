package dev.ltb.report;

import dev.ltb.engine.ItemResult;
import java.util.function.Consumer;

/**
 * The item results of a run, handed to a {@link ReportWriter} one at a time so that no writer needs the whole
 * run in memory. Every writer calls {@link #forEach} exactly once.
 *
 * <p>From the run history: {@code ResultSource results = action -> history.forEachResult(runId, action);}
 */
@FunctionalInterface
public interface ResultSource {

  /** Passes every result, in the order the outputs should list them (item-id order from the history). */
  void forEach(Consumer<ItemResult> action);

  /** A source over results already in memory (small runs, tests). */
  static ResultSource of(Iterable<ItemResult> results) {
    return results::forEach;
  }
}
