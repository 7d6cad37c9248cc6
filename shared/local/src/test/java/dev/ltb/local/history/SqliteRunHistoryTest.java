package dev.ltb.local.history;

import static dev.ltb.local.history.HistoryFixtures.count;
import static dev.ltb.local.history.HistoryFixtures.errored;
import static dev.ltb.local.history.HistoryFixtures.failed;
import static dev.ltb.local.history.HistoryFixtures.itemId;
import static dev.ltb.local.history.HistoryFixtures.passed;
import static dev.ltb.local.history.HistoryFixtures.run;
import static dev.ltb.local.history.HistoryFixtures.summary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ltb.aggregate.Estimate;
import dev.ltb.aggregate.GroupSummary;
import dev.ltb.aggregate.RunSummary;
import dev.ltb.engine.ItemResult;
import dev.ltb.run.RunRecord;
import dev.ltb.run.RunStatus;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.ltb.suite.Assertion;
import dev.ltb.suite.AssertionSpec;
import dev.ltb.suite.Prompt;
import dev.ltb.suite.ProviderSpec;
import dev.ltb.suite.RunOptions;
import dev.ltb.suite.Suite;
import dev.ltb.suite.SuiteCodec;
import dev.ltb.suite.TestCase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqliteRunHistoryTest {

  private static final Instant NOW = Instant.parse("2025-03-01T10:17:03.000000042Z");
  private static final String RUN = "20250301-101530-7f3a";

  @TempDir Path dir;
  private Path file;
  private SqliteRunHistory history;

  @BeforeEach
  void openHistory() {
    file = dir.resolve("history.db");
    history = open();
  }

  @AfterEach
  void closeHistory() {
    history.close();
  }

  private SqliteRunHistory open() {
    return SqliteRunHistory.builder(file).clock(Clock.fixed(NOW, ZoneOffset.UTC)).open();
  }

  private SqliteRunHistory reopen() {
    history.close();
    history = open();
    return history;
  }

  private List<ItemResult> resultsOf(String runId) {
    List<ItemResult> results = new ArrayList<>();
    history.forEachResult(runId, results::add);
    return results;
  }

  @Test
  void keepsRunsAndResultsExactlyAsGiven() {
    RunRecord run = run(RUN);
    List<ItemResult> results = List.of(passed(RUN, 0), failed(RUN, 1), errored(RUN, 2));

    history.create(run);
    results.forEach(history::save);
    history.finish(RUN, RunStatus.COMPLETED, summary(RUN), null);

    RunRecord finished =
        new RunRecord(
            RUN, run.description(), run.suiteSource(), run.suiteJson(), RunStatus.COMPLETED, run.createdAt(), NOW,
            run.totalItems(), summary(RUN), null);
    assertThat(history.find(RUN)).contains(finished);
    assertThat(history.list(10)).containsExactly(finished);
    assertThat(resultsOf(RUN)).containsExactlyElementsOf(results);
    assertThat(history.completedItemIds(RUN)).containsExactlyInAnyOrder(itemId(0), itemId(1), itemId(2));
  }

  @Test
  void keepsTheSuiteOfARunCompressedAndReadsItBackWhole() throws Exception {
    Suite suite = suiteOf(2_000);

    history.create(run(RUN), suite);

    assertThat(history.suite(RUN)).contains(suite);
    assertThat(history.find(RUN).orElseThrow().suiteJson()).isNull(); // listing and showing runs skip the suite
    long stored = count(file, "SELECT length(suite_gzip) FROM runs WHERE run_id = '" + RUN + "'");
    assertThat(stored).isPositive().isLessThan(SuiteCodec.toJson(suite).length() / 10);
    assertThat(reopen().suite(RUN)).contains(suite);
  }

  @Test
  void readsTheSuiteOfRunsStoredAsJsonText() {
    Suite suite = suiteOf(3);
    RunRecord run = run(RUN);
    history.create(
        new RunRecord(RUN, run.description(), run.suiteSource(), SuiteCodec.toJson(suite), run.status(),
            run.createdAt(), null, run.totalItems(), null, null));

    assertThat(history.suite(RUN)).contains(suite);
    assertThat(history.suite("no-such-run")).isEmpty();
  }

  @Test
  void aDamagedStoredSuiteIsReportedNotGuessed() throws Exception {
    history.create(run(RUN), suiteOf(3));
    HistoryFixtures.execute(file, "UPDATE runs SET suite_gzip = x'1f8b0800' WHERE run_id = '" + RUN + "'");

    assertThatThrownBy(() -> history.suite(RUN))
        .isInstanceOf(HistoryStorageException.class)
        .hasMessageStartingWith("Cannot read the suite of run " + RUN + " from the run history " + file);
  }

  private static Suite suiteOf(int tests) {
    List<AssertionSpec> asserts =
        List.of(new Assertion("icontains", false, TextNode.valueOf("paris"), null, 1, "accuracy", null));
    return new Suite(
        "Capitals of Europe",
        List.of(new Prompt("p0", "Short prompt", "What is the capital of {{country}}?")),
        List.of(new ProviderSpec("openai:chat:gpt-4o-mini", "gpt-4o-mini", null, null)),
        IntStream.range(0, tests)
            .mapToObj(i -> new TestCase("test " + i, Map.of("country", "Country " + i), asserts, null, null))
            .toList(),
        RunOptions.defaults(),
        "suites/capitals.yaml");
  }

  @Test
  void keepsStatisticsThatAreUndefinedForTooFewValues() {
    RunSummary base = summary(RUN);
    GroupSummary group = base.groups().getFirst();
    Estimate undefined = new Estimate(0, Double.NaN, Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    RunSummary summary =
        new RunSummary(
            base.formatVersion(), RUN, base.description(), base.startedAt(), base.finishedAt(), base.totals(),
            List.of(
                new GroupSummary(
                    group.providerIndex(), group.providerId(), group.providerLabel(), group.promptId(),
                    group.promptLabel(), 0, 0, 0, 0, group.passRate(), undefined, Map.of("accuracy", undefined),
                    group.latencyMs(), group.tokens(), 0, 0, Map.of())),
            base.evaluators());
    history.create(run(RUN));

    history.finish(RUN, RunStatus.FAILED, summary, "no item could be run");

    assertThat(history.find(RUN).orElseThrow().summary()).isEqualTo(summary);
  }

  @Test
  void reopeningTheFileKeepsEverything() {
    history.create(run(RUN));
    history.save(passed(RUN, 0));
    history.save(errored(RUN, 1));
    history.finish(RUN, RunStatus.PARTIAL, summary(RUN), "budget exceeded after 2 of 20000 items");
    RunRecord before = history.find(RUN).orElseThrow();

    reopen();

    assertThat(history.find(RUN)).contains(before);
    assertThat(before.statusReason()).isEqualTo("budget exceeded after 2 of 20000 items");
    assertThat(resultsOf(RUN)).containsExactly(passed(RUN, 0), errored(RUN, 1));
    assertThat(history.save(passed(RUN, 0))).as("a redelivered result after reopening").isFalse();
  }

  @Test
  void aSecondResultForTheSameItemIsIgnored() throws Exception {
    history.create(run(RUN));

    assertThat(history.save(passed(RUN, 7))).isTrue();
    assertThat(history.save(failed(RUN, 7))).isFalse();
    assertThat(history.save(passed(RUN, 7))).isFalse();

    assertThat(resultsOf(RUN)).containsExactly(passed(RUN, 7));
    history.close();
    assertThat(count(file, "SELECT count(*) FROM results")).isEqualTo(1);
  }

  @Test
  void concurrentSavesStoreEachItemOnceAndReportEachDuplicate() throws Exception {
    history.create(run(RUN));
    int threads = 50;
    int itemsPerThread = 200;
    AtomicInteger stored = new AtomicInteger();
    AtomicInteger duplicates = new AtomicInteger();

    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int t = 0; t < threads; t++) {
        int own = t;
        int neighbour = (t + 1) % threads;
        executor.submit(
            () -> {
              // Each thread saves its own items, then redelivers its neighbour's, racing the neighbour.
              for (int block : new int[] {own, neighbour}) {
                for (int i = 0; i < itemsPerThread; i++) {
                  boolean isNew = history.save(passed(RUN, block * itemsPerThread + i));
                  (isNew ? stored : duplicates).incrementAndGet();
                }
              }
              return null;
            });
      }
    }

    int items = threads * itemsPerThread;
    assertThat(stored).hasValue(items);
    assertThat(duplicates).hasValue(items);
    assertThat(history.completedItemIds(RUN))
        .hasSize(items)
        .containsAll(IntStream.range(0, items).mapToObj(HistoryFixtures::itemId).toList());
    history.close();
    assertThat(count(file, "SELECT count(*) FROM results")).isEqualTo(items);
    assertThat(count(file, "SELECT count(DISTINCT item_id) FROM results")).isEqualTo(items);
  }

  @Test
  void readsSeeEveryAcceptedResultBeforeAnyScheduledCommit() throws Exception {
    history.close();
    history = SqliteRunHistory.builder(file).batchSize(1_000_000).flushInterval(Duration.ofHours(1)).open();
    history.create(run(RUN));

    history.save(passed(RUN, 0));
    history.save(passed(RUN, 1));

    assertThat(history.completedItemIds(RUN)).containsExactlyInAnyOrder(itemId(0), itemId(1));
    history.save(passed(RUN, 2));
    assertThat(count(file, "SELECT count(*) FROM results")).as("seen by another connection after a read").isEqualTo(2);
    assertThat(resultsOf(RUN)).hasSize(3);
    assertThat(count(file, "SELECT count(*) FROM results")).isEqualTo(3);
  }

  @Test
  void closeCommitsPendingResults() throws Exception {
    history.close();
    history = SqliteRunHistory.builder(file).batchSize(1_000_000).flushInterval(Duration.ofHours(1)).open();
    history.create(run(RUN));
    history.save(passed(RUN, 0));

    history.close();

    assertThat(count(file, "SELECT count(*) FROM results")).isEqualTo(1);
  }

  @Test
  void streamsTwentyThousandResultsInItemIdOrder() {
    history.create(run(RUN));
    List<Integer> shuffled = new ArrayList<>(IntStream.range(0, 20_000).boxed().toList());
    Collections.shuffle(shuffled, new Random(7));
    shuffled.forEach(i -> history.save(failed(RUN, i)));
    history.create(run("other-run"));
    history.save(failed("other-run", 0));

    AtomicInteger received = new AtomicInteger();
    List<String> outOfOrder = new ArrayList<>();
    history.forEachResult(
        RUN,
        result -> {
          int expected = received.getAndIncrement();
          if (!result.itemId().equals(itemId(expected)) || !result.runId().equals(RUN)) outOfOrder.add(result.itemId());
        });

    assertThat(received).hasValue(20_000);
    assertThat(outOfOrder).isEmpty();
  }

  @Test
  void decodesOneRowAtATimeSoTheConsumerGetsRowsBeforeABrokenOne() throws Exception {
    history.create(run(RUN));
    IntStream.range(0, 100).forEach(i -> history.save(failed(RUN, i)));
    history.close();
    HistoryFixtures.execute(
        file, "UPDATE results SET result_json = '{\"runId\": ' WHERE item_id = '" + itemId(50) + "'");
    history = open();

    AtomicInteger received = new AtomicInteger();
    assertThatThrownBy(() -> history.forEachResult(RUN, result -> received.incrementAndGet()))
        .isInstanceOf(HistoryStorageException.class)
        .hasMessageStartingWith(
            "Cannot read result " + itemId(50) + " of run " + RUN + " from the run history " + file
                + ": its stored JSON is invalid");
    assertThat(received).hasValue(50);
  }

  @Test
  void aConsumerFailureStopsTheStreamAndLeavesTheHistoryUsable() {
    history.create(run(RUN));
    IntStream.range(0, 10).forEach(i -> history.save(failed(RUN, i)));
    AtomicInteger received = new AtomicInteger();

    assertThatThrownBy(
            () ->
                history.forEachResult(
                    RUN,
                    result -> {
                      if (received.incrementAndGet() == 3) throw new IllegalStateException("report disk full");
                    }))
        .hasMessage("report disk full");

    assertThat(received).hasValue(3);
    assertThat(history.save(failed(RUN, 10))).isTrue();
    assertThat(resultsOf(RUN)).hasSize(11);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      nullValues = "none",
      value = {
        "20250301-a1b2, 20250301-a1b2", // exact id, although also a prefix of 20250301-a1b2c3
        "20250301-a1b2c, 20250301-a1b2c3",
        "20250301-b, 20250301-b777",
        "20250301-c, none",
        "20250301-B, none", // ids are case-sensitive
        "2025030?, none", // glob characters are literal
        "2025*, none",
      })
  void findsARunByIdOrUniquePrefix(String idOrPrefix, String expected) {
    for (String id : List.of("20250301-a1b2", "20250301-a1b2c3", "20250301-a1b2ff", "20250301-b777")) {
      history.create(run(id));
    }

    assertThat(history.find(idOrPrefix).map(RunRecord::runId)).isEqualTo(Optional.ofNullable(expected));
  }

  @Test
  void anAmbiguousPrefixListsTheCandidates() {
    for (String id : List.of("20250301-a1b2", "20250301-a1b2c3", "20250301-b777")) history.create(run(id));

    assertThatThrownBy(() -> history.find("20250301-a"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Run id prefix '20250301-a' is ambiguous; it matches 20250301-a1b2, 20250301-a1b2c3."
                + " Give more characters.");
  }

  @Test
  void anAmbiguousPrefixShowsTenCandidatesAtMost() {
    IntStream.range(0, 12).forEach(i -> history.create(run("run-%02d".formatted(i))));

    assertThatThrownBy(() -> history.find("run-"))
        .hasMessageContaining("run-00, run-01")
        .hasMessageContaining("run-09 and more. Give more characters.")
        .hasMessageNotContaining("run-10");
  }

  @Test
  void aBlankIdIsRejected() {
    assertThatThrownBy(() -> history.find(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Give a run id, or the first characters of one");
  }

  @Test
  void listsTheMostRecentRunsFirst() {
    history.create(run("first", HistoryFixtures.CREATED));
    history.create(run("third", HistoryFixtures.CREATED.plusSeconds(60)));
    // Nanoseconds apart, and ones whose Instant.toString() would sort wrongly as text.
    history.create(run("second", Instant.parse("2025-03-01T10:15:31Z")));
    history.create(run("second-b", Instant.parse("2025-03-01T10:15:31.000000001Z")));

    assertThat(history.list(10)).extracting(RunRecord::runId).containsExactly("third", "second-b", "second", "first");
    assertThat(history.list(2)).extracting(RunRecord::runId).containsExactly("third", "second-b");
    assertThat(history.list(0)).isEmpty();
  }

  @Test
  void updateStatusSetsFinishedAtOnlyForTerminalStates() {
    history.create(run(RUN));

    history.updateStatus(RUN, RunStatus.CANCELLED, "interrupted by the user");
    assertThat(history.find(RUN).orElseThrow())
        .extracting(RunRecord::status, RunRecord::statusReason, RunRecord::finishedAt)
        .containsExactly(RunStatus.CANCELLED, "interrupted by the user", NOW);

    history.updateStatus(RUN, RunStatus.RUNNING, null);
    assertThat(history.find(RUN).orElseThrow())
        .extracting(RunRecord::status, RunRecord::statusReason, RunRecord::finishedAt)
        .containsExactly(RunStatus.RUNNING, null, null);
  }

  @Test
  void finishingWithoutASummaryKeepsTheReason() {
    history.create(run(RUN));

    history.finish(RUN, RunStatus.FAILED, null, "the suite's only provider is unknown");

    assertThat(history.find(RUN).orElseThrow())
        .extracting(RunRecord::status, RunRecord::summary, RunRecord::statusReason, RunRecord::finishedAt)
        .containsExactly(RunStatus.FAILED, null, "the suite's only provider is unknown", NOW);
  }

  @Test
  void misuseFailsWithAMessageThatSaysWhatIsWrong() {
    history.create(run(RUN));

    assertThatThrownBy(() -> history.create(run(RUN)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("A run with id " + RUN + " already exists in " + file);
    assertThatThrownBy(() -> history.save(passed("unknown-run", 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Result " + itemId(0) + " belongs to run unknown-run, which is not in the history; create the run first");
    assertThatThrownBy(() -> history.finish(RUN, RunStatus.RUNNING, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("A run finishes with a terminal status, not RUNNING");
    assertThatThrownBy(() -> history.updateStatus("unknown-run", RunStatus.CANCELLED, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("No run unknown-run in the history " + file);
    assertThatThrownBy(() -> history.list(-1)).isInstanceOf(IllegalArgumentException.class);

    assertThat(history.save(passed(RUN, 0))).as("still usable after rejected writes").isTrue();
    assertThat(resultsOf(RUN)).containsExactly(passed(RUN, 0));
  }

  @Test
  void aClosedHistoryRefusesWrites() {
    history.close();

    assertThatThrownBy(() -> history.save(passed(RUN, 0)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("The run history " + file + " is closed");
    history.close(); // closing twice is harmless
  }

  @Test
  void sinkForSavesTheRunsResults() {
    history.create(run(RUN));

    history.sinkFor(RUN).accept(passed(RUN, 0));

    assertThat(history.completedItemIds(RUN)).containsExactly(itemId(0));
  }

  @Test
  void storesTheItemResultAsItsDocumentedJsonAndQueryableColumns() throws Exception {
    history.create(run(RUN));
    history.save(passed(RUN, 3));
    history.save(errored(RUN, 4));
    history.close();

    try (Connection connection = HistoryFixtures.rawConnection(file);
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT status, score, provider_label, prompt_id, test_index, latency_ms, cost_usd, result_json"
                    + " FROM results ORDER BY item_id")) {
      rows.next();
      assertThat(List.of(rows.getString(1), rows.getDouble(2), rows.getString(3), rows.getString(4), rows.getInt(5),
              rows.getLong(6), rows.getDouble(7)))
          .containsExactly("PASS", 0.75, "gpt-4o-mini", "p0", 3, 812L, 0.000_042);
      assertThat(rows.getString(8))
          .contains("\"itemId\":\"" + itemId(3) + "\"", "\"startedAt\":\"2025-03-01T10:15:30.126456789Z\"")
          .doesNotContain("\"passed\"", "\"total\"");
      rows.next();
      assertThat(rows.getString(1)).isEqualTo("ERROR");
      assertThat(rows.getObject(7)).as("unknown cost").isNull();
    }
  }

  @Test
  void openCreatesTheMissingDirectories() {
    Path nested = dir.resolve("project/.ltb/history.db");

    try (SqliteRunHistory created = SqliteRunHistory.open(nested)) {
      assertThat(created.file()).isEqualTo(nested.toAbsolutePath());
      assertThat(nested).isRegularFile();
    }
  }

  @ParameterizedTest(name = "LTB_HOME={0} -> {1}")
  @CsvSource(
      nullValues = "unset",
      value = {
        "unset, /work/project/.ltb/history.db",
        "'  ', /work/project/.ltb/history.db",
        "/var/ltb, /var/ltb/history.db",
        "../shared-ltb, /work/shared-ltb/history.db",
      })
  void defaultLocationIsUnderTheProjectUnlessLtbHomeIsSet(String ltbHome, String expected) {
    Map<String, String> environment = ltbHome == null ? Map.of() : Map.of("LTB_HOME", ltbHome);

    assertThat(SqliteRunHistory.defaultLocation(Path.of("/work/project"), environment)).isEqualTo(Path.of(expected));
  }
}
