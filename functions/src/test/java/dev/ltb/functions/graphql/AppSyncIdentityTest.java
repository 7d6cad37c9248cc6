package dev.ltb.functions.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.functions.graphql.errors.Unauthorized;
import dev.ltb.json.Json;
import dev.ltb.security.Principal;
import dev.ltb.security.PrincipalKind;
import dev.ltb.security.Role;
import dev.ltb.tenancy.TenantId;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** AppSync's documented identity shapes (checked-in fixtures) become the caller the use cases check. */
class AppSyncIdentityTest {

  private final AppSyncIdentity identity = AppSyncIdentity.defaults();

  static ObjectNode fixture(String name) {
    try (InputStream in = AppSyncIdentityTest.class.getResourceAsStream("/events/appsync/" + name)) {
      return (ObjectNode) Json.mapper().readTree(in);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aCognitoUserIsInTheTenantOfItsClaimWithItsMostPrivilegedRoleGroup() {
    Principal principal = identity.principal(fixture("identity-cognito.json"));
    assertThat(principal)
        .isEqualTo(
            new Principal(TenantId.of("acme"), "7d8ca528-4931-4254-9273-ea5ee853f271", Role.MEMBER, PrincipalKind.USER));
  }

  @Test
  void anApiKeyIsTheTenantAndRoleTheLambdaAuthorizerPutInItsResolverContext() {
    Principal principal = identity.principal(fixture("identity-lambda.json"));
    assertThat(principal)
        .isEqualTo(new Principal(TenantId.of("acme"), "key:AbCdEf123456", Role.SERVICE, PrincipalKind.API_KEY));
  }

  @Test
  void aUserTokenThroughTheAuthorizerKeepsItsUserRole() {
    ObjectNode event = fixture("identity-lambda.json");
    ((ObjectNode) event.get("resolverContext")).put("role", "admin").put("principalKind", "user").put("principalId", "sub-1");
    assertThat(identity.principal(event))
        .isEqualTo(new Principal(TenantId.of("acme"), "sub-1", Role.ADMIN, PrincipalKind.USER));
  }

  @Test
  void aSingleTenantDeploymentPutsEveryUserInItsTenant() {
    ObjectNode event = fixture("identity-cognito.json");
    ((ObjectNode) event.get("claims")).remove("custom:tenant");
    Principal principal =
        new AppSyncIdentity("custom:tenant", "cognito:groups", TenantId.of("solo")).principal(event);
    assertThat(principal.tenantId()).isEqualTo(TenantId.of("solo"));
  }

  @Test
  void identitiesNamingNoTenantOrRoleAreRefusedWithOneMessage() {
    ObjectNode noTenant = fixture("identity-cognito.json");
    ((ObjectNode) noTenant.get("claims")).remove("custom:tenant");
    ObjectNode badTenant = fixture("identity-cognito.json");
    ((ObjectNode) badTenant.get("claims")).put("custom:tenant", "ACME/../other");
    ObjectNode noRole = fixture("identity-cognito.json");
    ((ObjectNode) noRole.get("claims")).putArray("cognito:groups").add("beta-testers");
    noRole.putArray("groups").add("beta-testers");
    ObjectNode serviceUser = fixture("identity-cognito.json");
    ((ObjectNode) serviceUser.get("claims")).putArray("cognito:groups").add("service");
    serviceUser.remove("groups");
    ObjectNode unknownRole = fixture("identity-lambda.json");
    ((ObjectNode) unknownRole.get("resolverContext")).put("role", "root");
    ObjectNode noTenantKey = fixture("identity-lambda.json");
    ((ObjectNode) noTenantKey.get("resolverContext")).remove("tenantId");

    for (JsonNode refused :
        new JsonNode[] {
          noTenant, badTenant, noRole, serviceUser, unknownRole, noTenantKey, fixture("identity-iam.json"),
          Json.mapper().nullNode()
        }) {
      assertThatThrownBy(() -> identity.principal(refused))
          .as(refused.toString())
          .isInstanceOf(Unauthorized.class)
          .hasMessage("not authorized: sign in again or use a valid API key");
    }
  }
}
