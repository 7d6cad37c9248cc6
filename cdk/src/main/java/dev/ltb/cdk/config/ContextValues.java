package dev.ltb.cdk.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Typed reads of CDK context. Values come as strings from {@code cdk -c key=value} and as JSON values from
 * {@code cdk.json}; both are accepted, and a value of the wrong shape fails with the key in the message.
 */
final class ContextValues {
  private final Function<String, Object> lookup;

  ContextValues(Function<String, Object> lookup) {
    this.lookup = lookup;
  }

  Optional<String> string(String key) {
    Object value = lookup.apply(key);
    if (value == null) return Optional.empty();
    String text = value.toString().trim();
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  String string(String key, String fallback) {
    return string(key).orElse(fallback);
  }

  int integer(String key, int fallback) {
    return string(key).map(text -> parseInt(key, text)).orElse(fallback);
  }

  double decimal(String key, double fallback) {
    return string(key)
        .map(
            text -> {
              try {
                return Double.parseDouble(text);
              } catch (NumberFormatException e) {
                throw new IllegalArgumentException("context '" + key + "' must be a number, was '" + text + "'");
              }
            })
        .orElse(fallback);
  }

  boolean bool(String key, boolean fallback) {
    return string(key)
        .map(
            text ->
                switch (text) {
                  case "true" -> true;
                  case "false" -> false;
                  default ->
                      throw new IllegalArgumentException("context '" + key + "' must be true or false, was '" + text + "'");
                })
        .orElse(fallback);
  }

  /** A JSON array from cdk.json, or a comma-separated string from the command line. */
  List<String> list(String key, List<String> fallback) {
    Object value = lookup.apply(key);
    if (value == null) return fallback;
    if (value instanceof List<?> items) return items.stream().map(Object::toString).toList();
    return Arrays.stream(value.toString().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private static int parseInt(String key, String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("context '" + key + "' must be a whole number, was '" + text + "'");
    }
  }
}
