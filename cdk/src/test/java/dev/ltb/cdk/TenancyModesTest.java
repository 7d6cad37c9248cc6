package dev.ltb.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ltb.cdk.config.FunctionKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

/**
 * What each deployment mode changes for tenants: single account puts every user into the installation's tenant
 * ({@code LTB_FIXED_TENANT} on every function that authenticates users); SaaS instead onboards each self-signed-up
 * user through the pool's Post Confirmation trigger, with access to that pool only. The webhook ingress starts runs
 * with the API's variables and permissions in both.
 */
class TenancyModesTest {
  private final Deployment single = Deployment.singleAccount();
  private final Deployment saas = Deployment.saasProduction();
  private final Template singleApi = single.template(single.stacks().api());
  private final Template saasApi = saas.template(saas.stacks().api());

  static final List<FunctionKind> USER_AUTHENTICATING =
      List.of(FunctionKind.AUTHORIZER, FunctionKind.GRAPHQL, FunctionKind.WEBSOCKET);

  @Test
  void singleAccountPutsEveryUserOfThePoolIntoTheInstallationsTenant() {
    for (FunctionKind kind : USER_AUTHENTICATING)
      assertThat(env(singleApi, kind).get(Names.Env.FIXED_TENANT)).as(kind.id()).isEqualTo("default");
    assertThat(functionsReading(singleApi, Names.Env.FIXED_TENANT)).hasSize(USER_AUTHENTICATING.size());
  }

  @Test
  void singleAccountHasNoSignUpTrigger() {
    assertThat(function(singleApi, FunctionKind.POST_CONFIRMATION)).isNull();
    assertThat(Cfn.propertiesOf(singleApi, "AWS::Cognito::UserPool").get(0)).doesNotContainKey("LambdaConfig");
  }

  static final List<FunctionKind> STARTING_RUNS =
      List.of(FunctionKind.REST_API, FunctionKind.GRAPHQL, FunctionKind.WEBHOOK_INGRESS);

  @Test
  void saasPutsTenantsWithoutAPlanRecordOnTheSignUpPlanAndSingleAccountLeavesTheInstallationUnlimited() {
    for (FunctionKind kind : STARTING_RUNS)
      assertThat(env(saasApi, kind).get(Names.Env.DEFAULT_PLAN)).as(kind.id()).isEqualTo("free");
    assertThat(functionsReading(singleApi, Names.Env.DEFAULT_PLAN)).isEmpty();
  }

  @Test
  void saasReadsTheTenantFromEachUserAndSetsNoFixedTenant() {
    assertThat(functionsReading(saasApi, Names.Env.FIXED_TENANT)).isEmpty();
  }

  @Test
  void saasOnboardsSelfSignedUpUsersThroughThePostConfirmationTrigger() {
    Map<String, Object> pool = Cfn.propertiesOf(saasApi, "AWS::Cognito::UserPool").get(0);
    assertThat(pool.get("AdminCreateUserConfig").toString()).contains("AllowAdminCreateUserOnly=false");
    String trigger = Cfn.text(((Map<?, ?>) pool.get("LambdaConfig")).get("PostConfirmation"));
    assertThat(trigger).startsWith("<Ref:PostConfirmationFunctionLive");
    assertThat(Cfn.propertiesOf(saasApi, "AWS::Lambda::Permission"))
        .anySatisfy(permission -> {
          assertThat(permission.get("Principal")).isEqualTo("cognito-idp.amazonaws.com");
          assertThat(Cfn.text(permission.get("FunctionName"))).startsWith("<Ref:PostConfirmationFunctionLive");
          assertThat(Cfn.text(permission.get("SourceArn"))).matches("<IdentityUsers[A-Za-z0-9]+\\.Arn>");
        });
    Map<String, Object> env = env(saasApi, FunctionKind.POST_CONFIRMATION);
    assertThat(env.get(Names.Env.SIGN_UP_PLAN)).isEqualTo("free");
    assertThat(Cfn.text(env.get(Names.Env.TABLE))).contains("Data:ExportsOutputRefTable");
    assertThat(env.get(Names.Env.QUARKUS_HANDLER)).isEqualTo("post-confirmation");
  }

  @Test
  void theSignUpTriggerMayWriteTableItemsAndOnboardUsersOfThisPoolOnly() {
    List<Map<String, Object>> statements = statementsOfRole(saasApi, "PostConfirmationFunctionRole");
    List<String> actions = statements.stream().flatMap(s -> Cfn.list(s.get("Action")).stream()).toList();
    assertThat(actions)
        .filteredOn(a -> !a.startsWith("logs:") && !a.startsWith("xray:"))
        .containsExactlyInAnyOrder(
            "dynamodb:PutItem", "cognito-idp:AdminGetUser", "cognito-idp:AdminUpdateUserAttributes",
            "cognito-idp:AdminAddUserToGroup");
    assertThat(statements)
        .filteredOn(s -> Cfn.list(s.get("Action")).stream().anyMatch(a -> a.startsWith("cognito-idp:")))
        .singleElement()
        .satisfies(s -> assertThat(Cfn.list(s.get("Resource"))).singleElement().asString()
            .matches("<IdentityUsers[A-Za-z0-9]+\\.Arn>"));
  }

  @Test
  void theWebhookIngressGetsWhatTheApisRunServiceNeedsInBothModes() {
    for (Template api : List.of(singleApi, saasApi)) {
      Map<String, Object> env = env(api, FunctionKind.WEBHOOK_INGRESS);
      assertThat(env).containsKeys(Names.Env.TABLE, Names.Env.BUCKET, Names.Env.STATE_MACHINE_ARN,
          Names.Env.CANCEL_FUNCTION_ARN, Names.Env.SECRETS_PREFIX);
      List<String> actions = statementsOfRole(api, "WebhookIngressFunctionRole").stream()
          .flatMap(s -> Cfn.list(s.get("Action")).stream()).toList();
      assertThat(actions).contains("states:StartExecution", "dynamodb:GetItem", "dynamodb:PutItem",
          "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:Query", "s3:GetObject", "s3:PutObject",
          "secretsmanager:GetSecretValue");
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> statementsOfRole(Template template, String rolePrefix) {
    return Cfn.resources(template, "AWS::IAM::Policy").values().stream()
        .map(Cfn::properties)
        .filter(p -> Cfn.list(p.get("Roles")).stream().anyMatch(r -> r.startsWith("<Ref:" + rolePrefix)))
        .flatMap(p -> ((List<Map<String, Object>>) ((Map<String, Object>) p.get("PolicyDocument")).get("Statement")).stream())
        .toList();
  }

  private static List<Map<String, Object>> functionsReading(Template template, String variable) {
    return Cfn.propertiesOf(template, "AWS::Lambda::Function").stream()
        .filter(f -> variables(f).containsKey(variable))
        .toList();
  }

  private static Map<String, Object> function(Template template, FunctionKind kind) {
    return Cfn.propertiesOf(template, "AWS::Lambda::Function").stream()
        .filter(f -> kind.description().equals(f.get("Description")))
        .findFirst()
        .orElse(null);
  }

  private static Map<String, Object> env(Template template, FunctionKind kind) {
    Map<String, Object> function = function(template, kind);
    assertThat(function).as("function %s", kind.id()).isNotNull();
    return variables(function);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> variables(Map<String, Object> function) {
    return (Map<String, Object>) ((Map<String, Object>) function.getOrDefault("Environment", Map.of()))
        .getOrDefault("Variables", Map.of());
  }
}
