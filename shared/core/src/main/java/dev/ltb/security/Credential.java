package dev.ltb.security;

/** What a caller presented. Neither variant prints its value. */
public sealed interface Credential {

  /** A Cognito user-pool JWT. */
  record Jwt(SecretValue token) implements Credential {}

  /** A tenant API key ({@code ltb_…}). */
  record ApiKey(SecretValue key) implements Credential {}

  /**
   * The credential in request headers: {@code X-Api-Key: ltb_…}, or {@code Authorization: Bearer <value>} where
   * a value starting with {@code ltb_} is an API key and anything else a JWT. Header names are matched
   * case-insensitively by the caller; either argument may be null.
   */
  static Credential fromHeaders(String authorization, String apiKeyHeader) {
    if (apiKeyHeader != null && !apiKeyHeader.isBlank()) return new ApiKey(SecretValue.of(apiKeyHeader.strip()));
    if (authorization == null || authorization.isBlank())
      throw new AuthenticationException(AuthenticationException.Reason.MISSING);
    String value = authorization.strip();
    if (value.length() < 8 || !value.regionMatches(true, 0, "Bearer ", 0, 7))
      throw new AuthenticationException(AuthenticationException.Reason.MALFORMED);
    return fromToken(value.substring(7).strip());
  }

  /** A bare token, e.g. from a WebSocket query string or {@code Sec-WebSocket-Protocol}. */
  static Credential fromToken(String token) {
    if (token == null || token.isBlank()) throw new AuthenticationException(AuthenticationException.Reason.MISSING);
    return token.startsWith(ApiKeyFormat.PREFIX) ? new ApiKey(SecretValue.of(token)) : new Jwt(SecretValue.of(token));
  }
}
