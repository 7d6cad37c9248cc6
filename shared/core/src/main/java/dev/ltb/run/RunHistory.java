package dev.ltb.run;

import dev.ltb.aggregate.RunSummary;
import dev.ltb.engine.ItemResult;
import dev.ltb.engine.ResultSink;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Port: where runs and their item results are kept. Locally SQLite, in the cloud DynamoDB + S3. All
 * methods are thread-safe; {@link #save} is idempotent per (run, item): a second result for the same item
 * is ignored, so redelivered work never counts twice.
 */
public interface RunHistory extends AutoCloseable {

  void create(RunRecord run);

  /** Stores one item result; returns false when a result for that item already existed. */
  boolean save(ItemResult result);

  default ResultSink sinkFor(String runId) {
    return result -> {
      if (!result.runId().equals(runId))
        throw new IllegalArgumentException("result of run " + result.runId() + " sent to run " + runId);
      save(result);
    };
  }

  /** Ids of the items of this run that already have a result (for resume and redelivery). */
  Set<String> completedItemIds(String runId);

  /**
   * Those of {@code itemIds} that already have a result. A cloud worker asks this for its shard only; stores
   * that can look items up by key should override the default, which reads every id of the run.
   */
  default Set<String> completedItemIds(String runId, Collection<String> itemIds) {
    Set<String> done = completedItemIds(runId);
    Set<String> found = new HashSet<>();
    for (String id : itemIds) if (done.contains(id)) found.add(id);
    return found;
  }

  void updateStatus(String runId, RunStatus status, String reason);

  void finish(String runId, RunStatus status, RunSummary summary, String reason);

  /** Finds a run by its id or by a unique prefix of it. */
  Optional<RunRecord> find(String runIdOrPrefix);

  /** Most recent first. */
  List<RunRecord> list(int limit);

  /** Streams the run's results in item-id order without loading them all. */
  void forEachResult(String runId, Consumer<ItemResult> consumer);

  @Override
  void close();
}
