package dev.ltb.aws.dynamodb.api;

import dev.ltb.api.StoredSuite;
import dev.ltb.api.SuiteStore;
import dev.ltb.aws.AwsStorageException;
import dev.ltb.aws.dynamodb.internal.DynamoErrors;
import dev.ltb.pipeline.BlobStore;
import dev.ltb.tenancy.Page;
import dev.ltb.tenancy.PageRequest;
import dev.ltb.tenancy.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Suites in the single table: {@code pk = TENANT#<t>}, {@code sk = SUITE#<id>#V#<version, 8 digits>}, one immutable
 * item per version put with {@code attribute_not_exists}. Texts over {@value #INLINE_LIMIT} bytes go to the blob
 * store under {@code tenants/<t>/suites/<id>/v<n>.<format>} (an item holds at most 400 KB).
 */
public final class DynamoSuiteStore implements SuiteStore {

  static final int INLINE_LIMIT = 200 * 1024;

  private final DynamoDbClient dynamo;
  private final String table;
  private final BlobStore blobs;

  public DynamoSuiteStore(DynamoDbClient dynamo, String table, BlobStore blobs) {
    this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
    this.table = Objects.requireNonNull(table, "table");
    this.blobs = Objects.requireNonNull(blobs, "blobs");
  }

  @Override
  public boolean add(StoredSuite suite) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("pk", s(suite.tenant().partitionKey()));
    item.put("sk", s(sortKey(suite.suiteId(), suite.version())));
    item.put("suiteId", s(suite.suiteId()));
    item.put("version", AttributeValue.fromN(Integer.toString(suite.version())));
    if (suite.name() != null) item.put("name", s(suite.name()));
    item.put("format", s(suite.format()));
    item.put("createdAt", s(suite.createdAt().toString()));
    if (suite.createdBy() != null) item.put("createdBy", s(suite.createdBy()));
    byte[] text = suite.text().getBytes(StandardCharsets.UTF_8);
    if (text.length > INLINE_LIMIT) {
      String key = suite.tenant().blobPrefix() + "suites/" + suite.suiteId() + "/v" + suite.version() + "."
          + suite.format();
      blobs.put(key, text, suite.format().equals("json") ? "application/json" : "application/yaml");
      item.put("textKey", s(key));
    } else {
      item.put("text", s(suite.text()));
    }
    try {
      dynamo.putItem(put -> put.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    } catch (SdkException e) {
      throw DynamoErrors.failure("store suite " + suite.suiteId(), table, e);
    }
  }

  @Override
  public Optional<StoredSuite> find(TenantId tenant, String suiteId, Integer version) {
    try {
      if (version != null) {
        var item = dynamo.getItem(get -> get.tableName(table).consistentRead(true)
            .key(Map.of("pk", s(tenant.partitionKey()), "sk", s(sortKey(suiteId, version))))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toSuite(tenant, item));
      }
      QueryResponse latest = dynamo.query(q -> q.tableName(table).consistentRead(true).scanIndexForward(false).limit(1)
          .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
          .expressionAttributeValues(Map.of(":pk", s(tenant.partitionKey()), ":prefix", s(prefix(suiteId)))));
      return latest.items().stream().findFirst().map(item -> toSuite(tenant, item));
    } catch (SdkException e) {
      throw DynamoErrors.failure("read suite " + suiteId, table, e);
    }
  }

  /** Latest versions in suite-id order; reads the versions' small attributes only, never the texts. */
  @Override
  public Page<StoredSuite.SuiteInfo> list(TenantId tenant, PageRequest page) {
    String from = page.cursor() == null ? "SUITE#" : sortKey(page.cursor(), 99_999_999);
    Map<String, StoredSuite.SuiteInfo> latest = new LinkedHashMap<>();
    Map<String, AttributeValue> start = null;
    try {
      do {
        Map<String, AttributeValue> exclusiveStart = start;
        QueryResponse response = dynamo.query(q -> q.tableName(table).consistentRead(true)
            .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
            .projectionExpression("suiteId, version, #n, #f, createdAt, createdBy")
            .expressionAttributeNames(Map.of("#n", "name", "#f", "format"))
            .expressionAttributeValues(Map.of(":pk", s(tenant.partitionKey()), ":from", s(from), ":to", s("SUITE$")))
            .exclusiveStartKey(exclusiveStart));
        for (var item : response.items()) {
          if (!item.get("suiteId").s().equals(page.cursor())) latest.put(item.get("suiteId").s(), info(item));
          if (latest.size() > page.limit()) break;
        }
        start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
            ? response.lastEvaluatedKey() : null;
      } while (start != null && latest.size() <= page.limit());
    } catch (SdkException e) {
      throw DynamoErrors.failure("list suites", table, e);
    }
    List<StoredSuite.SuiteInfo> items = new ArrayList<>(latest.values());
    if (items.size() <= page.limit()) return Page.last(items);
    List<StoredSuite.SuiteInfo> shown = items.subList(0, page.limit());
    return new Page<>(shown, Optional.of(shown.getLast().suiteId()));
  }

  @Override
  public boolean delete(TenantId tenant, String suiteId) {
    boolean any = false;
    try {
      QueryResponse versions;
      do {
        versions = dynamo.query(q -> q.tableName(table).consistentRead(true).projectionExpression("pk, sk")
            .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
            .expressionAttributeValues(Map.of(":pk", s(tenant.partitionKey()), ":prefix", s(prefix(suiteId)))));
        for (var item : versions.items()) {
          dynamo.deleteItem(d -> d.tableName(table).key(Map.of("pk", item.get("pk"), "sk", item.get("sk"))));
          any = true;
        }
      } while (!versions.items().isEmpty());
    } catch (SdkException e) {
      throw DynamoErrors.failure("delete suite " + suiteId, table, e);
    }
    return any;
  }

  private StoredSuite toSuite(TenantId tenant, Map<String, AttributeValue> item) {
    StoredSuite.SuiteInfo info = info(item);
    String text = item.containsKey("text") ? item.get("text").s()
        : blobs.get(item.get("textKey").s()).map(bytes -> new String(bytes, StandardCharsets.UTF_8))
            .orElseThrow(() -> new AwsStorageException("the text of suite " + info.suiteId() + " v" + info.version()
                + " is missing from the bucket (" + item.get("textKey").s() + ")"));
    return new StoredSuite(tenant, info.suiteId(), info.version(), info.name(), info.format(), text, info.createdAt(),
        info.createdBy());
  }

  private static StoredSuite.SuiteInfo info(Map<String, AttributeValue> item) {
    return new StoredSuite.SuiteInfo(item.get("suiteId").s(), Integer.parseInt(item.get("version").n()),
        item.containsKey("name") ? item.get("name").s() : null, item.get("format").s(),
        Instant.parse(item.get("createdAt").s()), item.containsKey("createdBy") ? item.get("createdBy").s() : null);
  }

  static String prefix(String suiteId) {
    return "SUITE#" + suiteId + "#V#";
  }

  static String sortKey(String suiteId, int version) {
    return prefix(suiteId) + String.format("%08d", version);
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
