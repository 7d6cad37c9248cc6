package dev.ltb.report.html;

import dev.ltb.aggregate.GroupSummary;
import dev.ltb.aggregate.LatencySummary;
import dev.ltb.aggregate.RunSummary;
import dev.ltb.engine.ItemResult;
import dev.ltb.engine.ItemStatus;
import dev.ltb.json.Json;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the HTML report needs from a stream of results, in bounded memory: per-group histograms and at most
 * {@code maxRows} table rows. Failures and errors are kept before passes, since they are what a reader looks
 * for; passes already kept make room for later failures.
 */
public final class ReportData {

  public static final int MAX_OUTPUT_CHARS = 5_000;
  public static final int MAX_PROMPT_CHARS = 2_000;
  static final int SCORE_BINS = 10;
  static final int LATENCY_BINS = 24;

  private final RunSummary summary;
  private final int maxRows;
  private final boolean onePrompt;
  private final double latencyUpperMs;
  private final Map<String, ReportGroup> groups = new LinkedHashMap<>();
  private final ArrayDeque<ResultRow> keptPasses = new ArrayDeque<>();
  private final List<ResultRow> keptProblems = new ArrayList<>();
  private long results;
  private long problems;

  public ReportData(RunSummary summary, int maxRows) {
    if (maxRows < 0) throw new IllegalArgumentException("maxRows must be >= 0, was " + maxRows);
    this.summary = Objects.requireNonNull(summary, "summary");
    this.maxRows = maxRows;
    this.onePrompt = summary.groups().stream().map(GroupSummary::promptId).distinct().count() <= 1;
    this.latencyUpperMs = latencyUpperBound(summary);
    for (GroupSummary group : summary.groups())
      addGroup(key(group.providerIndex(), group.promptId()), group.providerIndex(), group.providerLabel(),
          group.promptLabel(), group);
  }

  public void accept(ItemResult result) {
    String key = key(result.providerIndex(), result.promptId());
    ReportGroup group = groups.get(key);
    if (group == null)
      group = addGroup(key, result.providerIndex(), result.providerLabel(), result.promptLabel(), null);
    long sequence = results++;
    if (result.status() != ItemStatus.ERROR) {
      group.scores().addClosed(Math.clamp(result.score(), 0.0, 1.0));
      group.latencyMs().add(result.latencyMs());
    }
    if (result.status() == ItemStatus.PASS) {
      if (kept() < maxRows) keptPasses.addLast(row(sequence, group, result));
    } else {
      problems++;
      if (keptProblems.size() < maxRows) {
        if (kept() >= maxRows) keptPasses.removeLast();
        keptProblems.add(row(sequence, group, result));
      }
    }
  }

  public RunSummary summary() {
    return summary;
  }

  /** Groups in suite order; groups only seen in results (not in the summary) come last. */
  public List<ReportGroup> groups() {
    return List.copyOf(groups.values());
  }

  /** Groups the summary describes: the ones charts can draw. */
  public List<ReportGroup> summarizedGroups() {
    return groups.values().stream().filter(group -> group.summary() != null).toList();
  }

  /** The kept rows, in stream order. */
  public List<ResultRow> rows() {
    List<ResultRow> rows = new ArrayList<>(keptPasses);
    rows.addAll(keptProblems);
    rows.sort(Comparator.comparingLong(ResultRow::sequence));
    return rows;
  }

  public long resultCount() {
    return results;
  }

  /** Failed and errored results seen. */
  public long problemCount() {
    return problems;
  }

  public long rowsLeftOut() {
    return results - kept();
  }

  public int maxRows() {
    return maxRows;
  }

  public boolean onePrompt() {
    return onePrompt;
  }

  private int kept() {
    return keptPasses.size() + keptProblems.size();
  }

  private ReportGroup addGroup(
      String key, int providerIndex, String providerLabel, String promptLabel, GroupSummary summary) {
    String provider = providerLabel == null ? "provider " + (providerIndex + 1) : providerLabel;
    String label = onePrompt || promptLabel == null ? provider : provider + " · " + promptLabel;
    var group =
        new ReportGroup(
            "g" + groups.size(), label, providerIndex, provider, promptLabel, !onePrompt && promptLabel != null,
            summary, new Histogram(1.0, SCORE_BINS), new Histogram(latencyUpperMs, LATENCY_BINS));
    groups.put(key, group);
    return group;
  }

  private static ResultRow row(long sequence, ReportGroup group, ItemResult result) {
    String test =
        result.testDescription() == null || result.testDescription().isBlank()
            ? "Test " + (result.testIndex() + 1)
            : result.testDescription();
    if (result.repeatIndex() > 0) test += " (repeat " + (result.repeatIndex() + 1) + ")";
    String prompt = result.renderedPrompt() == null ? "" : result.renderedPrompt();
    return new ResultRow(
        sequence, result.itemId(), group.id(), group.label(), group.providerIndex(), test, result.status(),
        result.score(), result.latencyMs(), result.costUsd(), result.judgeCostUsd(), result.tokens().input(), result.tokens().output(),
        result.reason(), result.error() == null ? null : result.error().kind(),
        result.error() == null ? null : result.error().message(), cut(result.output(), MAX_OUTPUT_CHARS),
        result.output().length(), cut(prompt, MAX_PROMPT_CHARS), prompt.length(),
        result.vars().isEmpty() ? "" : Json.write(result.vars()));
  }

  private static String cut(String text, int maxChars) {
    if (text.length() <= maxChars) return text;
    int end = Character.isHighSurrogate(text.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
    return text.substring(0, end);
  }

  /** Latency bins end a little above the slowest group's p99, so one outlier does not flatten the rest. */
  private static double latencyUpperBound(RunSummary summary) {
    long p99 =
        summary.groups().stream()
            .map(GroupSummary::latencyMs)
            .filter(Objects::nonNull)
            .mapToLong(LatencySummary::p99)
            .max()
            .orElse(0);
    return p99 <= 0 ? 1000 : Ticks.niceCeiling(p99 * 1.1);
  }

  private static String key(int providerIndex, String promptId) {
    return providerIndex + "\u0000" + promptId;
  }
}
