package dev.ltb.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.ltb.aws.apigateway.GatewayUsageKeys;
import dev.ltb.functions.wire.AuthorizerAnswers;
import dev.ltb.functions.wire.AuthorizerRequest;
import dev.ltb.json.Json;
import dev.ltb.security.AuthenticationException;
import dev.ltb.security.Authenticator;
import dev.ltb.security.Principal;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code authorizer}: one function for the three doors. It reads the credential from the event, asks the core's
 * {@link Authenticator} (Cognito JWT or tenant API key; accepted credentials cached in the warm container) and answers
 * in the shape the caller expects:
 *
 * <ul>
 *   <li>API Gateway REST {@code REQUEST} (header {@code Authorization}) or {@code TOKEN} authorizer, and the WebSocket
 *       API's {@code $connect} {@code REQUEST} authorizer (query string {@code token}): an IAM policy allowing the
 *       whole stage (API Gateway caches the answer per credential, so it must hold for every route), {@code context}
 *       {tenantId, principalId, role, principalKind} and, for REST, the {@code usageIdentifierKey} of the usage plan.
 *       A refused credential throws {@code Unauthorized}, which API Gateway answers with 401;
 *   <li>AppSync Lambda authorization: {@code {isAuthorized, resolverContext, deniedFields, ttlOverride}}, with
 *       {@code isAuthorized: false} on refusal.
 * </ul>
 *
 * What is allowed per operation is decided later by {@code AccessControl} in the API; this function only says who
 * calls. Neither the credential nor a part of it is ever logged.
 */
@Named("authorizer")
@Singleton
public class AuthorizerHandler implements RequestStreamHandler {

  /** The message API Gateway maps to 401 (any other error is a 500). */
  public static final String UNAUTHORIZED = "Unauthorized";

  private static final Logger LOG = LoggerFactory.getLogger(AuthorizerHandler.class);

  private final Authenticator authenticator;
  private final Optional<String> installationUsageKey;
  private final Duration appSyncTtl;
  private final ObjectWriter writer = Json.mapper().writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  @Inject
  public AuthorizerHandler(
      @Named(AuthorizerBeans.AUTHENTICATOR) Authenticator authenticator, AuthorizerBeans.Settings settings) {
    this.authenticator = authenticator;
    this.installationUsageKey = settings.installationUsageKey();
    this.appSyncTtl = settings.appSyncTtl();
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    JsonNode event = Json.mapper().readTree(input);
    Object answer = answer(AuthorizerRequest.parse(event));
    writer.writeValue(output, answer);
    output.flush();
  }

  /** The answer to one parsed event; throws {@code Unauthorized} for a refused API Gateway request. */
  public Object answer(AuthorizerRequest request) {
    return switch (request) {
      case AuthorizerRequest.AppSync appSync -> appSync(appSync);
      case AuthorizerRequest.Gateway gateway -> gateway(gateway);
      case AuthorizerRequest.Unreadable unreadable -> {
        refused(unreadable.appSync() ? "appsync" : unreadable.websocket() ? "websocket" : "rest", unreadable.error());
        if (unreadable.appSync()) yield AuthorizerAnswers.appSyncDeny();
        throw new UnauthorizedException();
      }
    };
  }

  private Object gateway(AuthorizerRequest.Gateway request) {
    Principal principal;
    try {
      principal = authenticator.authenticate(request.credential());
    } catch (AuthenticationException e) {
      refused(request.door(), e);
      if (e.reason() == AuthenticationException.Reason.KEYS_UNAVAILABLE)
        throw new IllegalStateException("cannot verify tokens right now");
      throw new UnauthorizedException();
    }
    String usageKey = request.websocket() ? null
        : installationUsageKey.orElseGet(() -> GatewayUsageKeys.forTenant(principal.tenantId()));
    return AuthorizerAnswers.allow(principal, request.stageResource(), usageKey);
  }

  private Object appSync(AuthorizerRequest.AppSync request) {
    try {
      Principal principal = authenticator.authenticate(request.credential());
      return AuthorizerAnswers.appSyncAllow(principal, appSyncTtl);
    } catch (AuthenticationException e) {
      refused("appsync", e);
      return AuthorizerAnswers.appSyncDeny();
    }
  }

  private static void refused(String door, AuthenticationException e) {
    // the reason code only: never the credential, its parts or the exception's cause
    LOG.info("authorizer ({}) refused a credential: {}", door, e.reason());
  }

  /** Thrown to API Gateway: its message is exactly {@value #UNAUTHORIZED}, answered as 401. */
  public static final class UnauthorizedException extends RuntimeException {
    public UnauthorizedException() {
      super(UNAUTHORIZED, null, false, false);
    }
  }
}
