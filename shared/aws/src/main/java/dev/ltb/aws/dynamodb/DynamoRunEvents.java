package dev.ltb.aws.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.ltb.aws.AwsStorageException;
import dev.ltb.aws.dynamodb.internal.DynamoErrors;
import dev.ltb.aws.dynamodb.internal.EventItem;
import dev.ltb.aws.dynamodb.internal.Keys;
import dev.ltb.json.Json;
import dev.ltb.pipeline.RunEvent;
import dev.ltb.pipeline.RunEvents;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;

/**
 * Run events in their own DynamoDB table ({@code LTB_EVENTS_TABLE}), written by the pipeline and read by
 * tests and the API (GraphQL subscriptions, WebSocket, webhooks poll or stream it).
 *
 * <pre>
 * PK  TENANT#&lt;t&gt;#RUN#&lt;runId&gt;
 * SK  &lt;at, ISO-8601 with 9 fraction digits&gt;#&lt;writer id&gt;#&lt;sequence, 12 digits&gt;
 * attributes: tenantId, runId, type, at, dataJson (the event's data as JSON), expiresAt (epoch seconds)
 * </pre>
 *
 * The sort key orders events by their time; the writer id (random per instance) and its sequence keep two
 * events of the same nanosecond apart, also from two Lambdas at once, and a conditional put never replaces
 * an event. {@code expiresAt} is {@code at} plus the retention (default 30 days) for a TTL the deployment
 * may enable; reads do not depend on it.
 */
public final class DynamoRunEvents implements RunEvents {

  public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);
  private static final int PAGE_SIZE = 100;
  private static final TypeReference<Map<String, Object>> DATA = new TypeReference<>() {};
  private static final Expression NEW_ITEM =
      Expression.builder().expression("attribute_not_exists(#pk)").putExpressionName("#pk", Keys.PK).build();

  private final DynamoDbTable<EventItem> events;
  private final String tableName;
  private final Duration retention;
  private final String writerId;
  private final AtomicLong sequence = new AtomicLong();

  public DynamoRunEvents(DynamoDbEnhancedClient client, String tableName) {
    this(client, tableName, DEFAULT_RETENTION);
  }

  public DynamoRunEvents(DynamoDbEnhancedClient client, String tableName, Duration retention) {
    Objects.requireNonNull(client, "client");
    if (tableName == null || tableName.isBlank()) throw new IllegalArgumentException("tableName must not be blank");
    if (retention.isNegative() || retention.isZero()) throw new IllegalArgumentException("retention must be > 0");
    this.events = client.table(tableName, EventItem.SCHEMA);
    this.tableName = tableName;
    this.retention = retention;
    byte[] random = new byte[4];
    new SecureRandom().nextBytes(random);
    this.writerId = HexFormat.of().formatHex(random);
  }

  @Override
  public void publish(RunEvent event) {
    Keys.tenantId(event.tenantId());
    EventItem item = new EventItem();
    item.pk = Keys.runPartition(event.tenantId(), event.runId());
    item.sk = Keys.sortable(event.at()) + "#" + writerId + "#" + "%012d".formatted(sequence.incrementAndGet());
    item.tenantId = event.tenantId();
    item.runId = event.runId();
    item.type = event.type();
    item.at = Keys.sortable(event.at());
    item.dataJson = Json.write(event.data());
    item.expiresAt = event.at().plus(retention).getEpochSecond();
    try {
      events.putItem(PutItemEnhancedRequest.builder(EventItem.class).item(item).conditionExpression(NEW_ITEM).build());
    } catch (SdkException e) {
      throw DynamoErrors.failure("publish " + event.type() + " of run " + event.runId(), tableName, e);
    }
  }

  /** Every event of the run, oldest first. */
  public List<RunEvent> read(String tenantId, String runId) {
    List<RunEvent> all = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    while (true) {
      RunEventPage page = cursor.isEmpty() ? readFirst(tenantId, runId, PAGE_SIZE) : readAfter(tenantId, runId, cursor.get(), PAGE_SIZE);
      all.addAll(page.events());
      if (page.events().size() < PAGE_SIZE) return all;
      cursor = page.cursor();
    }
  }

  /** Up to {@code limit} of the run's oldest events. */
  public RunEventPage readFirst(String tenantId, String runId, int limit) {
    return query(
        tenantId, runId, QueryConditional.keyEqualTo(Key.builder().partitionValue(partition(tenantId, runId)).build()), null, limit);
  }

  /** Up to {@code limit} events published after the one {@code cursor} points at (from an earlier page). */
  public RunEventPage readAfter(String tenantId, String runId, String cursor, int limit) {
    Objects.requireNonNull(cursor, "cursor");
    return query(
        tenantId,
        runId,
        QueryConditional.sortGreaterThan(Key.builder().partitionValue(partition(tenantId, runId)).sortValue(cursor).build()),
        cursor,
        limit);
  }

  private RunEventPage query(String tenantId, String runId, QueryConditional condition, String cursor, int limit) {
    if (limit < 1) throw new IllegalArgumentException("limit must be >= 1, was " + limit);
    List<RunEvent> page = new ArrayList<>();
    String last = cursor;
    try {
      Iterator<EventItem> items =
          events
              .query(
                  QueryEnhancedRequest.builder()
                      .queryConditional(condition)
                      .consistentRead(true)
                      .limit(Math.min(limit, PAGE_SIZE))
                      .build())
              .items()
              .iterator();
      while (page.size() < limit && items.hasNext()) {
        EventItem item = items.next();
        page.add(toEvent(item));
        last = item.sk;
      }
    } catch (SdkException e) {
      throw DynamoErrors.failure("read the events of run " + runId, tableName, e);
    }
    return new RunEventPage(page, Optional.ofNullable(last));
  }

  /**
   * The event a DynamoDB stream record of the events table carries: its {@code NewImage} in DynamoDB's JSON
   * ({@code {"type": {"S": "run.started"}, ...}}), as Lambda receives it. Empty for an image that is not a run
   * event.
   */
  public static Optional<RunEvent> fromStreamImage(com.fasterxml.jackson.databind.JsonNode newImage) {
    if (newImage == null || !newImage.isObject()) return Optional.empty();
    EventItem item = new EventItem();
    item.sk = newImage.path("sk").path("S").asText("");
    item.tenantId = newImage.path("tenantId").path("S").asText(null);
    item.runId = newImage.path("runId").path("S").asText(null);
    item.type = newImage.path("type").path("S").asText(null);
    item.at = newImage.path("at").path("S").asText(null);
    item.dataJson = newImage.path("dataJson").path("S").asText(null);
    if (item.tenantId == null || item.runId == null || item.type == null || item.at == null) return Optional.empty();
    return Optional.of(toEvent(item, "the stream of the events table"));
  }

  private static String partition(String tenantId, String runId) {
    return Keys.runPartition(Keys.tenantId(tenantId), runId);
  }

  private RunEvent toEvent(EventItem item) {
    return toEvent(item, "table " + tableName);
  }

  private static RunEvent toEvent(EventItem item, String source) {
    try {
      Map<String, Object> data = item.dataJson == null ? Map.of() : Json.mapper().readValue(item.dataJson, DATA);
      return new RunEvent(item.tenantId, item.runId, item.type, Instant.parse(item.at), data);
    } catch (JsonProcessingException e) {
      throw new AwsStorageException(
          "Cannot read event " + item.sk + " of run " + item.runId + " from " + source + ": its data is not"
              + " valid JSON (" + e.getOriginalMessage() + ")",
          e);
    }
  }
}
