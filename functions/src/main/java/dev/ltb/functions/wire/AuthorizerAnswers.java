package dev.ltb.functions.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ltb.security.Principal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the authorizer answers, in the documented shapes of API Gateway and AppSync. */
public final class AuthorizerAnswers {

  private AuthorizerAnswers() {}

  /** API Gateway's Lambda authorizer output (REST and WebSocket). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record GatewayAnswer(
      String principalId, PolicyDocument policyDocument, Map<String, String> context, String usageIdentifierKey) {}

  /** An IAM policy document. */
  public record PolicyDocument(@JsonProperty("Version") String version, @JsonProperty("Statement") List<Statement> statement) {}

  /** One statement: {@code execute-api:Invoke} on the stage. */
  public record Statement(
      @JsonProperty("Action") String action, @JsonProperty("Effect") String effect, @JsonProperty("Resource") String resource) {}

  /** AppSync's Lambda authorization output. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record AppSyncAnswer(
      boolean isAuthorized, Map<String, String> resolverContext, List<String> deniedFields, Integer ttlOverride) {}

  public static GatewayAnswer allow(Principal principal, String resource, String usageIdentifierKey) {
    return new GatewayAnswer(principal.principalId(),
        new PolicyDocument("2012-10-17", List.of(new Statement("execute-api:Invoke", "Allow", resource))),
        context(principal), usageIdentifierKey);
  }

  public static AppSyncAnswer appSyncAllow(Principal principal, Duration ttl) {
    return new AppSyncAnswer(true, context(principal), List.of(), (int) ttl.toSeconds());
  }

  /** Refused; not cached by AppSync, so a fixed credential works at once. */
  public static AppSyncAnswer appSyncDeny() {
    return new AppSyncAnswer(false, null, null, 0);
  }

  /** {tenantId, principalId, role, principalKind}: what handlers and resolvers rebuild the principal from. */
  public static Map<String, String> context(Principal principal) {
    Map<String, String> context = new LinkedHashMap<>();
    context.put("tenantId", principal.tenantId().value());
    context.put("principalId", principal.principalId());
    context.put("role", principal.role().id());
    context.put("principalKind", principal.kind().id());
    return context;
  }
}
