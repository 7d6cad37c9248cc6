package dev.ltb.aws.dynamodb.tenancy;

import static dev.ltb.aws.dynamodb.tenancy.Items.call;
import static dev.ltb.aws.dynamodb.tenancy.Items.key;
import static dev.ltb.aws.dynamodb.tenancy.Items.s;
import static dev.ltb.aws.dynamodb.tenancy.Items.string;

import dev.ltb.tenancy.Ids;
import dev.ltb.tenancy.TenantId;
import dev.ltb.webhook.WebhookEventType;
import dev.ltb.webhook.WebhookSubscription;
import dev.ltb.webhook.WebhookSubscriptions;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * A tenant's outbound webhooks in DynamoDB: {@code pk = TENANT#<t>, sk = WEBHOOK#<id>} with {@code url},
 * {@code events} (a list of event ids), {@code baselineRunId} and {@code enabled}. The signing secret is not in the
 * item: it lives in Secrets Manager ({@link dev.ltb.aws.secrets.SecretStoreWebhookSecrets}), since the worker
 * needs it in clear to sign, so a hash would not do.
 */
public final class DynamoWebhookSubscriptions implements WebhookSubscriptions {

  static final String PREFIX = "WEBHOOK#";

  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoWebhookSubscriptions(DynamoDbClient dynamo, String table) {
    this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
    this.table = Objects.requireNonNull(table, "table");
  }

  /** Creates or replaces the webhook (the caller checked the URL against its endpoint policy). */
  public void save(WebhookSubscription subscription) {
    Map<String, AttributeValue> item =
        new HashMap<>(key(subscription.tenantId().partitionKey(), PREFIX + subscription.webhookId()));
    item.put("tenantId", s(subscription.tenantId().value()));
    item.put("webhookId", s(subscription.webhookId()));
    item.put("url", s(subscription.url().toString()));
    item.put("events", AttributeValue.fromL(subscription.events().stream()
        .map(WebhookEventType::id).sorted().map(Items::s).toList()));
    if (subscription.baselineRunId() != null) item.put("baselineRunId", s(subscription.baselineRunId()));
    item.put("enabled", AttributeValue.fromBool(subscription.enabled()));
    call("save a webhook", table, () -> dynamo.putItem(put -> put.tableName(table).item(item)));
  }

  /** Deletes the tenant's webhook; false when it had none with this id. */
  public boolean delete(TenantId tenant, String webhookId) {
    Ids.requireResourceId("webhookId", webhookId);
    var response = call("delete a webhook", table, () -> dynamo.deleteItem(delete -> delete.tableName(table)
        .key(key(tenant.partitionKey(), PREFIX + webhookId))
        .returnValues(software.amazon.awssdk.services.dynamodb.model.ReturnValue.ALL_OLD)));
    return response.hasAttributes() && !response.attributes().isEmpty();
  }

  @Override
  public List<WebhookSubscription> list(TenantId tenant) {
    List<WebhookSubscription> found = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> from = start;
      QueryResponse page = call("list webhooks", table, () -> dynamo.query(query -> query.tableName(table)
          .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
          .expressionAttributeValues(Map.of(":pk", s(tenant.partitionKey()), ":prefix", s(PREFIX)))
          .consistentRead(true)
          .exclusiveStartKey(from)));
      for (Map<String, AttributeValue> item : page.items()) found.add(read(tenant, item));
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null);
    return found;
  }

  @Override
  public Optional<WebhookSubscription> find(TenantId tenant, String webhookId) {
    if (!Ids.isResourceId(webhookId)) return Optional.empty();
    Map<String, AttributeValue> item = call("read a webhook", table, () -> dynamo.getItem(get -> get.tableName(table)
        .key(key(tenant.partitionKey(), PREFIX + webhookId)).consistentRead(true))).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(read(tenant, item));
  }

  private static WebhookSubscription read(TenantId tenant, Map<String, AttributeValue> item) {
    Set<WebhookEventType> events = EnumSet.noneOf(WebhookEventType.class);
    AttributeValue list = item.get("events");
    if (list != null && list.hasL())
      for (AttributeValue event : list.l()) WebhookEventType.fromId(event.s()).ifPresent(events::add);
    AttributeValue enabled = item.get("enabled");
    return new WebhookSubscription(tenant, string(item, "sk").substring(PREFIX.length()), URI.create(string(item, "url")),
        events, string(item, "baselineRunId"), enabled == null || Boolean.TRUE.equals(enabled.bool()));
  }
}
