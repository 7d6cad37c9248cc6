package dev.ltb.aggregate;

import dev.ltb.engine.ItemResult;
import dev.ltb.engine.ItemStatus;
import dev.ltb.provider.TokenUsage;
import dev.ltb.stats.Intervals;
import dev.ltb.stats.LatencyCounts;
import dev.ltb.suite.Suite;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.stat.descriptive.StreamingStatistics;

/**
 * Turns a stream of item results into a {@link RunSummary}. Results are consumed one at a time and nothing
 * is kept per item: running moments for the score and each metric, and counts per latency millisecond (which
 * give exact percentiles, {@link LatencyCounts}), so a run of any size aggregates in constant memory and the
 * same code serves the CLI and the cloud aggregate step. Not thread-safe: feed it from one thread (or a
 * synchronized sink).
 */
public final class Aggregator {

  private final String runId;
  private final Suite suite;
  private final Map<String, String> evaluators;
  private final Map<String, Group> groups = new LinkedHashMap<>();
  private Instant firstStart;
  private Instant lastStart;

  public Aggregator(String runId, Suite suite, Map<String, String> evaluators) {
    this.runId = runId;
    this.suite = suite;
    this.evaluators = evaluators;
    for (int provider = 0; provider < suite.providers().size(); provider++) {
      for (var prompt : suite.prompts()) {
        var spec = suite.providers().get(provider);
        groups.put(key(provider, prompt.id()), new Group(provider, spec.id(), spec.label(), prompt.id(), prompt.label()));
      }
    }
  }

  public void accept(ItemResult result) {
    Group group =
        groups.computeIfAbsent(
            key(result.providerIndex(), result.promptId()),
            k -> new Group(result.providerIndex(), result.providerId(), result.providerLabel(), result.promptId(),
                result.promptLabel()));
    group.add(result);
    if (result.startedAt() != null) {
      if (firstStart == null || result.startedAt().isBefore(firstStart)) firstStart = result.startedAt();
      Instant end = result.startedAt().plusMillis(result.latencyMs());
      if (lastStart == null || end.isAfter(lastStart)) lastStart = end;
    }
  }

  /** The summary of what was accepted; {@code startedAt}/{@code finishedAt} default to the results' span. */
  public RunSummary summarize(Instant startedAt, Instant finishedAt) {
    Instant start = startedAt != null ? startedAt : firstStart;
    Instant end = finishedAt != null ? finishedAt : lastStart;
    List<GroupSummary> summaries = new ArrayList<>();
    long items = 0, passed = 0, failed = 0, errors = 0, costUnknown = 0;
    double cost = 0, judgeCost = 0;
    TokenUsage tokens = TokenUsage.NONE;
    for (Group group : groups.values()) {
      GroupSummary summary = group.summarize();
      summaries.add(summary);
      items += summary.items();
      passed += summary.passed();
      failed += summary.failed();
      errors += summary.errors();
      cost += summary.costUsd();
      judgeCost += summary.judgeCostUsd();
      costUnknown += summary.costUnknownItems();
      tokens = tokens.plus(summary.tokens());
    }
    long durationMs = start == null || end == null ? 0 : Math.max(0, Duration.between(start, end).toMillis());
    Totals totals =
        new Totals(items, passed, failed, errors, items == 0 ? 0 : (double) passed / items, tokens, cost, costUnknown,
            durationMs, judgeCost);
    return new RunSummary(RunSummary.FORMAT_VERSION, runId, suite.description(), start, end, totals, summaries,
        evaluators);
  }

  private static String key(int providerIndex, String promptId) {
    return providerIndex + "\u0000" + promptId;
  }

  /** Running numbers of one provider × prompt. */
  private static final class Group {
    final int providerIndex;
    final String providerId, providerLabel, promptId, promptLabel;
    long items, passed, failed, errors, costUnknown;
    double cost, judgeCost;
    TokenUsage tokens = TokenUsage.NONE;
    final StreamingStatistics scores = new StreamingStatistics();
    final LatencyCounts latencies = new LatencyCounts();
    final Map<String, StreamingStatistics> metrics = new LinkedHashMap<>();
    final Map<String, Long> errorsByKind = new HashMap<>();

    Group(int providerIndex, String providerId, String providerLabel, String promptId, String promptLabel) {
      this.providerIndex = providerIndex;
      this.providerId = providerId;
      this.providerLabel = providerLabel;
      this.promptId = promptId;
      this.promptLabel = promptLabel;
    }

    void add(ItemResult result) {
      items++;
      judgeCost += result.judgeCostUsd();
      if (result.status() == ItemStatus.ERROR) {
        errors++;
        errorsByKind.merge(result.error().kind(), 1L, Long::sum);
        return;
      }
      if (result.status() == ItemStatus.PASS) passed++;
      else failed++;
      scores.addValue(result.score());
      if (!result.cached()) latencies.add(result.latencyMs());
      result.namedScores()
          .forEach((metric, value) -> metrics.computeIfAbsent(metric, m -> new StreamingStatistics()).addValue(value));
      tokens = tokens.plus(result.tokens());
      if (result.costUsd() == null) costUnknown++;
      else cost += result.costUsd();
    }

    GroupSummary summarize() {
      Map<String, Estimate> metricEstimates = new LinkedHashMap<>();
      metrics.forEach((name, values) -> metricEstimates.put(name, Intervals.boundedMean(values, 0, 1)));
      return new GroupSummary(
          providerIndex, providerId, providerLabel, promptId, promptLabel, items, passed, failed, errors,
          Intervals.wilson(passed, items), Intervals.boundedMean(scores, 0, 1), metricEstimates,
          latencies.summary(), tokens, cost, costUnknown, errorsByKind, judgeCost);
    }
  }
}
