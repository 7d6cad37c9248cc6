package dev.ltb.aws.dynamodb;

import static dev.ltb.aws.dynamodb.HistoryFixtures.errored;
import static dev.ltb.aws.dynamodb.HistoryFixtures.failed;
import static dev.ltb.aws.dynamodb.HistoryFixtures.itemId;
import static dev.ltb.aws.dynamodb.HistoryFixtures.passed;
import static dev.ltb.aws.dynamodb.HistoryFixtures.run;
import static dev.ltb.aws.dynamodb.HistoryFixtures.summary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ltb.aggregate.RunSummary;
import dev.ltb.aws.AwsStorageException;
import dev.ltb.aws.LocalAws;
import dev.ltb.aws.s3.S3BlobStore;
import dev.ltb.engine.ItemResult;
import dev.ltb.run.RunListPage;
import dev.ltb.run.RunPosition;
import dev.ltb.run.RunRecord;
import dev.ltb.run.RunStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.s3.model.S3Object;

class DynamoRunHistoryTest {

  @RegisterExtension static LocalAws aws = new LocalAws();

  private static final Instant NOW = Instant.parse("2025-03-01T10:17:03.000000042Z");
  private static final String RUN = "20250301-101530-7f3a";

  private static String table;
  private static S3BlobStore blobs;
  private static DynamoRunHistories histories;

  /** A fresh tenant per test: tests share the table and never see each other's runs. */
  private String tenant;
  private DynamoRunHistory history;

  @BeforeAll
  static void storage() {
    table = aws.newTables().runs();
    blobs = new S3BlobStore(aws.clients().s3(), aws.newBucket());
    histories = histories(DynamoRunHistories.DEFAULT_INLINE_LIMIT_BYTES, DynamoRunHistories.DEFAULT_PAGE_SIZE);
  }

  private static DynamoRunHistories histories(int inlineLimitBytes, int pageSize) {
    return DynamoRunHistories.builder(aws.clients().dynamoDbEnhanced(), table, blobs)
        .inlineLimitBytes(inlineLimitBytes)
        .pageSize(pageSize)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .build();
  }

  @BeforeEach
  void newTenant() {
    tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    history = histories.forTenant(tenant);
  }

  private List<ItemResult> resultsOf(DynamoRunHistory of, String runId) {
    List<ItemResult> results = new ArrayList<>();
    of.forEachResult(runId, results::add);
    return results;
  }

  private Map<String, AttributeValue> rawItem(String pk, String sk) {
    return aws.clients()
        .dynamoDb()
        .getItem(request -> request.tableName(table).key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk))))
        .item();
  }

  private List<String> blobKeys(String prefix) {
    return aws.clients().s3().listObjectsV2(request -> request.bucket(blobs.bucket()).prefix(prefix)).contents().stream()
        .map(S3Object::key)
        .toList();
  }

  @Test
  void keepsRunsAndResultsExactlyAsGiven() {
    RunRecord run = run(RUN);
    List<ItemResult> results = List.of(passed(RUN, 0), failed(RUN, 1), errored(RUN, 2));

    history.create(run);
    assertThat(history.start(RUN, 3)).isTrue();
    results.forEach(history::save);
    history.finish(RUN, RunStatus.COMPLETED, summary(RUN), null);

    RunRecord finished =
        new RunRecord(
            RUN, run.description(), run.suiteSource(), run.suiteJson(), RunStatus.COMPLETED, run.createdAt(), NOW, 3,
            summary(RUN), null);
    assertThat(history.find(RUN)).contains(finished);
    assertThat(history.list(10)).containsExactly(finished);
    assertThat(resultsOf(history, RUN)).containsExactlyElementsOf(results);
    assertThat(history.completedItemIds(RUN)).containsExactlyInAnyOrder(itemId(0), itemId(1), itemId(2));
  }

  @Test
  void keysFollowTheDocumentedLayout() {
    history.create(run(RUN));
    history.save(passed(RUN, 3));

    Map<String, AttributeValue> runItem = rawItem("TENANT#" + tenant, "RUN#" + RUN);
    assertThat(runItem.get("createdKey").s()).isEqualTo("2025-03-01T10:15:30.123456789Z#" + RUN);
    assertThat(runItem.get("status").s()).isEqualTo("QUEUED");
    Map<String, AttributeValue> result = rawItem("TENANT#" + tenant + "#RUN#" + RUN, "ITEM#" + itemId(3));
    assertThat(result.get("status").s()).isEqualTo("PASS");
    assertThat(result.get("score").n()).isEqualTo("0.75");
    assertThat(result.get("testIndex").n()).isEqualTo("3");
    assertThat(result.get("resultJson").s()).contains("\"itemId\":\"" + itemId(3) + "\"");
    assertThat(result).doesNotContainKey("resultKey");
  }

  @Test
  void aRunOfOneTenantIsInvisibleToAnother() {
    history.create(run(RUN));
    history.save(passed(RUN, 0));
    DynamoRunHistory other = histories.forTenant(tenant + "-other");

    assertThat(other.find(RUN)).as("by id").isEmpty();
    assertThat(other.find(RUN.substring(0, 10))).as("by prefix").isEmpty();
    assertThat(other.list(10)).as("in the list").isEmpty();
    assertThat(other.completedItemIds(RUN)).isEmpty();
    assertThat(other.completedItemIds(RUN, List.of(itemId(0)))).isEmpty();
    assertThat(resultsOf(other, RUN)).isEmpty();
    assertThatThrownBy(() -> other.save(passed(RUN, 1)))
        .as("no result can be added to another tenant's run")
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Result " + itemId(1) + " belongs to run " + RUN + ", which is not in the history of tenant " + tenant
                + "-other; create the run first");
    assertThatThrownBy(() -> other.updateStatus(RUN, RunStatus.CANCELLED, "cancelled by someone else"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(history.find(RUN).orElseThrow().status()).isEqualTo(RunStatus.QUEUED);
  }

  @Test
  void concurrentDuplicateSavesStoreEachItemOnce() throws Exception {
    history.create(run(RUN));
    int threads = 8;
    int items = 40;
    AtomicInteger stored = new AtomicInteger();
    AtomicInteger duplicates = new AtomicInteger();

    try (ExecutorService executor = Executors.newFixedThreadPool(threads)) {
      for (int t = 0; t < threads; t++) {
        executor.submit(
            () -> {
              // Every thread delivers every item: a storm of redeliveries racing each other.
              for (int i = 0; i < items; i++) (history.save(passed(RUN, i)) ? stored : duplicates).incrementAndGet();
              return null;
            });
      }
    }

    assertThat(stored).hasValue(items);
    assertThat(duplicates).hasValue(items * (threads - 1));
    assertThat(resultsOf(history, RUN)).hasSize(items).extracting(ItemResult::itemId).doesNotHaveDuplicates();
  }

  @Test
  void aSecondResultForTheSameItemIsIgnored() {
    history.create(run(RUN));

    assertThat(history.save(passed(RUN, 7))).isTrue();
    assertThat(history.save(failed(RUN, 7))).isFalse();

    assertThat(resultsOf(history, RUN)).containsExactly(passed(RUN, 7));
  }

  @Test
  void streamsResultsPageByPageInItemIdOrder() {
    DynamoRunHistory paged = histories(DynamoRunHistories.DEFAULT_INLINE_LIMIT_BYTES, 10).forTenant(tenant);
    paged.create(run(RUN));
    List<Integer> shuffled = new ArrayList<>(IntStream.range(0, 45).boxed().toList());
    Collections.shuffle(shuffled, new Random(7));
    shuffled.forEach(i -> paged.save(failed(RUN, i)));
    paged.create(run("other-run"));
    paged.save(failed("other-run", 0));

    List<String> order = new ArrayList<>();
    paged.forEachResult(RUN, result -> order.add(result.itemId()));

    assertThat(order).containsExactlyElementsOf(IntStream.range(0, 45).mapToObj(HistoryFixtures::itemId).toList());
    assertThat(paged.completedItemIds(RUN)).hasSize(45);
  }

  @Test
  void aConsumerFailureStopsTheStream() {
    DynamoRunHistory paged = histories(DynamoRunHistories.DEFAULT_INLINE_LIMIT_BYTES, 5).forTenant(tenant);
    paged.create(run(RUN));
    IntStream.range(0, 12).forEach(i -> paged.save(failed(RUN, i)));
    AtomicInteger received = new AtomicInteger();

    assertThatThrownBy(
            () ->
                paged.forEachResult(
                    RUN,
                    result -> {
                      if (received.incrementAndGet() == 7) throw new IllegalStateException("report bucket full");
                    }))
        .hasMessage("report bucket full");
    assertThat(received).hasValue(7);
  }

  @Test
  void completedAmongAShardsItemsReadsThoseItemsOnly() {
    history.create(run(RUN));
    IntStream.range(0, 250).filter(i -> i % 3 == 0).forEach(i -> history.save(failed(RUN, i)));
    List<String> shard = IntStream.range(0, 250).mapToObj(HistoryFixtures::itemId).toList();

    assertThat(history.completedItemIds(RUN, shard))
        .as("more than one BatchGetItem of 100 keys")
        .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 250).filter(i -> i % 3 == 0).mapToObj(HistoryFixtures::itemId).toList());
    assertThat(history.completedItemIds(RUN, List.of(itemId(1), itemId(3), itemId(3)))).containsExactly(itemId(3));
    assertThat(history.completedItemIds(RUN, List.of())).isEmpty();
  }

  @Test
  void anOversizedResultIsStoredInS3AndReadBackTransparently() {
    DynamoRunHistory small = histories(1_000, DynamoRunHistories.DEFAULT_PAGE_SIZE).forTenant(tenant);
    small.create(run(RUN));
    ItemResult large = passed(RUN, 1, "Paris. ".repeat(1_000));
    ItemResult normal = failed(RUN, 2);

    assertThat(small.save(large)).isTrue();
    assertThat(small.save(normal)).isTrue();

    assertThat(resultsOf(small, RUN)).containsExactly(large, normal);
    Map<String, AttributeValue> item = rawItem("TENANT#" + tenant + "#RUN#" + RUN, "ITEM#" + itemId(1));
    assertThat(item).doesNotContainKey("resultJson");
    assertThat(item.get("resultKey").s()).matches("tenants/" + tenant + "/runs/" + RUN + "/items/" + itemId(1) + "-[0-9a-f]{16}\\.json");
    assertThat(item.get("status").s()).as("the queryable fields stay in DynamoDB").isEqualTo("PASS");
    List<String> keys = blobKeys("tenants/" + tenant + "/runs/" + RUN + "/items/");
    assertThat(keys).containsExactly(item.get("resultKey").s());

    assertThat(small.save(passed(RUN, 1, "Lyon. ".repeat(1_000)))).as("a redelivered large result").isFalse();
    assertThat(blobKeys("tenants/" + tenant + "/runs/" + RUN + "/items/")).as("no second upload").isEqualTo(keys);
    assertThat(resultsOf(small, RUN)).first().isEqualTo(large);
  }

  @Test
  void aLargeSuiteAndSummaryGoToS3() {
    DynamoRunHistory small = histories(1_000, DynamoRunHistories.DEFAULT_PAGE_SIZE).forTenant(tenant);
    String suite = "{\"description\":\"big\",\"tests\":[" + "{\"vars\":{\"q\":\"what?\"}},".repeat(200) + "{}]}";
    small.create(run(RUN, HistoryFixtures.CREATED, suite));
    RunSummary summary = summary(RUN);

    small.finish(RUN, RunStatus.PARTIAL, summary, "shard 3 failed");

    RunRecord found = small.find(RUN).orElseThrow();
    assertThat(found.suiteJson()).isEqualTo(suite);
    assertThat(found.summary()).isEqualTo(summary);
    Map<String, AttributeValue> item = rawItem("TENANT#" + tenant, "RUN#" + RUN);
    assertThat(item).containsKeys("suiteKey", "summaryKey").doesNotContainKeys("suiteJson", "summaryJson");
    assertThat(blobKeys("tenants/" + tenant + "/runs/" + RUN + "/history/")).hasSize(2);
  }

  @Test
  void everyRunIsReachablePageByPageNewestFirstEachOnceWithAndWithoutAStatusFilter() {
    DynamoRunHistory paged = histories(DynamoRunHistories.DEFAULT_INLINE_LIMIT_BYTES, 10).forTenant(tenant);
    List<String> newestFirst = new ArrayList<>();
    List<String> failedNewestFirst = new ArrayList<>();
    for (int i = 0; i < 130; i++) {
      String runId = "run-%03d".formatted(i);
      RunStatus status = i % 9 == 0 ? RunStatus.FAILED : RunStatus.COMPLETED;
      // three runs share each instant: the run id breaks the tie
      paged.create(new RunRecord(runId, "caps", "suite.yaml", null, status, NOW.plusSeconds(i / 3), NOW, 1, null,
          null));
      newestFirst.addFirst(runId);
      if (status == RunStatus.FAILED) failedNewestFirst.addFirst(runId);
    }
    histories.forTenant(tenant + "-other").create(run("run-other", NOW.plusSeconds(30)));

    assertThat(allPages(paged, null, 25)).containsExactlyElementsOf(newestFirst);
    assertThat(allPages(paged, RunStatus.FAILED, 4)).containsExactlyElementsOf(failedNewestFirst);
    assertThat(paged.listPage(null, RunStatus.RUNNING, 10).runs()).isEmpty();
  }

  @Test
  void aPageDeepInTheListCostsOneQueryOfThePageSizePlusOne() {
    for (int i = 0; i < 60; i++)
      history.create(new RunRecord("run-%03d".formatted(i), "caps", "suite.yaml", null, RunStatus.COMPLETED,
          NOW.plusSeconds(i), NOW, 1, null, null));
    List<Integer> queried = new java.util.concurrent.CopyOnWriteArrayList<>();
    ExecutionInterceptor counter = new ExecutionInterceptor() {
      @Override
      public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (context.request() instanceof QueryRequest query) queried.add(query.limit());
      }
    };
    try (DynamoDbClient counting = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(config -> config.addExecutionInterceptor(counter)).build()) {
      DynamoRunHistory counted = DynamoRunHistories
          .builder(DynamoDbEnhancedClient.builder().dynamoDbClient(counting).build(), table, blobs).build()
          .forTenant(tenant);

      RunListPage page = counted.listPage(new RunPosition(NOW.plusSeconds(45), "run-045"), null, 10);

      assertThat(page.runs()).extracting(RunRecord::runId).startsWith("run-044").endsWith("run-035");
      assertThat(queried).as("one Query with Limit 11, whatever the page's depth").containsExactly(11);
    }
  }

  @Test
  void aPageContinuesAfterItsLastRunEvenWhenThatRunWasDeleted() {
    for (int i = 0; i < 5; i++)
      history.create(new RunRecord("run-" + i, "caps", "suite.yaml", null, RunStatus.COMPLETED, NOW.plusSeconds(i),
          NOW, 1, null, null));
    RunListPage first = history.listPage(null, null, 2);

    history.delete("run-3");
    RunListPage rest = history.listPage(first.next().orElseThrow(), null, 10);

    assertThat(first.runs()).extracting(RunRecord::runId).containsExactly("run-4", "run-3");
    assertThat(rest.runs()).extracting(RunRecord::runId).containsExactly("run-2", "run-1", "run-0");
    assertThat(rest.next()).isEmpty();
  }

  @Test
  void aRunWhoseBlobsGoFirstAndRecordsLastLeavesNoObjectBehind() {
    DynamoRunHistory small = histories(1_000, DynamoRunHistories.DEFAULT_PAGE_SIZE).forTenant(tenant);
    String suite = "{\"description\":\"big\",\"tests\":[" + "{\"vars\":{\"q\":\"what?\"}},".repeat(200) + "{}]}";
    small.create(run(RUN, HistoryFixtures.CREATED, suite));
    small.save(passed(RUN, 1, "Paris. ".repeat(1_000)));
    small.finish(RUN, RunStatus.COMPLETED, summary(RUN), null);
    String prefix = "tenants/" + tenant + "/runs/" + RUN + "/";
    assertThat(blobKeys(prefix)).hasSize(3);

    blobs.deleteAll(prefix);
    assertThat(small.status(RUN)).as("still there to delete again").contains(RunStatus.COMPLETED);
    assertThat(small.delete(RUN)).isTrue();

    assertThat(blobKeys(prefix)).isEmpty();
    assertThat(small.find(RUN)).isEmpty();
    assertThat(small.completedItemIds(RUN)).isEmpty();
  }

  private static List<String> allPages(DynamoRunHistory of, RunStatus status, int limit) {
    List<String> seen = new ArrayList<>();
    RunListPage page = of.listPage(null, status, limit);
    seen.addAll(page.runs().stream().map(RunRecord::runId).toList());
    while (page.next().isPresent()) {
      page = of.listPage(page.next().get(), status, limit);
      assertThat(page.runs()).isNotEmpty().hasSizeLessThanOrEqualTo(limit);
      seen.addAll(page.runs().stream().map(RunRecord::runId).toList());
    }
    return seen;
  }

  @Test
  void aTerminalStatusIsNeverOverwritten() {
    history.create(run(RUN));
    history.start(RUN, 20);

    history.updateStatus(RUN, RunStatus.CANCELLED, "cancelled by the user");
    history.finish(RUN, RunStatus.COMPLETED, summary(RUN), null);
    history.updateStatus(RUN, RunStatus.FAILED, "States.TaskFailed");
    history.updateStatus(RUN, RunStatus.RUNNING, null);

    assertThat(history.find(RUN).orElseThrow())
        .extracting(RunRecord::status, RunRecord::statusReason, RunRecord::finishedAt, RunRecord::summary, RunRecord::totalItems)
        .containsExactly(RunStatus.CANCELLED, "cancelled by the user", NOW, null, 20L);
    assertThat(history.status(RUN)).contains(RunStatus.CANCELLED);
    assertThat(history.status("unknown-run")).isEmpty();
    assertThat(history.tryFinish(RUN, RunStatus.COMPLETED, summary(RUN), null)).isFalse();
    assertThat(history.start(RUN, 40)).isFalse();
  }

  @Test
  void theFirstTerminalStatusOfRacingWritersWins() throws Exception {
    history.create(run(RUN));
    List<RunStatus> endings = List.of(RunStatus.COMPLETED, RunStatus.FAILED, RunStatus.CANCELLED, RunStatus.PARTIAL);
    AtomicInteger applied = new AtomicInteger();

    try (ExecutorService executor = Executors.newFixedThreadPool(endings.size())) {
      for (RunStatus ending : endings)
        executor.submit(() -> history.tryFinish(RUN, ending, null, ending.name()) ? applied.incrementAndGet() : 0);
    }

    assertThat(applied).hasValue(1);
    RunRecord ended = history.find(RUN).orElseThrow();
    assertThat(ended.statusReason()).isEqualTo(ended.status().name());
  }

  @Test
  void misuseFailsWithAMessageThatSaysWhatIsWrong() {
    history.create(run(RUN));

    assertThatThrownBy(() -> history.create(run(RUN)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("A run with id " + RUN + " already exists for tenant " + tenant + " in table " + table);
    assertThatThrownBy(() -> history.finish(RUN, RunStatus.RUNNING, null, null))
        .hasMessage("A run finishes with a terminal status, not RUNNING");
    assertThatThrownBy(() -> history.updateStatus("unknown-run", RunStatus.CANCELLED, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("No run unknown-run in the history of tenant " + tenant + " (table " + table + ")");
    assertThatThrownBy(() -> history.create(run("a#b"))).hasMessage("Run id 'a#b' is not valid: use 1 to 200 characters without '#' or '/'");
    assertThatThrownBy(() -> histories.forTenant("acme#RUN")).hasMessageStartingWith("Tenant id 'acme#RUN' is not valid");
    assertThatThrownBy(() -> history.list(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThat(history.save(passed(RUN, 0))).as("still usable after rejected writes").isTrue();
  }

  @Test
  void aMissingTableSaysWhichAndWhatToDo() {
    DynamoRunHistory nowhere =
        DynamoRunHistories.builder(aws.clients().dynamoDbEnhanced(), "ltb-no-such-table", blobs).build().forTenant(tenant);

    assertThatThrownBy(() -> nowhere.create(run(RUN)))
        .isInstanceOf(AwsStorageException.class)
        .hasMessageStartingWith("Cannot create run " + RUN + " in DynamoDB table ltb-no-such-table: the table (or its index)"
            + " does not exist");
  }

  @Test
  void aBrokenStoredResultNamesTheItem() {
    history.create(run(RUN));
    history.save(failed(RUN, 0));
    aws.clients()
        .dynamoDb()
        .putItem(
            request ->
                request
                    .tableName(table)
                    .item(
                        Map.of(
                            "pk", AttributeValue.fromS("TENANT#" + tenant + "#RUN#" + RUN),
                            "sk", AttributeValue.fromS("ITEM#" + itemId(1)),
                            "resultJson", AttributeValue.fromS("{\"runId\": "))));
    AtomicInteger received = new AtomicInteger();

    assertThatThrownBy(() -> history.forEachResult(RUN, result -> received.incrementAndGet()))
        .isInstanceOf(AwsStorageException.class)
        .hasMessageStartingWith(
            "Cannot read result " + itemId(1) + " of run " + RUN + " of tenant " + tenant + " from table " + table
                + ": its stored JSON is invalid");
    assertThat(received).as("the results before it were delivered").hasValue(1);
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
      })
  void findsARunByIdOrUniquePrefix(String idOrPrefix, String expected) {
    for (String id : List.of("20250301-a1b2", "20250301-a1b2c3", "20250301-a1b2ff", "20250301-b777")) history.create(run(id));

    assertThat(history.find(idOrPrefix).map(RunRecord::runId)).isEqualTo(Optional.ofNullable(expected));
  }

  @Test
  void anAmbiguousPrefixListsTenCandidatesAtMost() {
    IntStream.range(0, 12).forEach(i -> history.create(run("run-%02d".formatted(i))));

    assertThatThrownBy(() -> history.find("run-"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Run id prefix 'run-' is ambiguous; it matches run-00, run-01")
        .hasMessageEndingWith("run-09 and more. Give more characters.");
    assertThatThrownBy(() -> history.find(" ")).hasMessage("Give a run id, or the first characters of one");
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
  void sinkForSavesTheRunsResults() {
    history.create(run(RUN));

    history.sinkFor(RUN).accept(passed(RUN, 0));

    assertThat(history.completedItemIds(RUN)).containsExactly(itemId(0));
  }
}
