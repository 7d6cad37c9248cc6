package dev.ltb.cdk.appsync;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * AppSync's enhanced subscription filtering, as documented: a payload reaches a subscriber when at least one
 * {@code filterGroup} entry matches, and an entry matches when all its {@code filters} do. The operators our
 * resolvers use ({@code eq}, {@code ne}, {@code in}, {@code notIn}) compare the payload's top-level field.
 */
final class SubscriptionFilter {

  private SubscriptionFilter() {}

  static boolean delivers(JsonNode filter, JsonNode payload) {
    if (filter == null || filter.isNull() || filter.isMissingNode()) return true; // no filter: everyone gets it
    for (JsonNode group : filter.path("filterGroup")) {
      boolean all = true;
      for (JsonNode f : group.path("filters")) all &= matches(f, payload.path(f.path("fieldName").asText()));
      if (all) return true;
    }
    return false;
  }

  private static boolean matches(JsonNode filter, JsonNode actual) {
    JsonNode value = filter.path("value");
    return switch (filter.path("operator").asText()) {
      case "eq" -> actual.equals(value);
      case "ne" -> !actual.equals(value);
      case "in" -> contains(value, actual);
      case "notIn" -> !contains(value, actual);
      default -> throw new IllegalArgumentException("operator not modelled: " + filter);
    };
  }

  private static boolean contains(JsonNode list, JsonNode actual) {
    for (JsonNode v : list) if (v.equals(actual)) return true;
    return false;
  }
}
