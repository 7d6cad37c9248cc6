package dev.ltb.testkit;

import dev.ltb.aggregate.RunSummary;
import dev.ltb.engine.ItemResult;
import dev.ltb.run.RunHistory;
import dev.ltb.run.RunRecord;
import dev.ltb.run.RunStatus;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A {@link RunHistory} in memory, for tests of code that reads runs (notifications, comparisons, result pages).
 * Results stream in item-id order straight from a sorted map (no copy of the run), starting right after a cursor
 * as the DynamoDB history does; {@link #resultsRead()} counts what readers were handed.
 */
public final class InMemoryRunHistory implements RunHistory {

  private final Map<String, RunRecord> runs = new LinkedHashMap<>();
  private final Map<String, NavigableMap<String, ItemResult>> results = new ConcurrentHashMap<>();
  private final AtomicLong resultsRead = new AtomicLong();

  @Override
  public synchronized void create(RunRecord run) {
    if (runs.putIfAbsent(run.runId(), run) != null) throw new IllegalStateException("run exists: " + run.runId());
  }

  @Override
  public synchronized boolean save(ItemResult result) {
    return results.computeIfAbsent(result.runId(), id -> new ConcurrentSkipListMap<>())
        .putIfAbsent(result.itemId(), result) == null;
  }

  @Override
  public synchronized Set<String> completedItemIds(String runId) {
    return Set.copyOf(resultsOf(runId).keySet());
  }

  @Override
  public synchronized void updateStatus(String runId, RunStatus status, String reason) {
    RunRecord run = runs.get(runId);
    runs.put(runId, new RunRecord(runId, run.description(), run.suiteSource(), run.suiteJson(), status,
        run.createdAt(), status.terminal() ? Instant.now() : null, run.totalItems(), run.summary(), reason));
  }

  @Override
  public synchronized void finish(String runId, RunStatus status, RunSummary summary, String reason) {
    RunRecord run = runs.get(runId);
    runs.put(runId, new RunRecord(runId, run.description(), run.suiteSource(), run.suiteJson(), status,
        run.createdAt(), summary == null ? run.createdAt() : summary.finishedAt(), run.totalItems(), summary, reason));
  }

  @Override
  public synchronized Optional<RunRecord> find(String runIdOrPrefix) {
    RunRecord exact = runs.get(runIdOrPrefix);
    if (exact != null) return Optional.of(exact);
    List<RunRecord> matches = runs.values().stream().filter(r -> r.runId().startsWith(runIdOrPrefix)).toList();
    return matches.size() == 1 ? Optional.of(matches.getFirst()) : Optional.empty();
  }

  @Override
  public synchronized List<RunRecord> list(int limit) {
    return runs.values().stream().sorted(Comparator.comparing(RunRecord::createdAt).reversed()).limit(limit).toList();
  }

  @Override
  public void forEachResult(String runId, Consumer<ItemResult> consumer) {
    stream(resultsOf(runId), consumer);
  }

  @Override
  public void forEachResultAfter(String runId, String afterItemId, Consumer<ItemResult> consumer) {
    NavigableMap<String, ItemResult> run = resultsOf(runId);
    stream(afterItemId == null ? run : run.tailMap(afterItemId, false), consumer);
  }

  /** How many results readers have been handed so far: what a test of "reads only the page" compares. */
  public long resultsRead() {
    return resultsRead.get();
  }

  /** Weakly consistent iteration: a reader sees results saved while it streams, and never holds the whole run. */
  private void stream(NavigableMap<String, ItemResult> run, Consumer<ItemResult> consumer) {
    for (ItemResult result : run.values()) {
      resultsRead.incrementAndGet();
      consumer.accept(result);
    }
  }

  private NavigableMap<String, ItemResult> resultsOf(String runId) {
    return results.getOrDefault(runId, new ConcurrentSkipListMap<>());
  }

  @Override
  public synchronized boolean delete(String runId) {
    results.remove(runId);
    return runs.remove(runId) != null;
  }

  @Override
  public void close() {}
}
