package dev.ltb.run;

import dev.ltb.aggregate.RunSummary;
import dev.ltb.engine.ItemResult;
import dev.ltb.engine.ResultSink;
import dev.ltb.suite.Suite;
import dev.ltb.suite.SuiteCodec;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Port: where runs and their item results are kept. Locally SQLite, in the cloud DynamoDB + S3. All
 * methods are thread-safe; {@link #save} is idempotent per (run, item): a second result for the same item
 * is ignored, so redelivered work never counts twice.
 */
public interface RunHistory extends AutoCloseable {

  /** Creates a run; its suite, if any, is the record's {@link RunRecord#suiteJson}. */
  void create(RunRecord run);

  /**
   * Creates a run and keeps the suite it runs, which {@link #suite} reads back (for resume). The default puts
   * the suite's JSON in the record; a history that can store the suite without building that text overrides
   * this (the SQLite history streams it compressed), so that a suite of 100,000 tests costs no large copies
   * in memory, and records read back then carry no {@code suiteJson}.
   */
  default void create(RunRecord run, Suite suite) {
    create(
        new RunRecord(run.runId(), run.description(), run.suiteSource(), SuiteCodec.toJson(suite), run.status(),
            run.createdAt(), run.finishedAt(), run.totalItems(), run.summary(), run.statusReason()));
  }

  /**
   * The suite the run was created with, whichever way it was stored; empty when there is no such run or it
   * was created without a suite.
   *
   * @param runId the run's exact id
   */
  default Optional<Suite> suite(String runId) {
    return find(runId).filter(run -> run.runId().equals(runId)).map(RunRecord::suiteJson).map(SuiteCodec::fromJson);
  }

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
   * Which of {@code itemIds} already have a result in this run: what a redelivered shard skips. The default
   * filters {@link #completedItemIds(String)}; a history where the whole run is expensive to read (DynamoDB)
   * answers with point reads of just these items.
   */
  default Set<String> completedItemIds(String runId, Collection<String> itemIds) {
    Set<String> completed = completedItemIds(runId);
    return itemIds.stream().filter(completed::contains).collect(Collectors.toUnmodifiableSet());
  }

  /**
   * The run's current status, or empty when there is no such run: what a cloud worker polls to drop the rest of
   * a cancelled run. The default reads the whole record; stores that can read just the status override it.
   */
  default Optional<RunStatus> status(String runId) {
    return find(runId).filter(run -> run.runId().equals(runId)).map(RunRecord::status);
  }

  void updateStatus(String runId, RunStatus status, String reason);

  void finish(String runId, RunStatus status, RunSummary summary, String reason);

  /** Finds a run by its id or by a unique prefix of it. */
  Optional<RunRecord> find(String runIdOrPrefix);

  /** Most recent first. */
  List<RunRecord> list(int limit);

  /**
   * A page of the run list ({@link RunPosition#NEWEST_FIRST}): up to {@code limit} runs after {@code after}, only
   * those in {@code status} when it is given. The default sorts everything {@link #list} returns, which suits small
   * histories; a store with an index in that order (DynamoDB) reads just the page and what the filter skips.
   *
   * @param after the {@link RunListPage#next} of the previous page, or null for the first page
   * @param status only runs in this status, or null for all
   */
  default RunListPage listPage(RunPosition after, RunStatus status, int limit) {
    if (limit < 1) throw new IllegalArgumentException("limit must be >= 1, was " + limit);
    return RunListPage.of(
        list(Integer.MAX_VALUE).stream()
            .filter(run -> after == null || after.precedes(run))
            .filter(run -> status == null || run.status() == status)
            .sorted(java.util.Comparator.comparing(RunPosition::of, RunPosition.NEWEST_FIRST))
            .iterator(),
        limit);
  }

  /** Streams the run's results in item-id order without loading them all. */
  void forEachResult(String runId, Consumer<ItemResult> consumer);

  /**
   * As {@link #forEachResult}, starting after item {@code afterItemId} (null: from the first): what a results page
   * reads. The default skips the earlier items; a history with an index on item ids (DynamoDB) starts there.
   */
  default void forEachResultAfter(String runId, String afterItemId, Consumer<ItemResult> consumer) {
    if (afterItemId == null) {
      forEachResult(runId, consumer);
      return;
    }
    forEachResult(runId, result -> {
      if (result.itemId().compareTo(afterItemId) > 0) consumer.accept(result);
    });
  }

  /**
   * Deletes the run, its results and what the history keeps for it elsewhere; false when there is no such run.
   * A history that cannot delete says so (the local SQLite history keeps runs until its file is removed).
   *
   * @param runId the run's exact id
   */
  default boolean delete(String runId) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot delete runs");
  }

  @Override
  void close();
}
