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
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** A {@link RunHistory} in memory, for tests of code that reads runs (notifications, comparisons). */
public final class InMemoryRunHistory implements RunHistory {

  private final Map<String, RunRecord> runs = new LinkedHashMap<>();
  private final Map<String, TreeMap<String, ItemResult>> results = new ConcurrentHashMap<>();

  @Override
  public synchronized void create(RunRecord run) {
    if (runs.putIfAbsent(run.runId(), run) != null) throw new IllegalStateException("run exists: " + run.runId());
  }

  @Override
  public synchronized boolean save(ItemResult result) {
    return results.computeIfAbsent(result.runId(), id -> new TreeMap<>()).putIfAbsent(result.itemId(), result) == null;
  }

  @Override
  public synchronized Set<String> completedItemIds(String runId) {
    return Set.copyOf(results.getOrDefault(runId, new TreeMap<>()).keySet());
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
    List<ItemResult> copy;
    synchronized (this) {
      copy = List.copyOf(results.getOrDefault(runId, new TreeMap<>()).values());
    }
    copy.forEach(consumer);
  }

  @Override
  public synchronized boolean delete(String runId) {
    results.remove(runId);
    return runs.remove(runId) != null;
  }

  @Override
  public void close() {}
}
