package dev.ltb.functions.wire;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * An API Gateway REST proxy event (payload 1.0), reduced to what the webhook ingress reads: {@code pathParameters},
 * {@code headers}, {@code body} (base64 when {@code isBase64Encoded}) and the caller's {@code requestContext.identity}.
 */
public record ProxyEvent(
    String httpMethod,
    String path,
    Map<String, String> headers,
    Map<String, String> pathParameters,
    String body,
    Boolean isBase64Encoded,
    RequestContext requestContext) {

  public ProxyEvent {
    headers = headers == null ? Map.of() : headers;
    pathParameters = pathParameters == null ? Map.of() : pathParameters;
  }

  /** The body's bytes exactly as sent (the signature covers them). */
  public byte[] bodyBytes() {
    if (body == null) return new byte[0];
    if (Boolean.TRUE.equals(isBase64Encoded)) return Base64.getDecoder().decode(body);
    return body.getBytes(StandardCharsets.UTF_8);
  }

  public String sourceIp() {
    return requestContext == null || requestContext.identity() == null ? null : requestContext.identity().sourceIp();
  }

  public String userAgent() {
    return requestContext == null || requestContext.identity() == null ? null : requestContext.identity().userAgent();
  }

  /** {@code requestContext}. */
  public record RequestContext(String requestId, Identity identity) {}

  /** {@code requestContext.identity}. */
  public record Identity(String sourceIp, String userAgent) {}
}
