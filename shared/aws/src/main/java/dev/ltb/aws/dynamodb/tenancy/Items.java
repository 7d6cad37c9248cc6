package dev.ltb.aws.dynamodb.tenancy;

import dev.ltb.aws.dynamodb.internal.DynamoErrors;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Small helpers for items of the low-level client. */
final class Items {

  static final String PK = "pk";
  static final String SK = "sk";

  private Items() {}

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  static AttributeValue n(Number value) {
    return AttributeValue.fromN(value.toString());
  }

  static AttributeValue n(java.math.BigDecimal value) {
    return AttributeValue.fromN(value.toPlainString());
  }

  static Map<String, AttributeValue> key(String pk, String sk) {
    Map<String, AttributeValue> key = new HashMap<>();
    key.put(PK, s(pk));
    key.put(SK, s(sk));
    return key;
  }

  static String string(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }

  static long number(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
  }

  static java.math.BigDecimal decimal(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null || value.n() == null ? java.math.BigDecimal.ZERO : new java.math.BigDecimal(value.n());
  }

  /** Runs a call, turning SDK failures into messages naming the table. */
  static <T> T call(String action, String table, Supplier<T> call) {
    try {
      return call.get();
    } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException e) {
      throw e;
    } catch (SdkException e) {
      throw DynamoErrors.failure(action, table, e);
    }
  }
}
