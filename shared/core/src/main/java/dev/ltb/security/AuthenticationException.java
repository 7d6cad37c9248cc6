package dev.ltb.security;

/**
 * A credential was missing or not accepted (HTTP 401). {@link #reason()} is for audit records and metrics;
 * {@link #getMessage()} is what the caller sees and reveals no more than "missing", "expired" or "invalid", so a
 * guesser learns nothing about which check failed. Neither ever contains the credential.
 */
public final class AuthenticationException extends RuntimeException {

  /** Why the credential was refused. */
  public enum Reason {
    MISSING,
    MALFORMED,
    UNSUPPORTED_ALGORITHM,
    BAD_SIGNATURE,
    EXPIRED,
    WRONG_ISSUER,
    WRONG_AUDIENCE,
    WRONG_TOKEN_USE,
    NO_TENANT,
    NO_ROLE,
    UNKNOWN_KEY,
    WRONG_SECRET,
    REVOKED_KEY,
    KEYS_UNAVAILABLE
  }

  private final Reason reason;

  public AuthenticationException(Reason reason) {
    super(publicMessage(reason));
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  private static String publicMessage(Reason reason) {
    return switch (reason) {
      case MISSING -> "credentials missing: send 'Authorization: Bearer <token or API key>' or 'X-Api-Key'";
      case EXPIRED -> "token expired: sign in again";
      case KEYS_UNAVAILABLE -> "cannot verify tokens right now: retry shortly";
      default -> "invalid credentials";
    };
  }
}
