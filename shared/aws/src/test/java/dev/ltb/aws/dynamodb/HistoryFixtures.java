package dev.ltb.aws.dynamodb;

import dev.ltb.aggregate.Estimate;
import dev.ltb.aggregate.GroupSummary;
import dev.ltb.aggregate.LatencySummary;
import dev.ltb.aggregate.Proportion;
import dev.ltb.aggregate.RunSummary;
import dev.ltb.aggregate.Totals;
import dev.ltb.engine.ItemError;
import dev.ltb.engine.ItemResult;
import dev.ltb.engine.ItemStatus;
import dev.ltb.engine.WorkItem;
import dev.ltb.evaluator.AssertionOutcome;
import dev.ltb.provider.TokenUsage;
import dev.ltb.run.RunRecord;
import dev.ltb.run.RunStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Records as rich as real ones: nested records, maps of any JSON value, instants with nanoseconds. */
final class HistoryFixtures {

  static final Instant CREATED = Instant.parse("2025-03-01T10:15:30.123456789Z");

  private HistoryFixtures() {}

  static RunRecord run(String runId) {
    return run(runId, CREATED);
  }

  static RunRecord run(String runId, Instant createdAt) {
    return run(runId, createdAt, "{\"description\":\"Capitals of Europe\",\"prompts\":[\"What is the capital of {{country}}?\"]}");
  }

  static RunRecord run(String runId, Instant createdAt, String suiteJson) {
    return new RunRecord(
        runId, "Capitals of Europe", "suites/capitals.yaml", suiteJson, RunStatus.QUEUED, createdAt, null, 0, null,
        null);
  }

  static String itemId(int testIndex) {
    return WorkItem.idOf(testIndex, 0, 1, 0);
  }

  static ItemResult passed(String runId, int testIndex) {
    return passed(runId, testIndex, "The capital of France is Paris.");
  }

  static ItemResult passed(String runId, int testIndex, String output) {
    return new ItemResult(
        runId,
        itemId(testIndex),
        testIndex,
        "capital of France",
        Map.of("country", "France", "population", 68, "tags", List.of("europe", 1.5), "facts", Map.of("eu", true)),
        Map.of("category", "geography"),
        "p0",
        "Short prompt",
        "What is the capital of France?",
        1,
        "openai:chat:gpt-4o-mini",
        "gpt-4o-mini",
        0,
        ItemStatus.PASS,
        0.75,
        "All assertions passed",
        output,
        List.of(
            new AssertionOutcome("icontains", true, 1.0, "output contains \"paris\"", 1.0, "accuracy", List.of()),
            new AssertionOutcome(
                "assert-set",
                true,
                0.5,
                "1 of 2 assertions passed",
                2.0,
                null,
                List.of(new AssertionOutcome("javascript", false, 0.0, "returned false", 1.0, "style", List.of())))),
        Map.of("accuracy", 1.0, "style", 0.0),
        new TokenUsage(42, 9, 8),
        new TokenUsage(120, 30),
        0.000_042,
        812,
        120L,
        "stop",
        false,
        1,
        null,
        CREATED.plusMillis(testIndex));
  }

  static ItemResult failed(String runId, int testIndex) {
    return new ItemResult(
        runId, itemId(testIndex), testIndex, "capital of France", Map.of(), Map.of(), "p0", "Short prompt",
        "What is the capital of France?", 1, "openai:chat:gpt-4o-mini", "gpt-4o-mini", 0, ItemStatus.FAIL, 0.0,
        "expected output to contain \"Paris\"", "Lyon", List.of(), Map.of(), TokenUsage.NONE, TokenUsage.NONE, null,
        300, null, "stop", true, 1, null, CREATED);
  }

  static ItemResult errored(String runId, int testIndex) {
    return new ItemResult(
        runId, itemId(testIndex), testIndex, null, null, null, "p0", null, "What is the capital of France?", 1,
        "openai:chat:gpt-4o-mini", "gpt-4o-mini", 0, ItemStatus.ERROR, 0.0, null, null, null, null, null, null,
        null, 0, null, null, false, 4, new ItemError("rate-limited", "429 after 3 retries"), CREATED);
  }

  static RunSummary summary(String runId) {
    TokenUsage tokens = new TokenUsage(4_200, 900, 800);
    return new RunSummary(
        RunSummary.FORMAT_VERSION,
        runId,
        "Capitals of Europe",
        CREATED,
        CREATED.plusSeconds(93).plusNanos(1),
        new Totals(3, 1, 1, 1, 1 / 3.0, tokens, 0.0042, 1, 93_000),
        List.of(
            new GroupSummary(
                1, "openai:chat:gpt-4o-mini", "gpt-4o-mini", "p0", "Short prompt", 3, 1, 1, 1,
                new Proportion(1, 3, 1 / 3.0, 0.06, 0.79),
                new Estimate(0, Double.NaN, Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY),
                Map.of("accuracy", new Estimate(1, 1.0, 0.0, 1.0, 1.0)),
                new LatencySummary(2, 300, 812, 812, 556.0, 812),
                tokens, 0.0042, 1, Map.of("rate-limited", 1L))),
        Map.of("icontains", "1", "javascript", "1"));
  }
}
