package dev.ltb.aws.dynamodb.tenancy;

import static dev.ltb.aws.dynamodb.tenancy.Items.call;
import static dev.ltb.aws.dynamodb.tenancy.Items.key;
import static dev.ltb.aws.dynamodb.tenancy.Items.s;
import static dev.ltb.aws.dynamodb.tenancy.Items.string;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ltb.audit.AuditLog;
import dev.ltb.audit.AuditQuery;
import dev.ltb.audit.AuditRecord;
import dev.ltb.audit.AuditRecorder;
import dev.ltb.aws.AwsStorageException;
import dev.ltb.json.Json;
import dev.ltb.tenancy.Page;
import dev.ltb.tenancy.TenantId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The audit trail in DynamoDB: {@code pk = TENANT#<t>, sk = AUDIT#<record id>} (ids start with their time, so the
 * sort key orders by time), written once with {@code attribute_not_exists}, read newest first by a key range. The
 * cursor is the last sort key returned; it is only ever used inside the caller's tenant partition.
 */
public final class DynamoAuditLog implements AuditLog {

  private static final String PREFIX = "AUDIT#";

  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoAuditLog(DynamoDbClient dynamo, String table) {
    this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
    this.table = Objects.requireNonNull(table, "table");
  }

  @Override
  public void append(AuditRecord record) {
    Map<String, AttributeValue> item = new HashMap<>(key(record.tenantId().partitionKey(), PREFIX + record.id()));
    item.put("json", s(Json.write(record)));
    try {
      call("append an audit record", table, () -> dynamo.putItem(put -> put.tableName(table).item(item)
          .conditionExpression("attribute_not_exists(pk)")));
    } catch (ConditionalCheckFailedException e) {
      throw new IllegalStateException("audit record " + record.id() + " exists");
    }
  }

  @Override
  public Page<AuditRecord> query(TenantId tenant, AuditQuery query) {
    String low = PREFIX + (query.from() == null ? "" : AuditRecorder.timeKey(query.from()));
    String high = query.to() == null ? "AUDIT$" : PREFIX + AuditRecorder.timeKey(query.to());
    String cursor = query.page().cursor();
    if (cursor != null && (!cursor.startsWith(PREFIX) || cursor.compareTo(low) < 0 || cursor.compareTo(high) > 0))
      throw new IllegalArgumentException("cursor does not belong to this query");
    QueryResponse page = call("read the audit trail", table, () -> dynamo.query(request -> request.tableName(table)
        .keyConditionExpression("pk = :pk AND sk BETWEEN :low AND :high")
        .expressionAttributeValues(Map.of(":pk", s(tenant.partitionKey()), ":low", s(low), ":high", s(high)))
        .scanIndexForward(false)
        .limit(query.page().limit())
        .exclusiveStartKey(cursor == null ? null : key(tenant.partitionKey(), cursor))));
    List<AuditRecord> records = page.items().stream().map(DynamoAuditLog::record).toList();
    boolean more = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
        && records.size() == query.page().limit();
    return new Page<>(records, more ? Optional.of(string(page.lastEvaluatedKey(), "sk")) : Optional.empty());
  }

  private static AuditRecord record(Map<String, AttributeValue> item) {
    try {
      return Json.mapper().readValue(string(item, "json"), AuditRecord.class);
    } catch (JsonProcessingException e) {
      throw new AwsStorageException("audit item " + string(item, "sk") + " cannot be read: " + e.getOriginalMessage());
    }
  }
}
