package dev.ltb.audit;

import java.util.regex.Pattern;

/**
 * Where a request came from, as the audit keeps it. Untrusted input, so it is cleaned on the way in: the source
 * IP must be an IPv4/IPv6 literal (anything else becomes {@code invalid}), the user agent loses control characters
 * and anything shaped like a credential and is cut to 256 characters.
 *
 * @param sourceIp the client address API Gateway saw ({@code requestContext.identity.sourceIp})
 * @param userAgent the {@code User-Agent} header
 */
public record RequestContext(String sourceIp, String userAgent) {

  private static final Pattern IP = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9A-Fa-f:.]{2,45}");
  private static final int MAX_USER_AGENT = 256;

  public static final RequestContext INTERNAL = new RequestContext("internal", "ltb");

  public RequestContext {
    sourceIp = sourceIp == null ? "unknown" : "internal".equals(sourceIp) || IP.matcher(sourceIp).matches() ? sourceIp : "invalid";
    userAgent = userAgent == null ? "" : Scrub.text(userAgent, MAX_USER_AGENT);
  }
}
