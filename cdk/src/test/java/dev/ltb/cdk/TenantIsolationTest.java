package dev.ltb.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ltb.cdk.stack.DataStack;
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
  void functionsThatServeTenantsAreToldTheTenantRole() {
    Template functions = saas.template(saas.stacks().functions());
    assertThat(Cfn.propertiesOf(functions, "AWS::Lambda::Function"))
        .allSatisfy(f -> assertThat(f.get("Environment").toString()).contains(Names.Env.TENANT_ROLE_ARN));
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> statement(String sid) {
    return Cfn.policyStatements(data).stream()
        .filter(s -> sid.equals(s.get("Sid")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no statement " + sid));
  }
}
