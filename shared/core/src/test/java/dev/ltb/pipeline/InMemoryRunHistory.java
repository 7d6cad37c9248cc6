package dev.ltb.pipeline;

import dev.ltb.aggregate.RunSummary;
import dev.ltb.engine.ItemResult;
import dev.ltb.run.RunHistory;
import dev.ltb.run.RunRecord;
import dev.ltb.run.RunStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A run history in memory for the pipeline's unit tests (the core cannot reach SQLite or DynamoDB; the
 * end-to-end tests use the real DynamoDB adapter). Keeps the port's contract: save is idempotent per item.
 * {@link #failSavesWhen} makes storage fail, as a full or unreachable table would.
 */
public final class InMemoryRunHistory implements RunHistory {

  private final Map<String, RunRecord> runs = new ConcurrentHashMap<>();
  private final Map<String, ConcurrentSkipListMap<String, ItemResult>> results = new ConcurrentHashMap<>();
  public final AtomicInteger duplicateSaves = new AtomicInteger();
  public volatile Predicate<ItemResult> failSavesWhen = result -> false;

  @Override
  public void create(RunRecord run) {
    if (runs.putIfAbsent(run.runId(), run) != null) throw new IllegalStateException("run exists: " + run.runId());
  }

  @Override
  public boolean save(ItemResult result) {
    if (failSavesWhen.test(result)) throw new IllegalStateException("table unavailable");
    boolean added = results.computeIfAbsent(result.runId(), id -> new ConcurrentSkipListMap<>())
        .putIfAbsent(result.itemId(), result) == null;
    if (!added) duplicateSaves.incrementAndGet();
    return added;
  }

  @Override
  public Set<String> completedItemIds(String runId) {
    return Set.copyOf(results.getOrDefault(runId, new ConcurrentSkipListMap<>()).keySet());
  }

  @Override
  public void updateStatus(String runId, RunStatus status, String reason) {
    runs.computeIfPresent(runId, (id, r) -> new RunRecord(r.runId(), r.description(), r.suiteSource(), r.suiteJson(),
        status, r.createdAt(), r.finishedAt(), r.totalItems(), r.summary(), reason));
  }

  @Override
  public void finish(String runId, RunStatus status, RunSummary summary, String reason) {
    runs.computeIfPresent(runId, (id, r) -> new RunRecord(r.runId(), r.description(), r.suiteSource(), r.suiteJson(),
        status, r.createdAt(), Instant.now(), r.totalItems(), summary, reason));
  }

  @Override
  public Optional<RunRecord> find(String runIdOrPrefix) {
    RunRecord exact = runs.get(runIdOrPrefix);
    if (exact != null) return Optional.of(exact);
    List<RunRecord> matches = runs.values().stream().filter(r -> r.runId().startsWith(runIdOrPrefix)).toList();
    return matches.size() == 1 ? Optional.of(matches.getFirst()) : Optional.empty();
  }

  @Override
  public List<RunRecord> list(int limit) {
    List<RunRecord> all = new ArrayList<>(runs.values());
    all.sort(Comparator.comparing(RunRecord::createdAt).reversed());
    return all.subList(0, Math.min(limit, all.size()));
  }

  @Override
  public void forEachResult(String runId, Consumer<ItemResult> consumer) {
    new TreeMap<>(results.getOrDefault(runId, new ConcurrentSkipListMap<>())).values().forEach(consumer);
  }

  public int storedResults(String runId) {
    return results.getOrDefault(runId, new ConcurrentSkipListMap<>()).size();
  }

  @Override
  public void close() {}
}
