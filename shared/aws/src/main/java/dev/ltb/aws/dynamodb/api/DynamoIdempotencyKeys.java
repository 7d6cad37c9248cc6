package dev.ltb.aws.dynamodb.api;

import dev.ltb.api.IdempotencyKeys;
import dev.ltb.aws.dynamodb.internal.DynamoErrors;
import dev.ltb.tenancy.TenantId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * First answers per {@code Idempotency-Key}: {@code pk = TENANT#<t>}, {@code sk = IDEM#<sha-256 of the key>} (the
 * key is client text, so only its hash reaches the key), put with {@code attribute_not_exists}. {@code expiresAt}
 * (24 h on) lets a deployment enable TTL clean-up; correctness never depends on it.
 */
public final class DynamoIdempotencyKeys implements IdempotencyKeys {

  static final Duration KEEP = Duration.ofHours(24);

  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoIdempotencyKeys(DynamoDbClient dynamo, String table) {
    this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
    this.table = Objects.requireNonNull(table, "table");
  }

  @Override
  public Optional<StoredResponse> find(TenantId tenant, String key) {
    try {
      var item = dynamo.getItem(get -> get.tableName(table).consistentRead(true).key(key(tenant, key))).item();
      return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toResponse(item));
    } catch (SdkException e) {
      throw DynamoErrors.failure("read an idempotency key", table, e);
    }
  }

  @Override
  public StoredResponse putIfAbsent(TenantId tenant, String key, StoredResponse response) {
    Map<String, AttributeValue> item = new HashMap<>(key(tenant, key));
    item.put("requestHash", AttributeValue.fromS(response.requestHash()));
    item.put("status", AttributeValue.fromN(Integer.toString(response.status())));
    item.put("body", AttributeValue.fromS(response.body()));
    item.put("createdAt", AttributeValue.fromS(response.createdAt().toString()));
    item.put("expiresAt", AttributeValue.fromN(Long.toString(response.createdAt().plus(KEEP).getEpochSecond())));
    try {
      dynamo.putItem(put -> put.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
      return response;
    } catch (ConditionalCheckFailedException e) {
      return find(tenant, key).orElse(response);
    } catch (SdkException e) {
      throw DynamoErrors.failure("store an idempotency key", table, e);
    }
  }

  private static StoredResponse toResponse(Map<String, AttributeValue> item) {
    return new StoredResponse(item.get("requestHash").s(), Integer.parseInt(item.get("status").n()),
        item.get("body").s(), Instant.parse(item.get("createdAt").s()));
  }

  private static Map<String, AttributeValue> key(TenantId tenant, String key) {
    return Map.of("pk", AttributeValue.fromS(tenant.partitionKey()), "sk", AttributeValue.fromS("IDEM#" + sha256(key)));
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
