package dev.ltb.aws.dynamodb.tenancy;

import static dev.ltb.aws.dynamodb.tenancy.Items.call;
import static dev.ltb.aws.dynamodb.tenancy.Items.key;
import static dev.ltb.aws.dynamodb.tenancy.Items.s;
import static dev.ltb.aws.dynamodb.tenancy.Items.string;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ltb.json.Json;
import dev.ltb.tenancy.Ids;
import dev.ltb.tenancy.TenantId;
import dev.ltb.webhook.InboundHook;
import dev.ltb.webhook.InboundHooks;
import dev.ltb.webhook.PayloadMapping;
import dev.ltb.webhook.SignatureScheme;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A tenant's inbound hooks in DynamoDB: {@code pk = TENANT#<t>, sk = HOOK#<id>} with {@code suiteId},
 * {@code scheme} ({@code github}/{@code ltb}), {@code mappingJson} (the {@link PayloadMapping} as JSON),
 * {@code events} and {@code enabled}. The hook's secret lives in Secrets Manager, not here.
 */
public final class DynamoInboundHooks implements InboundHooks {

  static final String PREFIX = "HOOK#";

  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoInboundHooks(DynamoDbClient dynamo, String table) {
    this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
    this.table = Objects.requireNonNull(table, "table");
  }

  public void save(InboundHook hook) {
    Map<String, AttributeValue> item = new HashMap<>(key(hook.tenantId().partitionKey(), PREFIX + hook.hookId()));
    item.put("tenantId", s(hook.tenantId().value()));
    item.put("suiteId", s(hook.suiteId()));
    item.put("scheme", s(hook.scheme().id()));
    item.put("mappingJson", s(Json.write(hook.mapping())));
    item.put("events", AttributeValue.fromL(hook.events().stream().sorted().map(Items::s).toList()));
    item.put("enabled", AttributeValue.fromBool(hook.enabled()));
    call("save an inbound hook", table, () -> dynamo.putItem(put -> put.tableName(table).item(item)));
  }

  @Override
  public Optional<InboundHook> find(TenantId tenant, String hookId) {
    if (!Ids.isResourceId(hookId)) return Optional.empty();
    Map<String, AttributeValue> item = call("read an inbound hook", table, () -> dynamo.getItem(get -> get.tableName(table)
        .key(key(tenant.partitionKey(), PREFIX + hookId)).consistentRead(true))).item();
    if (item == null || item.isEmpty()) return Optional.empty();
    Set<String> events = new LinkedHashSet<>();
    AttributeValue list = item.get("events");
    if (list != null && list.hasL()) list.l().forEach(event -> events.add(event.s()));
    PayloadMapping mapping;
    try {
      mapping = Json.mapper().readValue(string(item, "mappingJson"), PayloadMapping.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("inbound hook " + hookId + " of tenant " + tenant + " has an unreadable payload"
          + " mapping; save the hook again", e);
    }
    AttributeValue enabled = item.get("enabled");
    return Optional.of(new InboundHook(tenant, hookId, string(item, "suiteId"),
        SignatureScheme.valueOf(string(item, "scheme").toUpperCase(Locale.ROOT)), mapping, events,
        enabled == null || Boolean.TRUE.equals(enabled.bool())));
  }
}
