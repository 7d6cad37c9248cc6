package dev.ltb.evaluator.reference;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.evaluator.EvaluationException;
import dev.ltb.evaluator.metric.BleuTokenizer;
import dev.ltb.suite.Assertion;

/** Typed access to an assertion's {@code config}, with errors that name the option and what it takes. */
final class MetricOptions {

  private final String type;
  private final JsonNode config;

  MetricOptions(Assertion assertion) {
    this.type = assertion.type();
    this.config = assertion.config();
  }

  private JsonNode get(String name) {
    if (config == null || !config.isObject()) return null;
    JsonNode node = config.get(name);
    return node == null || node.isNull() ? null : node;
  }

  boolean flag(String name, boolean fallback) {
    JsonNode node = get(name);
    if (node == null) return fallback;
    if (!node.isBoolean()) throw invalid(name, "true or false", node);
    return node.booleanValue();
  }

  int integer(String name, int fallback, int min, int max) {
    JsonNode node = get(name);
    if (node == null) return fallback;
    if (!node.canConvertToExactIntegral() || node.asInt() < min || node.asInt() > max)
      throw invalid(name, "a whole number from " + min + " to " + max, node);
    return node.asInt();
  }

  double number(String name, double fallback, double min, double max) {
    JsonNode node = get(name);
    if (node == null) return fallback;
    if (!node.isNumber() || node.asDouble() < min || node.asDouble() > max)
      throw invalid(name, "a number from " + min + " to " + max, node);
    return node.asDouble();
  }

  String text(String name, String fallback) {
    JsonNode node = get(name);
    if (node == null) return fallback;
    if (!node.isTextual()) throw invalid(name, "a string", node);
    return node.textValue();
  }

  BleuTokenizer tokenizer(String fallback) {
    String id = text("tokenize", fallback);
    try {
      return BleuTokenizer.byId(id);
    } catch (IllegalArgumentException e) {
      throw new EvaluationException(type + " config tokenize: " + e.getMessage());
    }
  }

  EvaluationException invalid(String name, String expected, JsonNode node) {
    return new EvaluationException(type + " config " + name + " must be " + expected + ", was " + node);
  }
}
