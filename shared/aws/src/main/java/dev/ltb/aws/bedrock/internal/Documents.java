package dev.ltb.aws.bedrock.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.json.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.SdkNumber;
import software.amazon.awssdk.core.document.Document;

/** Converts between Jackson trees (suite config, tool arguments) and the AWS SDK's {@link Document}. */
public final class Documents {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Documents() {}

  public static Document fromJson(JsonNode node) {
    if (node == null) return Document.fromNull();
    return switch (node.getNodeType()) {
      case OBJECT -> {
        Map<String, Document> map = new LinkedHashMap<>();
        node.properties().forEach(field -> map.put(field.getKey(), fromJson(field.getValue())));
        yield Document.fromMap(map);
      }
      case ARRAY -> {
        List<Document> list = new ArrayList<>();
        node.forEach(element -> list.add(fromJson(element)));
        yield Document.fromList(list);
      }
      case NUMBER -> number(node);
      case BOOLEAN -> Document.fromBoolean(node.booleanValue());
      case NULL, MISSING -> Document.fromNull();
      default -> Document.fromString(node.asText());
    };
  }

  /** A JSON object given as text (tool-call arguments, tool results), or empty when the text is not one. */
  public static Optional<Document> parseObject(String json) {
    if (json == null || json.isBlank()) return Optional.empty();
    try {
      JsonNode node = Json.mapper().readTree(json);
      return node != null && node.isObject() ? Optional.of(fromJson(node)) : Optional.empty();
    } catch (JsonProcessingException notJson) {
      return Optional.empty();
    }
  }

  public static JsonNode toJson(Document document) {
    if (document == null || document.isNull()) return NODES.nullNode();
    if (document.isMap()) {
      ObjectNode object = NODES.objectNode();
      document.asMap().forEach((key, value) -> object.set(key, toJson(value)));
      return object;
    }
    if (document.isList()) {
      ArrayNode array = NODES.arrayNode();
      document.asList().forEach(element -> array.add(toJson(element)));
      return array;
    }
    if (document.isString()) return NODES.textNode(document.asString());
    if (document.isBoolean()) return NODES.booleanNode(document.asBoolean());
    if (document.isNumber()) return number(document.asNumber());
    return NODES.textNode(String.valueOf(document.unwrap()));
  }

  /** The document as compact JSON text ({@code {}} for none). */
  public static String toJsonText(Document document) {
    return document == null ? "{}" : Json.write(toJson(document));
  }

  private static Document number(JsonNode node) {
    if (node.isIntegralNumber())
      return node.canConvertToLong() ? Document.fromNumber(node.longValue()) : Document.fromNumber(node.bigIntegerValue());
    return node.isBigDecimal() ? Document.fromNumber(node.decimalValue()) : Document.fromNumber(node.doubleValue());
  }

  private static JsonNode number(SdkNumber number) {
    String text = number.stringValue();
    BigDecimal value = new BigDecimal(text);
    if (value.scale() <= 0 && text.matches("-?\\d+")) {
      try {
        long whole = value.longValueExact();
        return whole == (int) whole ? NODES.numberNode((int) whole) : NODES.numberNode(whole);
      } catch (ArithmeticException tooLarge) {
        return NODES.numberNode(value.toBigIntegerExact());
      }
    }
    return NODES.numberNode(value.doubleValue());
  }
}
