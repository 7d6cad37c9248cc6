package dev.ltb.functions.graphql;

import static dev.ltb.functions.graphql.GraphqlFixture.ACME;
import static dev.ltb.functions.graphql.GraphqlFixture.BETA;
import static dev.ltb.functions.graphql.GraphqlFixture.apiKey;
import static dev.ltb.functions.graphql.GraphqlFixture.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.ltb.aws.tenant.TenantScope;
import dev.ltb.functions.graphql.errors.BadRequest;
import dev.ltb.functions.graphql.errors.Internal;
import dev.ltb.json.Json;
import dev.ltb.tenancy.TenantId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Dispatch, batching and error hiding of the handler itself, with resolvers made for the test. */
class GraphqlHandlerTest {

  private final GraphqlHandler handler =
      new GraphqlHandler(
          ResolverRegistry.of(
              List.of(
                  registry ->
                      registry
                          .query("echo", call -> Map.of("tenant", call.principal().tenantId().value(), "ip", call.request().sourceIp()))
                          .query("scope", call -> TenantScope.current().map(TenantId::value).orElse("none"))
                          .query("broken", call -> {
                            throw new IllegalStateException("table ltb-prod-main: connection pool exhausted");
                          })
                          .batch(new FieldRef("Run", "summary"), calls -> calls.stream().map(c -> c.source().get("runId").asText()).toList())
                          .batch(new FieldRef("Run", "tenantScope"),
                              calls -> calls.stream().map(c -> TenantScope.current().orElseThrow().value()).toList()))),
          AppSyncIdentity.defaults());

  private String invoke(Object event) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream(Json.mapper().writeValueAsBytes(event)), out, null);
    return out.toString();
  }

  @Test
  void aSingleEventIsAnsweredWithTheFieldValueForTheIdentitysTenant() throws Exception {
    assertThat(Json.mapper().readTree(invoke(event("Query", "echo", Map.of(), null, apiKey(ACME)))))
        .isEqualTo(Json.mapper().readTree("{\"tenant\":\"acme\",\"ip\":\"203.0.113.7\"}"));
  }

  @Test
  void aBatchIsAnsweredInOrderAndASingleEventOfABatchFieldToo() throws Exception {
    ArrayNode batch = Json.mapper().createArrayNode();
    for (String id : List.of("r1", "r2", "r3")) batch.add(event("Run", "summary", Map.of(), Map.of("runId", id), apiKey(ACME)));
    assertThat(invoke(batch)).isEqualTo("[\"r1\",\"r2\",\"r3\"]");
    assertThat(invoke(event("Run", "summary", Map.of(), Map.of("runId", "r9"), apiKey(ACME)))).isEqualTo("\"r9\"");
    assertThat(invoke(Json.mapper().createArrayNode())).isEqualTo("[]");
  }

  @Test
  void eachFieldIsResolvedInItsCallersTenantScopeWhichEndsWithTheCall() throws Exception {
    assertThat(invoke(event("Query", "scope", Map.of(), null, apiKey(ACME)))).isEqualTo("\"acme\"");
    assertThat(invoke(event("Query", "scope", Map.of(), null, apiKey(BETA)))).isEqualTo("\"beta\"");
    assertThat(TenantScope.current()).isEmpty();

    ArrayNode batch = Json.mapper().createArrayNode();
    batch.add(event("Run", "tenantScope", Map.of(), Map.of("runId", "r1"), apiKey(BETA)));
    batch.add(event("Run", "tenantScope", Map.of(), Map.of("runId", "r2"), apiKey(BETA)));
    assertThat(invoke(batch)).isEqualTo("[\"beta\",\"beta\"]");
  }

  @Test
  void aBatchMixingTenantsIsRefusedBeforeAnyResolverRuns() {
    ArrayNode batch = Json.mapper().createArrayNode();
    batch.add(event("Run", "tenantScope", Map.of(), Map.of("runId", "r1"), apiKey(ACME)));
    batch.add(event("Run", "tenantScope", Map.of(), Map.of("runId", "r2"), apiKey(BETA)));
    assertThatThrownBy(() -> invoke(batch)).isInstanceOf(BadRequest.class).hasMessage("a batch mixes callers of different tenants");
  }

  @Test
  void aBatchMixingFieldsIsRefused() {
    ArrayNode batch = Json.mapper().createArrayNode();
    batch.add(event("Run", "summary", Map.of(), Map.of("runId", "r1"), apiKey(ACME)));
    batch.add(event("Query", "echo", Map.of(), null, apiKey(ACME)));
    assertThatThrownBy(() -> invoke(batch)).isInstanceOf(BadRequest.class).hasMessage("a batch mixes Run.summary and Query.echo");
  }

  @Test
  void anUnexpectedFailureIsReportedWithoutItsDetails() {
    assertThatThrownBy(() -> invoke(event("Query", "broken", Map.of(), null, apiKey(ACME))))
        .isInstanceOf(Internal.class)
        .hasMessageStartingWith("internal error resolving Query.broken; report request id ")
        .hasMessageNotContaining("ltb-prod-main");
  }

  @Test
  void anEventWithoutInfoIsNotAResolverEvent() {
    assertThatThrownBy(() -> invoke(Map.of("arguments", Map.of())))
        .isInstanceOf(BadRequest.class)
        .hasMessageContaining("info.parentTypeName and info.fieldName are required");
  }
}
