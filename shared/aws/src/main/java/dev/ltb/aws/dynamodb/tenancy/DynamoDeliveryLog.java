package dev.ltb.aws.dynamodb.tenancy;

import static dev.ltb.aws.dynamodb.tenancy.Items.call;
import static dev.ltb.aws.dynamodb.tenancy.Items.key;
import static dev.ltb.aws.dynamodb.tenancy.Items.s;
import static dev.ltb.aws.dynamodb.tenancy.Items.string;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ltb.aws.AwsStorageException;
import dev.ltb.json.Json;
import dev.ltb.tenancy.Ids;
import dev.ltb.tenancy.Page;
import dev.ltb.tenancy.PageRequest;
import dev.ltb.tenancy.TenantId;
import dev.ltb.webhook.DeliveryAttempt;
import dev.ltb.webhook.DeliveryLog;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * A webhook's delivery log in DynamoDB: {@code pk = TENANT#<t>, sk = WHLOG#<webhook>#<time>#<delivery>#<attempt>},
 * read newest first; the cursor is the last sort key and must belong to the webhook asked for.
 */
public final class DynamoDeliveryLog implements DeliveryLog {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoDeliveryLog(DynamoDbClient dynamo, String table) {
    this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
    this.table = Objects.requireNonNull(table, "table");
  }

  @Override
  public void append(DeliveryAttempt attempt) {
    String sk = prefix(attempt.webhookId()) + TIME.format(attempt.at()) + "#" + attempt.deliveryId() + "#"
        + "%04d".formatted(attempt.attempt());
    Map<String, AttributeValue> item = new HashMap<>(key(attempt.tenantId().partitionKey(), sk));
    item.put("json", s(Json.write(attempt)));
    call("log a webhook delivery", table, () -> dynamo.putItem(put -> put.tableName(table).item(item)));
  }

  @Override
  public Page<DeliveryAttempt> list(TenantId tenant, String webhookId, PageRequest page) {
    String prefix = prefix(Ids.requireResourceId("webhookId", webhookId));
    if (page.cursor() != null && !page.cursor().startsWith(prefix))
      throw new IllegalArgumentException("cursor does not belong to this webhook");
    QueryResponse response = call("read a delivery log", table, () -> dynamo.query(query -> query.tableName(table)
        .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
        .expressionAttributeValues(Map.of(":pk", s(tenant.partitionKey()), ":prefix", s(prefix)))
        .scanIndexForward(false)
        .limit(page.limit())
        .exclusiveStartKey(page.cursor() == null ? null : key(tenant.partitionKey(), page.cursor()))));
    List<DeliveryAttempt> attempts = response.items().stream().map(DynamoDeliveryLog::attempt).toList();
    boolean more = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
        && attempts.size() == page.limit();
    return new Page<>(attempts, more ? Optional.of(string(response.lastEvaluatedKey(), "sk")) : Optional.empty());
  }

  private static String prefix(String webhookId) {
    return "WHLOG#" + webhookId + "#";
  }

  private static DeliveryAttempt attempt(Map<String, AttributeValue> item) {
    try {
      return Json.mapper().readValue(string(item, "json"), DeliveryAttempt.class);
    } catch (JsonProcessingException e) {
      throw new AwsStorageException("delivery log item " + string(item, "sk") + " cannot be read: "
          + e.getOriginalMessage());
    }
  }
}
