package dev.ltb.functions;

import dev.ltb.security.Authenticator;
import dev.ltb.security.Credential;
import dev.ltb.security.Principal;
import java.util.Objects;

/**
 * The core {@link Authenticator} (tenant API keys and Cognito JWTs, as the REST authorizer takes them) for the
 * WebSocket door, which gets a bare token from the query string or {@code Sec-WebSocket-Protocol}.
 */
public final class WebSocketAuthenticator {

  private final Authenticator authenticator;

  public WebSocketAuthenticator(Authenticator authenticator) {
    this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
  }

  /** The principal, or {@link dev.ltb.security.AuthenticationException}. */
  public Principal authenticate(String token) {
    return authenticator.authenticate(Credential.fromToken(token));
  }
}
