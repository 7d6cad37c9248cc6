package dev.ltb.aws.dynamodb.tenancy;

import static dev.ltb.aws.dynamodb.tenancy.Items.call;
import static dev.ltb.aws.dynamodb.tenancy.Items.key;
import static dev.ltb.aws.dynamodb.tenancy.Items.n;
import static dev.ltb.aws.dynamodb.tenancy.Items.s;

import dev.ltb.tenancy.TenantId;
import dev.ltb.webhook.DeliveryIds;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Inbound delivery ids in DynamoDB: {@code pk = TENANT#<t>, sk = HOOKDLV#<hook>#<delivery>}, put with
 * {@code attribute_not_exists}. {@code expiresAt} (30 days on) lets a deployment enable TTL clean-up; replay
 * protection never depends on it.
 */
public final class DynamoDeliveryIds implements DeliveryIds {

  static final Duration KEEP = Duration.ofDays(30);

  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoDeliveryIds(DynamoDbClient dynamo, String table) {
    this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
    this.table = Objects.requireNonNull(table, "table");
  }

  @Override
  public boolean remember(TenantId tenant, String hookId, String deliveryId, Instant at) {
    Map<String, AttributeValue> item = new HashMap<>(key(tenant.partitionKey(), "HOOKDLV#" + hookId + "#" + deliveryId));
    item.put("receivedAt", s(at.toString()));
    item.put("expiresAt", n(at.plus(KEEP).getEpochSecond()));
    try {
      call("remember a webhook delivery", table, () -> dynamo.putItem(put -> put.tableName(table).item(item)
          .conditionExpression("attribute_not_exists(pk)")));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  @Override
  public void forget(TenantId tenant, String hookId, String deliveryId) {
    call("forget a webhook delivery", table, () -> dynamo.deleteItem(delete -> delete.tableName(table)
        .key(key(tenant.partitionKey(), "HOOKDLV#" + hookId + "#" + deliveryId))));
  }
}
