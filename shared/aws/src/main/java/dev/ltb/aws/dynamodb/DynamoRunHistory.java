package dev.ltb.aws.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.ltb.aggregate.RunSummary;
import dev.ltb.aws.AwsStorageException;
import dev.ltb.aws.dynamodb.internal.DynamoErrors;
import dev.ltb.aws.dynamodb.internal.Keys;
import dev.ltb.aws.dynamodb.internal.ResultItem;
import dev.ltb.aws.dynamodb.internal.RunItem;
import dev.ltb.engine.ItemResult;
import dev.ltb.json.Json;
import dev.ltb.pipeline.BlobStore;
import dev.ltb.run.RunHistory;
import dev.ltb.run.RunListPage;
import dev.ltb.run.RunPosition;
import dev.ltb.run.RunRecord;
import dev.ltb.run.RunStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.IgnoreNullsMode;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.ReadBatch;
import software.amazon.awssdk.enhanced.dynamodb.model.UpdateItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * One tenant's run history in DynamoDB and S3; see {@link DynamoRunHistories} for the key layout, the
 * status transitions and where large JSON goes. Thread-safe; holds no resources of its own (the clients
 * belong to {@link dev.ltb.aws.AwsClients}), so {@link #close} does nothing.
 *
 * <p>Reads that decide what to run next are strongly consistent ({@link #completedItemIds}, {@link #find},
 * {@link #forEachResult}); {@link #list} reads a global secondary index, which DynamoDB keeps eventually
 * consistent, so a run created a moment ago may be missing from it for a short while.
 */
public final class DynamoRunHistory implements RunHistory {

  private static final Logger LOG = LoggerFactory.getLogger(DynamoRunHistory.class);
  private static final ObjectReader ITEM_RESULT = Json.mapper().readerFor(ItemResult.class);
  private static final ObjectReader RUN_SUMMARY = Json.mapper().readerFor(RunSummary.class);
  private static final int CANDIDATES_SHOWN = 10;
  private static final int BATCH_GET_KEYS = 100;
  private static final String JSON = "application/json";

  private static final Expression NEW_ITEM =
      Expression.builder().expression("attribute_not_exists(#pk)").putExpressionName("#pk", Keys.PK).build();
  private static final Expression LIVE_RUN =
      Expression.builder()
          .expression("attribute_exists(#pk) AND #status IN (:queued, :running)")
          .putExpressionName("#pk", Keys.PK)
          .putExpressionName("#status", "status")
          .putExpressionValue(":queued", AttributeValue.fromS(RunStatus.QUEUED.name()))
          .putExpressionValue(":running", AttributeValue.fromS(RunStatus.RUNNING.name()))
          .build();

  private final String tenantId;
  private final String tableName;
  private final DynamoDbEnhancedClient client;
  private final DynamoDbTable<RunItem> runs;
  private final DynamoDbTable<ResultItem> results;
  private final BlobStore blobs;
  private final int inlineLimitBytes;
  private final int pageSize;
  private final Clock clock;
  /** Runs this instance has seen exist: a result's run is checked once, not on every save. */
  private final Set<String> knownRuns = ConcurrentHashMap.newKeySet();

  DynamoRunHistory(
      String tenantId,
      String tableName,
      DynamoDbEnhancedClient client,
      DynamoDbTable<RunItem> runs,
      DynamoDbTable<ResultItem> results,
      BlobStore blobs,
      int inlineLimitBytes,
      int pageSize,
      Clock clock) {
    this.tenantId = tenantId;
    this.tableName = tableName;
    this.client = client;
    this.runs = runs;
    this.results = results;
    this.blobs = blobs;
    this.inlineLimitBytes = inlineLimitBytes;
    this.pageSize = pageSize;
    this.clock = clock;
  }

  public String tenantId() {
    return tenantId;
  }

  @Override
  public void create(RunRecord run) {
    Keys.runId(run.runId());
    RunItem item = new RunItem();
    item.pk = Keys.tenantPartition(tenantId);
    item.sk = Keys.runSortKey(run.runId());
    item.createdKey = Keys.createdKey(run.createdAt(), run.runId());
    item.tenantId = tenantId;
    item.runId = run.runId();
    item.description = run.description();
    item.suiteSource = run.suiteSource();
    item.status = run.status().name();
    item.statusReason = run.statusReason();
    item.createdAt = Keys.sortable(run.createdAt());
    item.finishedAt = run.finishedAt() == null ? null : Keys.sortable(run.finishedAt());
    item.totalItems = run.totalItems();
    if (run.suiteJson() != null) {
      byte[] suite = run.suiteJson().getBytes(StandardCharsets.UTF_8);
      if (suite.length > inlineLimitBytes / 2) item.suiteKey = putBlob(run.runId(), "history/suite", suite);
      else item.suiteJson = run.suiteJson();
    }
    setSummary(item, run.runId(), run.summary());
    try {
      runs.putItem(PutItemEnhancedRequest.builder(RunItem.class).item(item).conditionExpression(NEW_ITEM).build());
    } catch (ConditionalCheckFailedException e) {
      throw new IllegalArgumentException(
          "A run with id " + run.runId() + " already exists for tenant " + tenantId + " in table " + tableName, e);
    } catch (SdkException e) {
      throw DynamoErrors.failure("create run " + run.runId(), tableName, e);
    }
    knownRuns.add(run.runId());
  }

  /**
   * Stores a result with a conditional put, so a redelivered or raced duplicate is refused by DynamoDB itself
   * and returns false. A result whose JSON is over the inline limit goes to S3 first (skipped when the item
   * already has a result).
   *
   * @throws IllegalArgumentException when the run is not in this tenant's history
   */
  @Override
  public boolean save(ItemResult result) {
    requireRun(result);
    byte[] json = Json.write(result).getBytes(StandardCharsets.UTF_8);
    ResultItem item = new ResultItem();
    item.pk = Keys.runPartition(tenantId, result.runId());
    item.sk = Keys.itemSortKey(result.itemId());
    item.status = result.status().name();
    item.score = finite(result.score());
    item.providerLabel = result.providerLabel();
    item.promptId = result.promptId();
    item.testIndex = result.testIndex();
    item.latencyMs = result.latencyMs();
    item.costUsd = result.costUsd() == null ? null : finite(result.costUsd());
    if (json.length > inlineLimitBytes) {
      if (hasResult(item)) return false;
      item.resultKey = putBlob(result.runId(), "items/" + result.itemId(), json);
    } else {
      item.resultJson = new String(json, StandardCharsets.UTF_8);
    }
    try {
      results.putItem(PutItemEnhancedRequest.builder(ResultItem.class).item(item).conditionExpression(NEW_ITEM).build());
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    } catch (SdkException e) {
      throw DynamoErrors.failure("save result " + result.itemId() + " of run " + result.runId(), tableName, e);
    }
  }

  private void requireRun(ItemResult result) {
    if (knownRuns.contains(result.runId())) return;
    if (loadRun(result.runId(), "check run " + result.runId()) == null)
      throw new IllegalArgumentException(
          "Result " + result.itemId() + " belongs to run " + result.runId() + ", which is not in the history of"
              + " tenant " + tenantId + "; create the run first");
    knownRuns.add(result.runId());
  }

  private boolean hasResult(ResultItem item) {
    try {
      return results.getItem(
              request ->
                  request.key(Key.builder().partitionValue(item.pk).sortValue(item.sk).build()).consistentRead(true))
          != null;
    } catch (SdkException e) {
      throw DynamoErrors.failure("read " + item.sk, tableName, e);
    }
  }

  @Override
  public Set<String> completedItemIds(String runId) {
    Set<String> ids = new HashSet<>();
    try {
      results
          .query(
              QueryEnhancedRequest.builder()
                  .queryConditional(QueryConditional.keyEqualTo(key(Keys.runPartition(tenantId, runId))))
                  .consistentRead(true)
                  .limit(Math.max(pageSize, 1_000))
                  .attributesToProject(Keys.SK)
                  .build())
          .items()
          .forEach(item -> ids.add(Keys.itemId(item.sk)));
    } catch (SdkException e) {
      throw DynamoErrors.failure("read the completed items of run " + runId, tableName, e);
    }
    return Set.copyOf(ids);
  }

  /** Point reads (BatchGetItem, 100 keys a call) of just these items: what a redelivered shard needs. */
  @Override
  public Set<String> completedItemIds(String runId, Collection<String> itemIds) {
    List<String> distinct = List.copyOf(new LinkedHashSet<>(itemIds));
    Set<String> completed = new HashSet<>();
    String partition = Keys.runPartition(tenantId, runId);
    try {
      for (int from = 0; from < distinct.size(); from += BATCH_GET_KEYS) {
        ReadBatch.Builder<ResultItem> batch = ReadBatch.builder(ResultItem.class).mappedTableResource(results);
        for (String itemId : distinct.subList(from, Math.min(from + BATCH_GET_KEYS, distinct.size())))
          batch.addGetItem(
              request ->
                  request
                      .key(Key.builder().partitionValue(partition).sortValue(Keys.itemSortKey(itemId)).build())
                      .consistentRead(true));
        ReadBatch readBatch = batch.build();
        client
            .batchGetItem(request -> request.readBatches(readBatch))
            .resultsForTable(results)
            .forEach(item -> completed.add(Keys.itemId(item.sk)));
      }
    } catch (SdkException e) {
      throw DynamoErrors.failure("read the completed items of a shard of run " + runId, tableName, e);
    }
    return Set.copyOf(completed);
  }

  /** Applies a status if the run is still QUEUED or RUNNING; see {@link #tryUpdateStatus}. */
  @Override
  public void updateStatus(String runId, RunStatus status, String reason) {
    tryUpdateStatus(runId, status, reason);
  }

  /**
   * Sets the status (a terminal one also sets finishedAt) unless the run already has a terminal status.
   *
   * @return false when the run had already ended, so nothing changed
   * @throws IllegalArgumentException when the run is not in this tenant's history
   */
  public boolean tryUpdateStatus(String runId, RunStatus status, String reason) {
    Objects.requireNonNull(status, "status");
    RunItem change = runChange(runId, status, reason);
    if (status.terminal()) change.finishedAt = Keys.sortable(clock.instant());
    return transition(runId, change);
  }

  /**
   * Marks a QUEUED (or already RUNNING) run RUNNING with the plan's item count: what the plan step does.
   *
   * @return false when the run had already ended (e.g. it was cancelled before planning finished)
   */
  public boolean start(String runId, long totalItems) {
    if (totalItems < 0) throw new IllegalArgumentException("totalItems must be >= 0, was " + totalItems);
    RunItem change = runChange(runId, RunStatus.RUNNING, null);
    change.totalItems = totalItems;
    return transition(runId, change);
  }

  @Override
  public void finish(String runId, RunStatus status, RunSummary summary, String reason) {
    tryFinish(runId, status, summary, reason);
  }

  /**
   * Ends the run with a terminal status, its summary and reason, unless it has already ended.
   *
   * @return false when the run had already ended, so nothing changed
   */
  public boolean tryFinish(String runId, RunStatus status, RunSummary summary, String reason) {
    Objects.requireNonNull(status, "status");
    if (!status.terminal())
      throw new IllegalArgumentException("A run finishes with a terminal status, not " + status);
    RunItem change = runChange(runId, status, reason);
    change.finishedAt = Keys.sortable(clock.instant());
    setSummary(change, runId, summary);
    return transition(runId, change);
  }

  private RunItem runChange(String runId, RunStatus status, String reason) {
    RunItem change = new RunItem();
    change.pk = Keys.tenantPartition(tenantId);
    change.sk = Keys.runSortKey(runId);
    change.status = status.name();
    change.statusReason = reason;
    return change;
  }

  private boolean transition(String runId, RunItem change) {
    try {
      runs.updateItem(
          UpdateItemEnhancedRequest.builder(RunItem.class)
              .item(change)
              .ignoreNullsMode(IgnoreNullsMode.SCALAR_ONLY)
              .conditionExpression(LIVE_RUN)
              .build());
      return true;
    } catch (ConditionalCheckFailedException e) {
      RunItem current = loadRun(runId, "read run " + runId);
      if (current == null)
        throw new IllegalArgumentException(
            "No run " + runId + " in the history of tenant " + tenantId + " (table " + tableName + ")", e);
      LOG.info(
          "Run {} of tenant {} is already {}; {} not applied (a terminal status is final)",
          runId, tenantId, current.status, change.status);
      return false;
    } catch (SdkException e) {
      throw DynamoErrors.failure("update run " + runId, tableName, e);
    }
  }

  private void setSummary(RunItem item, String runId, RunSummary summary) {
    if (summary == null) return;
    byte[] json = Json.write(summary).getBytes(StandardCharsets.UTF_8);
    if (json.length > inlineLimitBytes / 2) item.summaryKey = putBlob(runId, "history/summary", json);
    else item.summaryJson = new String(json, StandardCharsets.UTF_8);
  }

  /**
   * The run with this exact id, else the one run of this tenant whose id starts with it.
   *
   * @throws IllegalArgumentException when the prefix is blank or matches several runs (the message lists them)
   */
  @Override
  public Optional<RunRecord> find(String runIdOrPrefix) {
    if (runIdOrPrefix == null || runIdOrPrefix.isBlank())
      throw new IllegalArgumentException("Give a run id, or the first characters of one");
    RunItem exact = loadRun(runIdOrPrefix, "find run " + runIdOrPrefix);
    if (exact != null) return Optional.of(toRecord(exact));
    List<String> matches = new ArrayList<>();
    try {
      Iterator<RunItem> candidates =
          runs.query(
                  QueryEnhancedRequest.builder()
                      .queryConditional(
                          QueryConditional.sortBeginsWith(
                              Key.builder()
                                  .partitionValue(Keys.tenantPartition(tenantId))
                                  .sortValue(Keys.runSortKey(runIdOrPrefix))
                                  .build()))
                      .consistentRead(true)
                      .limit(CANDIDATES_SHOWN + 1)
                      .attributesToProject("runId")
                      .build())
              .items()
              .iterator();
      while (candidates.hasNext() && matches.size() <= CANDIDATES_SHOWN) matches.add(candidates.next().runId);
    } catch (SdkException e) {
      throw DynamoErrors.failure("find runs starting with " + runIdOrPrefix, tableName, e);
    }
    if (matches.isEmpty()) return Optional.empty();
    if (matches.size() == 1) return Optional.ofNullable(loadRun(matches.getFirst(), "read run")).map(this::toRecord);
    throw new IllegalArgumentException(
        "Run id prefix '" + runIdOrPrefix + "' is ambiguous; it matches "
            + String.join(", ", matches.subList(0, Math.min(CANDIDATES_SHOWN, matches.size())))
            + (matches.size() > CANDIDATES_SHOWN ? " and more" : "") + ". Give more characters.");
  }

  /**
   * The run's current status (one strongly consistent GetItem; no suite or summary fetched from S3 or decoded):
   * what a worker checks to drop the rest of a cancelled run. Empty when the run is not in this tenant's history.
   */
  public Optional<RunStatus> status(String runId) {
    try {
      RunItem item =
          runs.getItem(
              GetItemEnhancedRequest.builder()
                  .key(Key.builder().partitionValue(Keys.tenantPartition(tenantId)).sortValue(Keys.runSortKey(runId)).build())
                  .consistentRead(true)
                  .build());
      return Optional.ofNullable(item).map(found -> RunStatus.valueOf(found.status));
    } catch (SdkException e) {
      throw DynamoErrors.failure("read the status of run " + runId, tableName, e);
    }
  }

  /** This tenant's runs, most recent first (ties: higher run id first), through the runsByCreatedAt index. */
  @Override
  public List<RunRecord> list(int limit) {
    if (limit < 0) throw new IllegalArgumentException("limit must be >= 0, was " + limit);
    List<RunRecord> records = new ArrayList<>();
    if (limit == 0) return records;
    try {
      Iterator<RunItem> items =
          runs.index(Keys.RUNS_BY_CREATED_AT)
              .query(
                  QueryEnhancedRequest.builder()
                      .queryConditional(QueryConditional.keyEqualTo(key(Keys.tenantPartition(tenantId))))
                      .scanIndexForward(false)
                      .limit(Math.min(limit, pageSize))
                      .build())
              .stream()
              .flatMap(page -> page.items().stream())
              .iterator();
      while (items.hasNext() && records.size() < limit) records.add(toRecord(items.next()));
    } catch (SdkException e) {
      throw DynamoErrors.failure("list runs", tableName, e);
    }
    return records;
  }

  /**
   * A page of this tenant's runs from the runsByCreatedAt index, newest first: one Query starting below the position
   * of the previous page's last run ({@code createdKey < position}), reading {@code limit + 1} runs to learn whether
   * more follow. A status filter is a FilterExpression, so the Query goes on (in pages of at least {@code pageSize})
   * past the runs it skips until the page is full or the runs end.
   */
  @Override
  public RunListPage listPage(RunPosition after, RunStatus status, int limit) {
    if (limit < 1) throw new IllegalArgumentException("limit must be >= 1, was " + limit);
    String partition = Keys.tenantPartition(tenantId);
    QueryEnhancedRequest.Builder query =
        QueryEnhancedRequest.builder()
            .queryConditional(after == null
                ? QueryConditional.keyEqualTo(key(partition))
                : QueryConditional.sortLessThan(Key.builder().partitionValue(partition)
                    .sortValue(Keys.createdKey(after.createdAt(), after.runId())).build()))
            .scanIndexForward(false)
            .limit(status == null ? limit + 1 : Math.max(limit + 1, pageSize));
    if (status != null)
      query.filterExpression(Expression.builder().expression("#status = :status")
          .putExpressionName("#status", "status")
          .putExpressionValue(":status", AttributeValue.fromS(status.name()))
          .build());
    List<RunItem> found = new ArrayList<>();
    try {
      Iterator<RunItem> items = runs.index(Keys.RUNS_BY_CREATED_AT).query(query.build()).stream()
          .flatMap(page -> page.items().stream()).iterator();
      while (found.size() <= limit && items.hasNext()) found.add(items.next());
    } catch (SdkException e) {
      throw DynamoErrors.failure("list runs", tableName, e);
    }
    List<RunRecord> page = found.stream().limit(limit).map(this::toRecord).toList();
    return new RunListPage(page,
        found.size() > limit ? Optional.of(RunPosition.of(page.getLast())) : Optional.empty());
  }

  /**
   * Streams the run's results in item-id order, one Query page ({@code pageSize} items) at a time, fetching
   * results kept in S3 as they come. An exception from the consumer stops the stream.
   */
  @Override
  public void forEachResult(String runId, Consumer<ItemResult> consumer) {
    forEachResultAfter(runId, null, consumer);
  }

  /** As {@link #forEachResult}, the query starting right after {@code afterItemId} (no earlier item is read). */
  @Override
  public void forEachResultAfter(String runId, String afterItemId, Consumer<ItemResult> consumer) {
    Objects.requireNonNull(consumer, "consumer");
    Iterator<ResultItem> items;
    try {
      QueryEnhancedRequest.Builder query =
          QueryEnhancedRequest.builder()
              .queryConditional(QueryConditional.keyEqualTo(key(Keys.runPartition(tenantId, runId))))
              .consistentRead(true)
              .limit(pageSize);
      if (afterItemId != null)
        query.exclusiveStartKey(
            java.util.Map.of(
                "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(Keys.runPartition(tenantId, runId)),
                "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(Keys.itemSortKey(afterItemId))));
      items =
          results
              .query(query.build())
              .items()
              .iterator();
    } catch (SdkException e) {
      throw DynamoErrors.failure("read the results of run " + runId, tableName, e);
    }
    while (true) {
      ResultItem item;
      try {
        if (!items.hasNext()) return;
        item = items.next();
      } catch (SdkException e) {
        throw DynamoErrors.failure("read the results of run " + runId, tableName, e);
      }
      consumer.accept(toResult(runId, item));
    }
  }

  /**
   * Deletes the run's result items, then its run item (so a half-finished delete can be repeated). Blobs under the
   * run's prefix are not touched here: {@link dev.ltb.api.RunService#delete} removes them first, records last.
   */
  @Override
  public boolean delete(String runId) {
    if (loadRun(runId, "read run " + runId) == null) return false;
    try {
      results
          .query(
              QueryEnhancedRequest.builder()
                  .queryConditional(QueryConditional.keyEqualTo(key(Keys.runPartition(tenantId, runId))))
                  .attributesToProject("pk", "sk")
                  .consistentRead(true)
                  .build())
          .items()
          .forEach(item -> results.deleteItem(Key.builder().partitionValue(item.pk).sortValue(item.sk).build()));
      runs.deleteItem(
          Key.builder().partitionValue(Keys.tenantPartition(tenantId)).sortValue(Keys.runSortKey(runId)).build());
    } catch (SdkException e) {
      throw DynamoErrors.failure("delete run " + runId, tableName, e);
    }
    return true;
  }

  private ItemResult toResult(String runId, ResultItem item) {
    String itemId = Keys.itemId(item.sk);
    String what = "result " + itemId + " of run " + runId;
    String json = item.resultKey != null ? readBlob(item.resultKey, what) : item.resultJson;
    if (json == null) throw new AwsStorageException("Cannot read " + what + " from table " + tableName + ": it has no JSON");
    return decode(ITEM_RESULT, json, what);
  }

  private RunRecord toRecord(RunItem item) {
    String what = "run " + item.runId;
    String suite = item.suiteKey != null ? readBlob(item.suiteKey, "the suite of " + what) : item.suiteJson;
    String summaryJson =
        item.summaryKey != null ? readBlob(item.summaryKey, "the summary of " + what) : item.summaryJson;
    return new RunRecord(
        item.runId,
        item.description,
        item.suiteSource,
        suite,
        RunStatus.valueOf(item.status),
        Instant.parse(item.createdAt),
        item.finishedAt == null ? null : Instant.parse(item.finishedAt),
        item.totalItems == null ? 0 : item.totalItems,
        summaryJson == null ? null : decode(RUN_SUMMARY, summaryJson, "the summary of " + what),
        item.statusReason);
  }

  private RunItem loadRun(String runId, String action) {
    try {
      return runs.getItem(
          request ->
              request
                  .key(Key.builder().partitionValue(Keys.tenantPartition(tenantId)).sortValue(Keys.runSortKey(runId)).build())
                  .consistentRead(true));
    } catch (SdkException e) {
      throw DynamoErrors.failure(action, tableName, e);
    }
  }

  private String putBlob(String runId, String name, byte[] json) {
    String key = Keys.runBlobPrefix(tenantId, runId) + name + "-" + contentHash(json) + ".json";
    blobs.put(key, json, JSON);
    return key;
  }

  private String readBlob(String key, String what) {
    return blobs
        .get(key)
        .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
        .orElseThrow(
            () ->
                new AwsStorageException(
                    "Cannot read " + what + " of tenant " + tenantId + ": table " + tableName + " refers to blob " + key
                        + ", which is missing"));
  }

  private <T> T decode(ObjectReader reader, String json, String what) {
    try {
      return reader.readValue(json);
    } catch (JsonProcessingException e) {
      throw new AwsStorageException(
          "Cannot read " + what + " of tenant " + tenantId + " from table " + tableName + ": its stored JSON is"
              + " invalid (" + e.getOriginalMessage() + ")",
          e);
    }
  }

  private static Key key(String partition) {
    return Key.builder().partitionValue(partition).build();
  }

  /** DynamoDB numbers cannot be NaN or infinite; the JSON keeps the exact value anyway. */
  private static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }

  private static String contentHash(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** Nothing to release: the clients belong to {@link dev.ltb.aws.AwsClients}. */
  @Override
  public void close() {}

}
