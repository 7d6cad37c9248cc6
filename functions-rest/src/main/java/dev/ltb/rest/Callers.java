package dev.ltb.rest;

import dev.ltb.api.ApiException;
import dev.ltb.api.Caller;
import dev.ltb.api.ProblemType;
import dev.ltb.audit.RequestContext;
import io.quarkus.amazon.lambda.http.model.ApiGatewayAuthorizerContext;
import io.quarkus.amazon.lambda.http.model.ApiGatewayRequestIdentity;
import io.quarkus.amazon.lambda.http.model.AwsProxyRequestContext;

/**
 * The caller as API Gateway's Lambda authorizer established it: {@code requestContext.authorizer.principalId} and the
 * context keys {@code tenantId}, {@code role} and {@code principalKind} (see docs/security.md). A request without
 * them never passed the authorizer and is answered 401.
 */
final class Callers {

  static final String TENANT = "tenantId";
  static final String ROLE = "role";
  static final String KIND = "principalKind";

  private Callers() {}

  static Caller from(AwsProxyRequestContext context) {
    ApiGatewayAuthorizerContext authorizer = context == null ? null : context.getAuthorizer();
    if (authorizer == null)
      throw new ApiException(ProblemType.UNAUTHENTICATED, "the request did not pass the API's authorizer");
    ApiGatewayRequestIdentity identity = context.getIdentity();
    RequestContext request = RequestContext.INTERNAL;
    if (identity != null && identity.getSourceIp() != null) {
      try {
        request = new RequestContext(identity.getSourceIp(), identity.getUserAgent());
      } catch (IllegalArgumentException e) {
        request = RequestContext.INTERNAL;
      }
    }
    return Caller.fromAuthorizer(authorizer.getContextValue(TENANT), authorizer.getPrincipalId(),
        authorizer.getContextValue(ROLE), authorizer.getContextValue(KIND), request);
  }
}
