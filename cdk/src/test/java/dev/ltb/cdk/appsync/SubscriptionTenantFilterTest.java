package dev.ltb.cdk.appsync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The subscription resolver (subscribe.js) against the publish resolver (publish.js): what the progress
 * publisher sends for tenant A reaches tenant A's subscribers and never tenant B's, whatever B subscribes with.
 * Identities in AppSync's documented {@code ctx.identity} shapes (Lambda authorizer, Cognito user pools).
 */
class SubscriptionTenantFilterTest {

  private static Map<String, Object> apiKeyOf(String tenant, String role) {
    return Map.of(
        "resolverContext",
        Map.of("tenantId", tenant, "principalId", "key:abc123def456", "role", role, "principalKind", "api-key"));
  }

  private static Map<String, Object> userOf(String tenant, List<String> groups) {
    return Map.of(
        "sub", "5f0c2b1e-user",
        "issuer", "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Example",
        "username", "ada",
        "claims", Map.of("sub", "5f0c2b1e-user", "custom:tenant", tenant, "cognito:groups", groups, "token_use", "id"),
        "sourceIp", List.of("203.0.113.7"),
        "defaultAuthStrategy", "ALLOW");
  }

  private static JsonNode subscribe(Map<String, Object> identity, Map<String, Object> args) {
    Map<String, Object> ctx = new LinkedHashMap<>();
    ctx.put("identity", identity);
    ctx.put("args", args);
    ctx.put("arguments", args);
    return AppSyncJs.run("appsync/subscribe.js", "response", ctx);
  }

  /** What subscribers receive from a publish mutation: the local resolver's result (its arguments). */
  private static JsonNode publish(String tenant, String runId, String type) {
    Map<String, Object> args =
        Map.of("tenantId", tenant, "runId", runId, "type", type, "at", "2026-11-29T02:00:00Z", "data", "{\"passed\":3}");
    JsonNode request = AppSyncJs.run("appsync/publish.js", "request", Map.of("args", args, "arguments", args)).get("request");
    Map<String, Object> ctx = Map.of("args", args, "result", request.get("payload"));
    return AppSyncJs.run("appsync/publish.js", "response", ctx).get("result");
  }

  @Test
  void anApiKeySubscriberReceivesItsOwnTenantsEventsOnly() {
    JsonNode filter = subscribe(apiKeyOf("acme", "service"), Map.of("runId", "run-1")).get("filter");

    assertThat(SubscriptionFilter.delivers(filter, publish("acme", "run-1", "run.progress"))).isTrue();
    assertThat(SubscriptionFilter.delivers(filter, publish("acme", "run-1", "run.completed"))).isTrue();
    assertThat(SubscriptionFilter.delivers(filter, publish("globex", "run-1", "run.progress")))
        .as("same run id in another tenant")
        .isFalse();
    assertThat(SubscriptionFilter.delivers(filter, publish("acme", "run-2", "run.progress")))
        .as("another run of the same tenant")
        .isFalse();
  }

  @Test
  void aUserSubscribedToEveryCompletionSeesOnlyItsTenantsRuns() {
    JsonNode filter = subscribe(userOf("globex", List.of("viewer")), Map.of()).get("filter");

    assertThat(SubscriptionFilter.delivers(filter, publish("globex", "run-7", "run.completed"))).isTrue();
    assertThat(SubscriptionFilter.delivers(filter, publish("globex", "run-8", "run.failed"))).isTrue();
    assertThat(SubscriptionFilter.delivers(filter, publish("acme", "run-1", "run.completed"))).isFalse();
  }

  @Test
  void namingAnotherTenantsRunDoesNotWidenTheFilter() {
    // globex learns acme's run id and subscribes to it: the tenant comes from its identity, not its arguments
    JsonNode filter = subscribe(userOf("globex", List.of("owner")), Map.of("runId", "run-1")).get("filter");

    assertThat(SubscriptionFilter.delivers(filter, publish("acme", "run-1", "run.progress"))).isFalse();
    assertThat(filter.toString()).contains("\"globex\"").doesNotContain("\"acme\"");
  }

  @Test
  void aTenantInTheArgumentsIsIgnored() {
    JsonNode filter = subscribe(apiKeyOf("globex", "service"), Map.of("tenantId", "acme")).get("filter");

    assertThat(SubscriptionFilter.delivers(filter, publish("acme", "run-1", "run.completed"))).isFalse();
    assertThat(SubscriptionFilter.delivers(filter, publish("globex", "run-1", "run.completed"))).isTrue();
  }

  @Test
  void aSubscriberWithoutTenantOrRoleIsRefused() {
    assertThat(subscribe(userOf("acme", List.of("beta-testers")), Map.of()).get("error").asText())
        .as("no group naming a role")
        .isEqualTo("Unauthorized");
    assertThat(subscribe(Map.of("resolverContext", Map.of("principalId", "key:x", "role", "service")), Map.of())
            .get("error").asText())
        .as("authorizer context without tenant")
        .isEqualTo("Unauthorized");
    assertThat(subscribe(Map.of(), Map.of()).get("error").asText()).as("IAM or API key identity").isEqualTo("Unauthorized");
  }

  @Test
  void thePublishedPayloadCarriesTheTenantTheFilterNeeds() {
    JsonNode payload = publish("acme", "run-1", "run.progress");
    assertThat(payload.get("tenantId").asText()).isEqualTo("acme");
    assertThat(payload.get("runId").asText()).isEqualTo("run-1");
    assertThat(payload.get("data").asText()).isEqualTo("{\"passed\":3}");
  }
}
