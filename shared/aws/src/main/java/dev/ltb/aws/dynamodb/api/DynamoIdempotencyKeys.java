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
import java.util.UUID;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * First answers per {@code Idempotency-Key}: {@code pk = TENANT#<t>}, {@code sk = IDEM#<sha-256 of the key>} (the
 * key is client text, so only its hash reaches the key). A claim is a put with {@code attribute_not_exists}, or over
 * a claim whose {@code leaseUntil} (epoch milliseconds) has passed: the lease is compared in the condition itself, not
 * left to TTL, which the local emulator lacks and DynamoDB applies late. Completing and releasing are conditional on
 * the claim's token. {@code expiresAt} (24 h on) lets a deployment enable TTL clean-up; correctness never depends on
 * it.
 */
public final class DynamoIdempotencyKeys implements IdempotencyKeys {

  static final Duration KEEP = Duration.ofHours(24);
  /** A claim that loses its race but then finds no item (released meanwhile) tries again this often. */
  private static final int CLAIM_ATTEMPTS = 3;

  private static final String HOLDS_CLAIM = "#token = :token AND attribute_not_exists(#body)";

  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoIdempotencyKeys(DynamoDbClient dynamo, String table) {
    this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
    this.table = Objects.requireNonNull(table, "table");
  }

  @Override
  public Claim claim(TenantId tenant, String key, String requestHash, Instant now, Duration lease) {
    for (int attempt = 1; ; attempt++) {
      String token = UUID.randomUUID().toString();
      Map<String, AttributeValue> item = new HashMap<>(key(tenant, key));
      item.put("requestHash", AttributeValue.fromS(requestHash));
      item.put("claimToken", AttributeValue.fromS(token));
      item.put("leaseUntil", AttributeValue.fromN(Long.toString(now.plus(lease).toEpochMilli())));
      item.put("expiresAt", AttributeValue.fromN(Long.toString(now.plus(KEEP).getEpochSecond())));
      try {
        dynamo.putItem(put -> put.tableName(table).item(item)
            .conditionExpression("attribute_not_exists(#pk) OR (attribute_not_exists(#body) AND #lease <= :now)")
            .expressionAttributeNames(Map.of("#pk", "pk", "#body", "body", "#lease", "leaseUntil"))
            .expressionAttributeValues(Map.of(":now", AttributeValue.fromN(Long.toString(now.toEpochMilli())))));
        return new Claim.Won(token);
      } catch (ConditionalCheckFailedException taken) {
        Map<String, AttributeValue> current = read(tenant, key);
        if (current != null) return current.containsKey("body")
            ? new Claim.Answered(toResponse(current))
            : new Claim.InProgress(current.get("requestHash").s(),
                Instant.ofEpochMilli(Long.parseLong(current.get("leaseUntil").n())));
        if (attempt == CLAIM_ATTEMPTS) throw DynamoErrors.failure("claim an idempotency key", table, taken);
      } catch (SdkException e) {
        throw DynamoErrors.failure("claim an idempotency key", table, e);
      }
    }
  }

  @Override
  public boolean complete(TenantId tenant, String key, String token, StoredResponse response) {
    Map<String, AttributeValue> item = new HashMap<>(key(tenant, key));
    item.put("requestHash", AttributeValue.fromS(response.requestHash()));
    item.put("status", AttributeValue.fromN(Integer.toString(response.status())));
    item.put("body", AttributeValue.fromS(response.body()));
    item.put("createdAt", AttributeValue.fromS(response.createdAt().toString()));
    item.put("expiresAt", AttributeValue.fromN(Long.toString(response.createdAt().plus(KEEP).getEpochSecond())));
    try {
      dynamo.putItem(put -> put.tableName(table).item(item).conditionExpression(HOLDS_CLAIM)
          .expressionAttributeNames(Map.of("#body", "body", "#token", "claimToken"))
          .expressionAttributeValues(Map.of(":token", AttributeValue.fromS(token))));
      return true;
    } catch (ConditionalCheckFailedException lost) {
      return false;
    } catch (SdkException e) {
      throw DynamoErrors.failure("store the answer of an idempotency key", table, e);
    }
  }

  @Override
  public void release(TenantId tenant, String key, String token) {
    try {
      dynamo.deleteItem(delete -> delete.tableName(table).key(key(tenant, key)).conditionExpression(HOLDS_CLAIM)
          .expressionAttributeNames(Map.of("#body", "body", "#token", "claimToken"))
          .expressionAttributeValues(Map.of(":token", AttributeValue.fromS(token))));
    } catch (ConditionalCheckFailedException notOurs) {
      // answered, lapsed and taken by another request, or gone: nothing of ours to drop
    } catch (SdkException e) {
      throw DynamoErrors.failure("release an idempotency key", table, e);
    }
  }

  @Override
  public Optional<StoredResponse> find(TenantId tenant, String key) {
    Map<String, AttributeValue> item = read(tenant, key);
    return item == null || !item.containsKey("body") ? Optional.empty() : Optional.of(toResponse(item));
  }

  private Map<String, AttributeValue> read(TenantId tenant, String key) {
    try {
      var item = dynamo.getItem(get -> get.tableName(table).consistentRead(true).key(key(tenant, key))).item();
      return item == null || item.isEmpty() ? null : item;
    } catch (SdkException e) {
      throw DynamoErrors.failure("read an idempotency key", table, e);
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
