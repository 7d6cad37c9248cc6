package dev.ltb.functions.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Locale;
import java.util.Map;

/**
 * The event API Gateway's WebSocket API sends its Lambda integration, reduced to the fields the handler reads
 * (the documented shape: {@code {"requestContext": {"routeKey", "eventType": "CONNECT" | "MESSAGE" |
 * "DISCONNECT", "connectionId", "domainName", "stage", "identity": {"sourceIp"}, ...}, "headers",
 * "queryStringParameters", "body", "isBase64Encoded"}}; headers and query string come with {@code $connect}
 * only).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WebSocketEvent(
    RequestContext requestContext, Map<String, String> headers, Map<String, String> queryStringParameters,
    String body, boolean isBase64Encoded) {

  public WebSocketEvent {
    headers = headers == null ? Map.of() : headers;
    queryStringParameters = queryStringParameters == null ? Map.of() : queryStringParameters;
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record RequestContext(
      String routeKey, String eventType, String connectionId, String domainName, String stage, Identity identity) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Identity(String sourceIp, String userAgent) {}

  /** A header by name, ignoring case (API Gateway passes them as the client sent them). */
  public String header(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (Map.Entry<String, String> header : headers.entrySet())
      if (header.getKey().toLowerCase(Locale.ROOT).equals(lower)) return header.getValue();
    return null;
  }

  public String sourceIp() {
    return requestContext.identity() == null ? null : requestContext.identity().sourceIp();
  }
}
