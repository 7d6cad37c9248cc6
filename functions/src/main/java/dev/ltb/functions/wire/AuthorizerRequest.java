package dev.ltb.functions.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.security.AuthenticationException;
import dev.ltb.security.Credential;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The three authorizer events, reduced to the credential and where the answer applies.
 *
 * <ul>
 *   <li>REST {@code TOKEN}: {@code {"type": "TOKEN", "authorizationToken": "Bearer …", "methodArn": "…"}};
 *   <li>REST or WebSocket {@code REQUEST}: {@code {"type": "REQUEST", "methodArn": "…", "headers": {…},
 *       "queryStringParameters": {…}, "requestContext": {"eventType": "CONNECT", …}}}; the credential is the
 *       {@code Authorization} header ({@code Bearer <JWT or ltb_ key>}), else {@code X-Api-Key}, else the query
 *       parameter {@code token} (browsers cannot set headers on a WebSocket);
 *   <li>AppSync: {@code {"authorizationToken": "…", "requestContext": {"apiId", "accountId", "requestId",
 *       "queryString", "operationName", "variables"}, "requestHeaders": {…}}}; the token may carry {@code Bearer}.
 * </ul>
 */
public sealed interface AuthorizerRequest {

  /** An API Gateway (REST or WebSocket) authorizer request. */
  record Gateway(Credential credential, String stageResource, boolean websocket) implements AuthorizerRequest {
    public String door() {
      return websocket ? "websocket" : "rest";
    }
  }

  /** An AppSync Lambda authorization request. */
  record AppSync(Credential credential) implements AuthorizerRequest {}

  /**
   * The request; an event without a usable credential is an {@link AuthenticationException} for API Gateway (401)
   * and for AppSync alike, while an event of no known shape is an {@link IllegalArgumentException}.
   */
  public static AuthorizerRequest parse(JsonNode event) {
    if (event == null || !event.isObject()) throw new IllegalArgumentException("authorizer event is not a JSON object");
    String type = text(event, "type");
    if (type == null && event.has("authorizationToken") && event.has("requestContext"))
      return appSync(text(event, "authorizationToken"));
    String methodArn = text(event, "methodArn");
    if (methodArn == null || !methodArn.startsWith("arn:"))
      throw new IllegalArgumentException("authorizer event has no methodArn and is not an AppSync request");
    String resource = stageResource(methodArn);
    if ("TOKEN".equals(type))
      return gateway(() -> tokenOrHeader(text(event, "authorizationToken")), resource, false);
    if ("REQUEST".equals(type)) {
      boolean websocket = "CONNECT".equals(text(event.path("requestContext"), "eventType"))
          || methodArn.endsWith("/$connect");
      String authorization = header(event.path("headers"), "Authorization");
      String apiKey = header(event.path("headers"), "X-Api-Key");
      String token = text(event.path("queryStringParameters"), "token");
      return gateway(() -> authorization != null || apiKey != null
          ? Credential.fromHeaders(authorization, apiKey)
          : Credential.fromToken(token), resource, websocket);
    }
    throw new IllegalArgumentException("authorizer event type '" + type + "' is neither TOKEN nor REQUEST");
  }

  /**
   * {@code arn:aws:execute-api:<region>:<account>:<apiId>/<stage>/*}: every method and route of the stage, from the
   * method ARN of this request.
   */
  public static String stageResource(String methodArn) {
    String[] parts = methodArn.split("/", 3);
    if (parts.length < 2) throw new IllegalArgumentException("methodArn has no stage");
    return parts[0] + "/" + parts[1] + "/*";
  }

  private static Credential tokenOrHeader(String value) {
    if (value != null && value.strip().regionMatches(true, 0, "Bearer ", 0, 7))
      return Credential.fromHeaders(value, null);
    return Credential.fromToken(value == null ? null : value.strip());
  }

  private static String header(JsonNode headers, String name) {
    if (headers == null || !headers.isObject()) return null;
    for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      if (entry.getKey().equalsIgnoreCase(name) && entry.getValue().isTextual() && !entry.getValue().asText().isBlank())
        return entry.getValue().asText();
    }
    return null;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value == null || !value.isTextual() ? null : value.asText();
  }

  /** A request whose credential could not be read (missing, not {@code Bearer …}): answered like a refused one. */
  record Unreadable(AuthenticationException error, boolean appSync, boolean websocket) implements AuthorizerRequest {}

  private static AuthorizerRequest gateway(Supplier<Credential> credential, String resource, boolean websocket) {
    try {
      return new Gateway(credential.get(), resource, websocket);
    } catch (AuthenticationException e) {
      return new Unreadable(e, false, websocket);
    }
  }

  private static AuthorizerRequest appSync(String token) {
    try {
      return new AppSync(tokenOrHeader(token));
    } catch (AuthenticationException e) {
      return new Unreadable(e, true, false);
    }
  }
}
