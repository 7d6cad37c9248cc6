package dev.ltb.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ltb.cdk.api.GraphqlApiConstruct;
import dev.ltb.cdk.api.SchemaFields;
import dev.ltb.cdk.config.UsagePlanTier;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class ApiStackTest {
  private final Deployment deployment = Deployment.singleAccount();
  private final Template template = deployment.template(deployment.stacks().api());

  @Test
  void usersGetTheirRoleFromGroupsAndCannotWriteTheirTenantOrRole() {
    // the authorizer reads the role from cognito:groups: one group per user role of the permission matrix
    List<Map<String, Object>> groups = Cfn.propertiesOf(template, "AWS::Cognito::UserPoolGroup");
    assertThat(groups).extracting(g -> g.get("GroupName")).containsExactly("owner", "admin", "member", "viewer");
    Map<String, Object> client = Cfn.propertiesOf(template, "AWS::Cognito::UserPoolClient").get(0);
    assertThat(client.get("WriteAttributes").toString()).doesNotContain("custom:");
    assertThat(client.get("ReadAttributes").toString()).contains("custom:tenant");
  }

  @Test
  void restApiHasACognitoAndALambdaAuthorizer() {
    template.hasResourceProperties("AWS::ApiGateway::Authorizer", Map.of("Type", "COGNITO_USER_POOLS", "Name", "ltb-dev-users"));
    template.hasResourceProperties(
        "AWS::ApiGateway::Authorizer",
        Map.of(
            "Type", "REQUEST",
            "Name", "ltb-dev-tenant",
            "IdentitySource", "method.request.header.Authorization",
            "AuthorizerResultTtlInSeconds", 60,
            "AuthorizerUri", Match.anyValue()));
    template.hasResourceProperties("AWS::ApiGateway::RestApi", Map.of("ApiKeySourceType", "AUTHORIZER"));
  }

  @Test
  void tenantRoutesNeedTheAuthorizerAndAKeyAccountRoutesNeedAUserHooksAndHealthAreOpen() {
    List<Map<String, Object>> methods = Cfn.propertiesOf(template, "AWS::ApiGateway::Method");
    assertThat(methods).filteredOn(m -> "CUSTOM".equals(m.get("AuthorizationType"))).isNotEmpty()
        .allSatisfy(m -> assertThat(m.get("ApiKeyRequired")).isEqualTo(true));
    assertThat(methods).filteredOn(m -> "COGNITO_USER_POOLS".equals(m.get("AuthorizationType"))).hasSize(2);
    // Only POST /hooks/{tenant}/{hook} (HMAC-signed) and GET /health go without an authorizer.
    assertThat(methods).filteredOn(m -> "NONE".equals(m.get("AuthorizationType")))
        .extracting(m -> m.get("HttpMethod"))
        .containsExactlyInAnyOrder("POST", "GET");
  }

  @Test
  void requestsAreValidatedBeforeTheyReachAFunction() {
    template.hasResourceProperties(
        "AWS::ApiGateway::RequestValidator", Map.of("ValidateRequestBody", true, "ValidateRequestParameters", true));
    template.hasResourceProperties(
        "AWS::ApiGateway::Method",
        Map.of(
            "HttpMethod", "POST",
            "AuthorizationType", "NONE",
            "RequestParameters", Map.of("method.request.path.tenant", true, "method.request.path.hook", true),
            "RequestValidatorId", Match.anyValue()));
    template.hasResourceProperties("AWS::ApiGateway::Model", Map.of("Name", "StartRun", "ContentType", "application/json"));
  }

  @Test
  void stageIsThrottledTracedAndAccessLogged() {
    template.hasResourceProperties(
        "AWS::ApiGateway::Stage",
        Map.of(
            "StageName", "dev",
            "TracingEnabled", true,
            "AccessLogSetting", Match.objectLike(Map.of("DestinationArn", Match.anyValue())),
            "MethodSettings",
                List.of(
                    Match.objectLike(
                        Map.of(
                            "ThrottlingRateLimit", deployment.config().restThrottle().rateLimit(),
                            "ThrottlingBurstLimit", deployment.config().restThrottle().burstLimit(),
                            "LoggingLevel", "ERROR",
                            "DataTraceEnabled", false)))));
  }

  @Test
  void usagePlansThrottleAndCapEachKeyAndTheInstallationHasOneKey() {
    UsagePlanTier tier = deployment.config().usagePlans().get(0);
    template.hasResourceProperties(
        "AWS::ApiGateway::UsagePlan",
        Map.of(
            "UsagePlanName", "ltb-dev-installation",
            "Throttle", Map.of("RateLimit", tier.throttle().rateLimit(), "BurstLimit", tier.throttle().burstLimit()),
            "Quota", Map.of("Limit", tier.requestsPerDay(), "Period", "DAY")));
    template.resourceCountIs("AWS::ApiGateway::ApiKey", 1);
    template.resourceCountIs("AWS::ApiGateway::UsagePlanKey", 1);
    Template saas = Deployment.saasProduction().template(Deployment.saasProduction().stacks().api());
    saas.resourceCountIs("AWS::ApiGateway::UsagePlan", 3);
    saas.resourceCountIs("AWS::ApiGateway::ApiKey", 0);
  }

  @Test
  void appSyncUsesUserPoolsLambdaAndIamWithLoggingAndTracing() {
    template.hasResourceProperties(
        "AWS::AppSync::GraphQLApi",
        Map.of(
            "AuthenticationType", "AMAZON_COGNITO_USER_POOLS",
            "AdditionalAuthenticationProviders",
                Match.arrayWith(
                    List.of(
                        Match.objectLike(Map.of("AuthenticationType", "AWS_LAMBDA")),
                        Match.objectLike(Map.of("AuthenticationType", "AWS_IAM")))),
            "LogConfig", Match.objectLike(Map.of("FieldLogLevel", "ERROR", "CloudWatchLogsRoleArn", Match.anyValue())),
            "XrayEnabled", true));
    template.hasResourceProperties(
        "AWS::AppSync::GraphQLSchema", Map.of("Definition", Match.stringLikeRegexp("[\\s\\S]*onRunProgress\\(runId: ID!\\)[\\s\\S]*")));
  }

  @Test
  void everySchemaFieldTheCdkWiresHasAResolver() {
    List<Map<String, Object>> resolvers = Cfn.propertiesOf(template, "AWS::AppSync::Resolver");
    List<String> wired = resolvers.stream().map(r -> r.get("TypeName") + "." + r.get("FieldName")).toList();
    String schema = readSchema();
    List<String> expected = new java.util.ArrayList<>();
    for (String query : SchemaFields.of(schema, "Query")) expected.add("Query." + query);
    for (String mutation : SchemaFields.of(schema, "Mutation")) expected.add("Mutation." + mutation);
    for (String subscription : SchemaFields.of(schema, "Subscription")) expected.add("Subscription." + subscription);
    expected.add("Run.summary");
    assertThat(wired).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(wired)
        .contains(
            "Query.run", "Query.runs", "Query.results", "Mutation.startRun", "Mutation.cancelRun",
            "Mutation.publishRunProgress", "Mutation.publishRunCompleted",
            "Subscription.onRunProgress", "Subscription.onRunCompleted");
    assertThat(resolvers)
        .filteredOn(r -> "Run".equals(r.get("TypeName")))
        .singleElement()
        .satisfies(r -> assertThat(r.get("MaxBatchSize")).isEqualTo(GraphqlApiConstruct.SUMMARY_BATCH));
    assertThat(resolvers)
        .filteredOn(r -> GraphqlApiConstruct.PUBLISH_MUTATIONS.contains(r.get("FieldName")))
        .allSatisfy(r -> assertThat(r.get("Code").toString()).contains("payload: ctx.args"));
    assertThat(resolvers)
        .filteredOn(r -> "Subscription".equals(r.get("TypeName")))
        .allSatisfy(r -> assertThat(r.get("Code").toString()).contains("setSubscriptionFilter", "tenantId"));
    assertThat(GraphqlApiConstruct.PUBLISH_MUTATIONS).hasSize(2);
  }

  private static String readSchema() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("../docs/api/schema.graphql"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void onlyThePublisherMayCallThePublishMutations() {
    assertThat(Cfn.policyStatements(template))
        .filteredOn(s -> Cfn.list(s.get("Action")).contains("appsync:GraphQL"))
        .singleElement()
        .satisfies(
            s ->
                assertThat(Cfn.list(s.get("Resource")))
                    .allSatisfy(r -> assertThat(r).matches(".*/types/Mutation/fields/publishRun(Progress|Completed)")));
  }

  @Test
  void webSocketApiAuthenticatesConnectInTheFunctionAndIsThrottled() {
    template.hasResourceProperties(
        "AWS::ApiGatewayV2::Api",
        Map.of("ProtocolType", "WEBSOCKET", "RouteSelectionExpression", "$request.body.action"));
    List<String> routes =
        Cfn.propertiesOf(template, "AWS::ApiGatewayV2::Route").stream().map(r -> (String) r.get("RouteKey")).toList();
    assertThat(routes).containsExactlyInAnyOrder("$connect", "$disconnect", "subscribe", "unsubscribe");
    // no REQUEST authorizer: its identity source could name the query string or Sec-WebSocket-Protocol, not both
    template.hasResourceProperties(
        "AWS::ApiGatewayV2::Route", Map.of("RouteKey", "$connect", "AuthorizationType", "NONE"));
    assertThat(Cfn.propertiesOf(template, "AWS::ApiGatewayV2::Authorizer")).isEmpty();
    Map<String, Object> webSocketEnv = Cfn.propertiesOf(template, "AWS::Lambda::Function").stream()
        .filter(f -> String.valueOf(f.get("Environment")).contains("QUARKUS_LAMBDA_HANDLER=websocket"))
        .findFirst().orElseThrow();
    assertThat(String.valueOf(webSocketEnv.get("Environment"))).contains("LTB_USER_POOL_ID", "LTB_USER_POOL_CLIENT_ID");
    template.hasResourceProperties(
        "AWS::ApiGatewayV2::Stage",
        Map.of(
            "StageName", "dev",
            "AutoDeploy", true,
            "DefaultRouteSettings",
                Match.objectLike(
                    Map.of(
                        "ThrottlingRateLimit", deployment.config().webSocketThrottle().rateLimit(),
                        "ThrottlingBurstLimit", deployment.config().webSocketThrottle().burstLimit())),
            "AccessLogSettings", Match.objectLike(Map.of("DestinationArn", Match.anyValue()))));
  }

  @Test
  void userPoolHasAStrongPasswordPolicyAndAPublicClientWithoutSecret() {
    template.hasResourceProperties(
        "AWS::Cognito::UserPool",
        Map.of(
            "Policies",
                Map.of(
                    "PasswordPolicy",
                    Match.objectLike(Map.of("MinimumLength", 12, "RequireSymbols", true, "RequireNumbers", true))),
            "AdminCreateUserConfig", Map.of("AllowAdminCreateUserOnly", true),
            "MfaConfiguration", "OPTIONAL"));
    template.hasResourceProperties(
        "AWS::Cognito::UserPoolClient",
        Map.of("GenerateSecret", false, "PreventUserExistenceErrors", "ENABLED", "EnableTokenRevocation", true));
    Template saas = Deployment.saasProduction().template(Deployment.saasProduction().stacks().api());
    saas.hasResourceProperties(
        "AWS::Cognito::UserPool", Map.of("AdminCreateUserConfig", Map.of("AllowAdminCreateUserOnly", false)));
  }

  @Test
  void outputsTellUsersWhereToConnect() {
    for (String output : List.of("RestApiUrl", "GraphqlUrl", "WebSocketUrl", "UserPoolId", "UserPoolClientId", "InstallationApiKeyId")) {
      template.hasOutput(output, Match.anyValue());
    }
  }

  @Test
  void customDomainPointsApiAndWsNamesAtTheApis() {
    Template saas = Deployment.saasProduction().template(Deployment.saasProduction().stacks().api());
    saas.hasResourceProperties(
        "AWS::ApiGateway::DomainName",
        Map.of("DomainName", "api.bench.example.com", "SecurityPolicy", "TLS_1_2"));
    saas.hasResourceProperties("AWS::ApiGatewayV2::DomainName", Map.of("DomainName", "ws.bench.example.com"));
    saas.resourceCountIs("AWS::Route53::RecordSet", 2);
    saas.hasOutput("RestApiUrl", Map.of("Value", Match.stringLikeRegexp("https://.*")));
  }
}
