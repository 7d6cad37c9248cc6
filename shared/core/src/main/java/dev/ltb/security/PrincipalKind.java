package dev.ltb.security;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a principal proved who it is. */
public enum PrincipalKind {
  /** A person with a Cognito user-pool JWT. */
  USER,
  /** A machine with a tenant API key. */
  API_KEY,
  /** An inbound webhook whose HMAC signature matched the hook's secret. */
  WEBHOOK;

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
