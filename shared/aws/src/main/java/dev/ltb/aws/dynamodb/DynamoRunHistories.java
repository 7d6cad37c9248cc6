package dev.ltb.aws.dynamodb;

import dev.ltb.aws.dynamodb.internal.Keys;
import dev.ltb.aws.dynamodb.internal.ResultItem;
import dev.ltb.aws.dynamodb.internal.RunItem;
import dev.ltb.pipeline.BlobStore;
import dev.ltb.pipeline.RunHistories;
import java.time.Clock;
import java.util.Objects;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;

/**
 * Run histories in one DynamoDB table (single-table design), large JSON in S3. Every key a tenant's history
 * reads or writes starts with {@code TENANT#<tenantId>}:
 *
 * <pre>
 * item      PK                          SK                 other attributes
 * run       TENANT#&lt;t&gt;                 RUN#&lt;runId&gt;         createdKey, status, statusReason, createdAt,
 *                                                          finishedAt, totalItems, description, suiteSource,
 *                                                          suiteJson | suiteKey, summaryJson | summaryKey
 * result    TENANT#&lt;t&gt;#RUN#&lt;runId&gt;     ITEM#&lt;itemId&gt;       status, score, providerLabel, promptId, testIndex,
 *                                                          latencyMs, costUsd, resultJson | resultKey
 * index runsByCreatedAt: PK pk, SK createdKey (&lt;createdAt, 9 fraction digits&gt;#&lt;runId&gt;), projection ALL;
 * only run items carry createdKey, so results stay out of it.
 * </pre>
 *
 * A result whose JSON exceeds {@code inlineLimitBytes} (default 300,000; DynamoDB items end at 400 KB) is
 * stored in S3 under {@code tenants/<t>/runs/<runId>/items/<itemId>-<sha256 prefix>.json}, and so are a run's
 * suite and summary JSON above half that limit ({@code .../history/suite-<hash>.json}, {@code
 * summary-<hash>.json}); readers fetch them transparently. The content hash in the key means two racing
 * writers of one item never overwrite each other's blob: the one whose conditional put wins is the one read.
 *
 * <p>Status transitions: QUEUED → RUNNING → COMPLETED | PARTIAL | FAILED | CANCELLED, and QUEUED or RUNNING →
 * any terminal status. Updates are conditional on the run being QUEUED or RUNNING, so the first terminal
 * status wins: a late aggregate cannot turn a CANCELLED run into COMPLETED, a catch path cannot turn a
 * COMPLETED run into FAILED. A refused update is logged and changes nothing ({@link
 * DynamoRunHistory#tryFinish} tells the caller).
 */
public final class DynamoRunHistories implements RunHistories {

  /** Default size above which a result's JSON goes to S3. */
  public static final int DEFAULT_INLINE_LIMIT_BYTES = 300_000;

  /** Default items per Query page when streaming results. */
  public static final int DEFAULT_PAGE_SIZE = 100;

  private final DynamoDbTable<RunItem> runs;
  private final DynamoDbTable<ResultItem> results;
  private final DynamoDbEnhancedClient client;
  private final String tableName;
  private final BlobStore blobs;
  private final int inlineLimitBytes;
  private final int pageSize;
  private final Clock clock;

  private DynamoRunHistories(Builder builder) {
    this.client = builder.client;
    this.tableName = builder.tableName;
    this.runs = client.table(tableName, RunItem.SCHEMA);
    this.results = client.table(tableName, ResultItem.SCHEMA);
    this.blobs = builder.blobs;
    this.inlineLimitBytes = builder.inlineLimitBytes;
    this.pageSize = builder.pageSize;
    this.clock = builder.clock;
  }

  /**
   * @param client the enhanced client ({@link dev.ltb.aws.AwsClients#dynamoDbEnhanced()})
   * @param tableName the table ({@code LTB_TABLE})
   * @param blobs where large JSON goes ({@link dev.ltb.aws.s3.S3BlobStore} on {@code LTB_BUCKET})
   */
  public static Builder builder(DynamoDbEnhancedClient client, String tableName, BlobStore blobs) {
    return new Builder(client, tableName, blobs);
  }

  @Override
  public DynamoRunHistory forTenant(String tenantId) {
    return new DynamoRunHistory(
        Keys.tenantId(tenantId), tableName, client, runs, results, blobs, inlineLimitBytes, pageSize, clock);
  }

  public String tableName() {
    return tableName;
  }

  /** Settings; every default is here. */
  public static final class Builder {
    private final DynamoDbEnhancedClient client;
    private final String tableName;
    private final BlobStore blobs;
    private int inlineLimitBytes = DEFAULT_INLINE_LIMIT_BYTES;
    private int pageSize = DEFAULT_PAGE_SIZE;
    private Clock clock = Clock.systemUTC();

    private Builder(DynamoDbEnhancedClient client, String tableName, BlobStore blobs) {
      this.client = Objects.requireNonNull(client, "client");
      if (tableName == null || tableName.isBlank()) throw new IllegalArgumentException("tableName must not be blank");
      this.tableName = tableName;
      this.blobs = Objects.requireNonNull(blobs, "blobs");
    }

    /** Result JSON larger than this (UTF-8 bytes) goes to S3; suite and summary JSON above half of it. */
    public Builder inlineLimitBytes(int bytes) {
      if (bytes < 1_000 || bytes > DEFAULT_INLINE_LIMIT_BYTES)
        throw new IllegalArgumentException("inlineLimitBytes must be within 1,000..300,000, was " + bytes);
      this.inlineLimitBytes = bytes;
      return this;
    }

    /** Items per Query page when streaming results and listing ids. */
    public Builder pageSize(int items) {
      if (items < 1 || items > 1_000) throw new IllegalArgumentException("pageSize must be within 1..1000, was " + items);
      this.pageSize = items;
      return this;
    }

    /** Stamps finishedAt. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public DynamoRunHistories build() {
      return new DynamoRunHistories(this);
    }
  }
}
