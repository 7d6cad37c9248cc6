package dev.ltb.webhook;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How an inbound payload becomes suite vars: fixed vars plus {@link VarMapping}s. Scalars map to their text;
 * objects and arrays are refused (map their fields instead). Values are limited to {@link #MAX_VALUE_LENGTH}
 * characters.
 */
public record PayloadMapping(List<VarMapping> vars, Map<String, String> fixed) {

  public static final int MAX_VALUE_LENGTH = 4096;

  public PayloadMapping {
    vars = List.copyOf(vars);
    fixed = fixed == null ? Map.of() : Map.copyOf(fixed);
  }

  /**
   * A GitHub {@code push}: {@code commit} ← {@code /after}, {@code branch} ← {@code /ref} without
   * {@code refs/heads/}, {@code repository} ← {@code /repository/full_name}, {@code pusher} ←
   * {@code /pusher/name} (optional), {@code compare_url} ← {@code /compare} (optional).
   */
  public static PayloadMapping githubPush() {
    return new PayloadMapping(List.of(
        VarMapping.required("commit", "/after"),
        VarMapping.required("branch", "/ref").stripping("refs/heads/"),
        VarMapping.required("repository", "/repository/full_name"),
        VarMapping.optional("pusher", "/pusher/name"),
        VarMapping.optional("compare_url", "/compare")), Map.of());
  }

  public Map<String, String> apply(JsonNode payload) {
    Map<String, String> result = new LinkedHashMap<>(fixed);
    for (VarMapping mapping : vars) {
      JsonNode node = payload.at(JsonPointer.compile(mapping.pointer()));
      if (node.isMissingNode() || node.isNull()) {
        if (mapping.required())
          throw new PayloadMappingException("payload has no value at " + mapping.pointer() + " (variable "
              + mapping.var() + ")");
        continue;
      }
      if (!node.isValueNode())
        throw new PayloadMappingException("value at " + mapping.pointer() + " (variable " + mapping.var()
            + ") is an object or array; map one of its fields");
      String value = node.asText();
      if (mapping.stripPrefix() != null && value.startsWith(mapping.stripPrefix()))
        value = value.substring(mapping.stripPrefix().length());
      if (value.length() > MAX_VALUE_LENGTH)
        throw new PayloadMappingException("value at " + mapping.pointer() + " (variable " + mapping.var() + ") has "
            + value.length() + " characters; at most " + MAX_VALUE_LENGTH);
      result.put(mapping.var(), value);
    }
    return result;
  }
}
