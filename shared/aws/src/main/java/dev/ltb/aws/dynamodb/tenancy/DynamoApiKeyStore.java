package dev.ltb.aws.dynamodb.tenancy;

import static dev.ltb.aws.dynamodb.tenancy.Items.call;
import static dev.ltb.aws.dynamodb.tenancy.Items.key;
import static dev.ltb.aws.dynamodb.tenancy.Items.s;
import static dev.ltb.aws.dynamodb.tenancy.Items.string;

import dev.ltb.security.ApiKeyRecord;
import dev.ltb.security.ApiKeyStore;
import dev.ltb.security.Role;
import dev.ltb.tenancy.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
 * API keys in DynamoDB. The authoritative item is the key-id lookup {@code pk = APIKEY#<keyId>, sk = APIKEY}
 * (tenant, name, Argon2id hash, role, dates): the one item family whose key does not start with the tenant,
 * because the authorizer looks a key up before it knows the tenant; only the authorizer's role reads it. Each
 * key also has a listing item {@code pk = TENANT#<t>, sk = APIKEY#<keyId>}. Revocation and last use update the
 * lookup item on the condition that it belongs to the caller's tenant.
 */
public final class DynamoApiKeyStore implements ApiKeyStore {

  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoApiKeyStore(DynamoDbClient dynamo, String table) {
    this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
    this.table = Objects.requireNonNull(table, "table");
  }

  static Map<String, AttributeValue> lookupKey(String keyId) {
    return key("APIKEY#" + keyId, "APIKEY");
  }

  @Override
  public void create(ApiKeyRecord record) {
    Map<String, AttributeValue> item = new HashMap<>(lookupKey(record.keyId()));
    item.put("tenantId", s(record.tenantId().value()));
    item.put("keyId", s(record.keyId()));
    if (record.name() != null) item.put("name", s(record.name()));
    item.put("hash", s(record.hash()));
    item.put("role", s(record.role().id()));
    item.put("createdAt", s(record.createdAt().toString()));
    if (record.createdBy() != null) item.put("createdBy", s(record.createdBy()));
    try {
      call("store an API key", table, () -> dynamo.putItem(put -> put.tableName(table).item(item)
          .conditionExpression("attribute_not_exists(pk)")));
    } catch (ConditionalCheckFailedException e) {
      throw new IllegalStateException("key id " + record.keyId() + " is taken");
    }
    Map<String, AttributeValue> listing = new HashMap<>(key(record.tenantId().partitionKey(), "APIKEY#" + record.keyId()));
    listing.put("createdAt", s(record.createdAt().toString()));
    call("store an API key", table, () -> dynamo.putItem(put -> put.tableName(table).item(listing)));
  }

  @Override
  public Optional<ApiKeyRecord> findByKeyId(String keyId) {
    Map<String, AttributeValue> item = call("read an API key", table, () -> dynamo.getItem(get -> get.tableName(table)
        .key(lookupKey(keyId)).consistentRead(true))).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(record(item));
  }

  @Override
  public List<ApiKeyRecord> list(TenantId tenant) {
    List<ApiKeyRecord> records = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> from = start;
      QueryResponse page = call("list API keys", table, () -> dynamo.query(query -> query.tableName(table)
          .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
          .expressionAttributeValues(Map.of(":pk", s(tenant.partitionKey()), ":prefix", s("APIKEY#")))
          .exclusiveStartKey(from)));
      for (Map<String, AttributeValue> listing : page.items())
        findByKeyId(string(listing, "sk").substring("APIKEY#".length()))
            .filter(record -> record.tenantId().equals(tenant))
            .ifPresent(records::add);
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null);
    records.sort(Comparator.comparing(ApiKeyRecord::createdAt).reversed());
    return records;
  }

  @Override
  public boolean revoke(TenantId tenant, String keyId, Instant at) {
    try {
      call("revoke an API key", table, () -> dynamo.updateItem(update -> update.tableName(table).key(lookupKey(keyId))
          .updateExpression("SET revokedAt = if_not_exists(revokedAt, :at)")
          .conditionExpression("tenantId = :tenant")
          .expressionAttributeValues(Map.of(":at", s(at.toString()), ":tenant", s(tenant.value())))));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  @Override
  public void touch(TenantId tenant, String keyId, Instant at) {
    try {
      call("record API key use", table, () -> dynamo.updateItem(update -> update.tableName(table).key(lookupKey(keyId))
          .updateExpression("SET lastUsedAt = :at")
          .conditionExpression("tenantId = :tenant")
          .expressionAttributeValues(Map.of(":at", s(at.toString()), ":tenant", s(tenant.value())))));
    } catch (ConditionalCheckFailedException e) {
      // not this tenant's key: nothing to record
    }
  }

  private static ApiKeyRecord record(Map<String, AttributeValue> item) {
    return new ApiKeyRecord(TenantId.of(string(item, "tenantId")), string(item, "keyId"), string(item, "name"),
        string(item, "hash"), Role.fromId(string(item, "role")).orElse(Role.SERVICE),
        Instant.parse(string(item, "createdAt")), string(item, "createdBy"), instant(item, "revokedAt"),
        instant(item, "lastUsedAt"));
  }

  private static Instant instant(Map<String, AttributeValue> item, String name) {
    String value = string(item, name);
    return value == null ? null : Instant.parse(value);
  }
}
