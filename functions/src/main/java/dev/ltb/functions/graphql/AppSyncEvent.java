package dev.ltb.functions.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.List;
import java.util.Map;

/**
 * The event AppSync sends a direct Lambda resolver (one per field, or a JSON array of them with {@code
 * BatchInvoke}): the field's arguments, the caller's identity in the shape of the auth mode it used, the parent
 * object for nested fields, the field being resolved and the HTTP request's headers. Wire type only: resolvers
 * see a {@link ResolverCall}.
 */
public record AppSyncEvent(
    JsonNode arguments, JsonNode identity, JsonNode source, Info info, Request request, JsonNode stash) {

  public AppSyncEvent {
    arguments = arguments == null ? NullNode.getInstance() : arguments;
    identity = identity == null ? NullNode.getInstance() : identity;
    source = source == null ? NullNode.getInstance() : source;
  }

  /** {@code info}: which field of which type, and what the client selected. */
  public record Info(
      String parentTypeName, String fieldName, List<String> selectionSetList, Map<String, Object> variables) {}

  /** {@code request}: the client's HTTP headers (lower-case names). */
  public record Request(Map<String, String> headers, JsonNode domainName) {
    public Request {
      headers = headers == null ? Map.of() : headers;
    }
  }
}
