package dev.ltb.aws.dynamodb.tenancy;

import static dev.ltb.aws.dynamodb.tenancy.Items.call;
import static dev.ltb.aws.dynamodb.tenancy.Items.key;
import static dev.ltb.aws.dynamodb.tenancy.Items.n;
import static dev.ltb.aws.dynamodb.tenancy.Items.s;

import dev.ltb.tenancy.RunSlots;
import dev.ltb.tenancy.TenantId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Concurrency slots in DynamoDB: one item per tenant, {@code sk = RUNSLOTS}, whose string set {@code runs} holds the
 * runs that are QUEUED or RUNNING. Taking a slot is one conditional {@code ADD}: the set is smaller than the limit
 * or already holds the run.
 */
public final class DynamoRunSlots implements RunSlots {

  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoRunSlots(DynamoDbClient dynamo, String table) {
    this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
    this.table = Objects.requireNonNull(table, "table");
  }

  @Override
  public boolean tryAcquire(TenantId tenant, String runId, int max) {
    try {
      call("take a run slot", table, () -> dynamo.updateItem(update -> update.tableName(table)
          .key(key(tenant.partitionKey(), "RUNSLOTS"))
          .updateExpression("ADD runs :run")
          .conditionExpression("attribute_not_exists(runs) OR size(runs) < :max OR contains(runs, :id)")
          .expressionAttributeValues(Map.of(":run", AttributeValue.fromSs(List.of(runId)), ":max", n(max),
              ":id", s(runId)))));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  @Override
  public void release(TenantId tenant, String runId) {
    call("free a run slot", table, () -> dynamo.updateItem(update -> update.tableName(table)
        .key(key(tenant.partitionKey(), "RUNSLOTS"))
        .updateExpression("DELETE runs :run")
        .expressionAttributeValues(Map.of(":run", AttributeValue.fromSs(List.of(runId))))));
  }

  @Override
  public int active(TenantId tenant) {
    Map<String, AttributeValue> item = call("read run slots", table, () -> dynamo.getItem(get -> get.tableName(table)
        .key(key(tenant.partitionKey(), "RUNSLOTS")).consistentRead(true))).item();
    AttributeValue runs = item == null ? null : item.get("runs");
    return runs == null || !runs.hasSs() ? 0 : runs.ss().size();
  }
}
