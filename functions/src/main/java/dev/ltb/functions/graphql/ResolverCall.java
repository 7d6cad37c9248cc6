package dev.ltb.functions.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.audit.RequestContext;
import dev.ltb.functions.graphql.errors.BadRequest;
import dev.ltb.security.Principal;
import dev.ltb.tenancy.PageRequest;

/**
 * One field to resolve, for one authenticated caller: what a resolver sees of an {@link AppSyncEvent}.
 *
 * @param field which field
 * @param principal who asks (from the event's identity, see {@link AppSyncIdentity})
 * @param arguments the field's arguments (an object; missing arguments are absent or null)
 * @param source the parent object for nested fields (e.g. the {@code Run} of {@code Run.summary}), else null
 * @param request where the request came from, for the audit trail
 */
public record ResolverCall(
    FieldRef field, Principal principal, JsonNode arguments, JsonNode source, RequestContext request) {

  /** A required string argument; a missing or blank one is a {@link BadRequest} naming it. */
  public String string(String name) {
    JsonNode value = arguments.get(name);
    if (value == null || value.isNull() || value.asText().isBlank())
      throw new BadRequest(field.fieldName() + ": argument '" + name + "' is required");
    return value.asText();
  }

  /** An optional string argument, or null. */
  public String optionalString(String name) {
    JsonNode value = arguments.get(name);
    return value == null || value.isNull() ? null : value.asText();
  }

  /** An optional int argument, or {@code fallback}. */
  public int integer(String name, int fallback) {
    JsonNode value = arguments.get(name);
    if (value == null || value.isNull()) return fallback;
    if (!value.canConvertToInt()) throw new BadRequest(field.fieldName() + ": argument '" + name + "' must be an Int");
    return value.asInt();
  }

  /** The page the {@code limit} and {@code nextToken} arguments ask for (default limit 25, at most 100). */
  public PageRequest page() {
    try {
      return new PageRequest(integer("limit", PageRequest.DEFAULT_LIMIT), optionalString("nextToken"));
    } catch (IllegalArgumentException e) {
      throw new BadRequest(field.fieldName() + ": " + e.getMessage());
    }
  }

  /** An optional input object (or a nested value), never null: a missing one is an empty node. */
  public JsonNode object(String name) {
    JsonNode value = arguments.get(name);
    return value == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : value;
  }
}
