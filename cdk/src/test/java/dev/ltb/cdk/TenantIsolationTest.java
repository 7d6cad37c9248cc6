package dev.ltb.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ltb.cdk.config.FunctionKind;
import dev.ltb.cdk.stack.DataStack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

/** The second wall of SaaS mode: IAM itself limits the tenant role to one tenant's keys and objects. */
class TenantIsolationTest {
  private final Deployment saas = Deployment.saasProduction();
  private final Template data = saas.template(saas.stacks().data());

  @Test
  void tenantRoleCanOnlyTouchItemsWhoseKeyStartsWithItsSessionTag() {
    String tenant = "${aws:PrincipalTag/" + DataStack.TENANT_SESSION_TAG + "}";
    Map<String, Object> statement = statement("TenantItemsOnly");
    assertThat(Cfn.list(statement.get("Action"))).contains("dynamodb:Query", "dynamodb:PutItem").doesNotContain("dynamodb:Scan");
    assertThat(statement.get("Condition"))
        .isEqualTo(
            Map.of(
                "ForAllValues:StringLike",
                Map.of("dynamodb:LeadingKeys", List.of("TENANT#" + tenant, "TENANT#" + tenant + "#*"))));
  }

  @Test
  void tenantRoleCanOnlyReadAndWriteObjectsUnderItsOwnPrefix() {
    assertThat(Cfn.list(statement("TenantObjectsOnly").get("Resource")))
        .singleElement()
        .asString()
        .endsWith("/tenants/${aws:PrincipalTag/tenant}/*");
    assertThat(statement("ListTenantPrefixOnly").get("Condition"))
        .isEqualTo(Map.of("StringLike", Map.of("s3:prefix", List.of("tenants/${aws:PrincipalTag/tenant}/*"))));
  }

  @Test
  void onlyThisStagesRolesMayAssumeTheTenantRoleAndOnlyWithATenantTag() {
    Map<String, Object> role =
        Cfn.properties(
            Cfn.resources(data, "AWS::IAM::Role").entrySet().stream()
                .filter(e -> e.getKey().startsWith("TenantDataRole"))
                .findFirst()
                .orElseThrow()
                .getValue());
    String trust = role.get("AssumeRolePolicyDocument").toString();
    assertThat(trust)
        .contains("sts:AssumeRole", "sts:TagSession")
        .contains("aws:RequestTag/tenant=?*")
        .contains(":role/Ltb-prod-*");
  }

  @Test
  void tenantRoleMayQueryTheRunsIndexWhoseKeysAreTheTableKeys() {
    // the REST app lists a tenant's runs with a Query on runsByCreatedAt, signed as the tenant
    assertThat(Cfn.list(statement("TenantItemsOnly").get("Resource")))
        .hasSize(3)
        .anySatisfy(arn -> assertThat(arn).endsWith("/index/" + Names.Table.RUNS_INDEX));
  }

  @Test
  void onlyTheRestAppAndTheResolversAreToldTheTenantRoleAndMayAssumeItWithTags() {
    Template api = saas.template(saas.stacks().api());
    assertThat(functionsWithTenantRoleVariable(api))
        .containsExactlyInAnyOrder(FunctionKind.REST_API.description(), FunctionKind.GRAPHQL.description());
    assertThat(functionsWithTenantRoleVariable(saas.template(saas.stacks().functions()))).isEmpty();

    List<String> assumingRoles = new ArrayList<>();
    for (Map<String, Object> policy : Cfn.propertiesOf(api, "AWS::IAM::Policy")) {
      var assume = statements(policy).stream().filter(st -> "AssumeTenantDataRole".equals(st.get("Sid"))).findFirst();
      if (assume.isEmpty()) continue;
      assertThat(Cfn.list(assume.get().get("Action"))).containsExactly("sts:AssumeRole", "sts:TagSession");
      assertThat(Cfn.list(assume.get().get("Resource"))).singleElement().asString().contains("TenantDataRole");
      assumingRoles.addAll(Cfn.list(policy.get("Roles")));
    }
    Map<String, Map<String, Object>> roles = Cfn.resources(api, "AWS::IAM::Role");
    assertThat(assumingRoles)
        .map(ref -> Cfn.text(Cfn.properties(roles.get(ref.substring("<Ref:".length(), ref.length() - 1))).get("Description")))
        .containsExactlyInAnyOrder(
            "ltb prod rest-api: " + FunctionKind.REST_API.description(),
            "ltb prod graphql: " + FunctionKind.GRAPHQL.description());
  }

  @Test
  void singleAccountStacksHaveNoTenantRoleToAssume() {
    Deployment single = Deployment.singleAccount();
    Template api = single.template(single.stacks().api());
    assertThat(functionsWithTenantRoleVariable(api)).isEmpty();
    assertThat(Cfn.policyStatements(api)).noneMatch(st -> "AssumeTenantDataRole".equals(st.get("Sid")));
  }

  private static List<String> functionsWithTenantRoleVariable(Template template) {
    return Cfn.propertiesOf(template, "AWS::Lambda::Function").stream()
        .filter(f -> String.valueOf(f.get("Environment")).contains(Names.Env.TENANT_ROLE_ARN))
        .map(f -> Cfn.text(f.get("Description")))
        .toList();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> statements(Map<String, Object> policy) {
    return (List<Map<String, Object>>) ((Map<String, Object>) policy.get("PolicyDocument")).get("Statement");
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> statement(String sid) {
    return Cfn.policyStatements(data).stream()
        .filter(s -> sid.equals(s.get("Sid")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no statement " + sid));
  }
}
