package dev.ltb.webhook;

import dev.ltb.audit.RequestContext;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A {@code POST /hooks/{tenant}/{hook}} as received: raw path segments (not yet validated), headers (names matched
 * case-insensitively), the raw body bytes (the signature covers them exactly) and where it came from.
 */
public record InboundRequest(
    String tenant, String hook, Map<String, String> headers, byte[] body, RequestContext context) {

  public InboundRequest {
    TreeMap<String, String> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (headers != null) headers.forEach((name, value) -> { if (name != null && value != null) caseInsensitive.put(name, value); });
    headers = java.util.Collections.unmodifiableMap(caseInsensitive);
    body = body == null ? new byte[0] : body;
    Objects.requireNonNull(context, "context");
  }

  public String header(String name) {
    return headers.get(name);
  }
}
