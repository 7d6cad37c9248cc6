package dev.ltb.cdk.api;

import dev.ltb.cdk.Names;

import dev.ltb.cdk.config.CustomDomain;
import dev.ltb.cdk.config.DeploymentMode;
import dev.ltb.cdk.config.LtbConfig;
import dev.ltb.cdk.config.UsagePlanTier;
import dev.ltb.cdk.construct.LtbFunction;
import dev.ltb.cdk.construct.Nag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigateway.ApiKey;
import software.amazon.awscdk.services.apigateway.ApiKeySourceType;
import software.amazon.awscdk.services.apigateway.AuthorizationType;
import software.amazon.awscdk.services.apigateway.BasePathMapping;
import software.amazon.awscdk.services.apigateway.CognitoUserPoolsAuthorizer;
import software.amazon.awscdk.services.apigateway.DomainName;
import software.amazon.awscdk.services.apigateway.EndpointType;
import software.amazon.awscdk.services.apigateway.IAuthorizer;
import software.amazon.awscdk.services.apigateway.IdentitySource;
import software.amazon.awscdk.services.apigateway.JsonSchema;
import software.amazon.awscdk.services.apigateway.JsonSchemaType;
import software.amazon.awscdk.services.apigateway.JsonSchemaVersion;
import software.amazon.awscdk.services.apigateway.LambdaIntegration;
import software.amazon.awscdk.services.apigateway.LogGroupLogDestination;
import software.amazon.awscdk.services.apigateway.MethodLoggingLevel;
import software.amazon.awscdk.services.apigateway.MethodOptions;
import software.amazon.awscdk.services.apigateway.Model;
import software.amazon.awscdk.services.apigateway.Period;
import software.amazon.awscdk.services.apigateway.QuotaSettings;
import software.amazon.awscdk.services.apigateway.RequestAuthorizer;
import software.amazon.awscdk.services.apigateway.RequestValidator;
import software.amazon.awscdk.services.apigateway.Resource;
import software.amazon.awscdk.services.apigateway.RestApi;
import software.amazon.awscdk.services.apigateway.SecurityPolicy;
import software.amazon.awscdk.services.apigateway.StageOptions;
import software.amazon.awscdk.services.apigateway.ThrottleSettings;
import software.amazon.awscdk.services.apigateway.UsagePlan;
import software.amazon.awscdk.services.apigateway.UsagePlanPerApiStage;
import software.amazon.awscdk.services.certificatemanager.Certificate;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.route53.ARecord;
import software.amazon.awscdk.services.route53.HostedZone;
import software.amazon.awscdk.services.route53.HostedZoneAttributes;
import software.amazon.awscdk.services.route53.RecordTarget;
import software.amazon.awscdk.services.route53.targets.ApiGatewayDomain;
import software.constructs.Construct;

/**
 * The REST API in front of the REST app (issue 7): regional, access-logged, throttled, traced.
 *
 * <ul>
 *   <li>{@code ANY /{proxy+}} and {@code POST /runs}: the Lambda authorizer (JWT or tenant API key → tenant,
 *       principal, role), API key required with the key source AUTHORIZER, so usage plans throttle per tenant
 *       key (the authorizer returns the key as usageIdentifierKey).
 *   <li>{@code ANY /account/{proxy+}}: self-service of signed-in users (members, API keys, credentials) with
 *       the Cognito authorizer: a machine key can never manage keys.
 *   <li>{@code POST /hooks/{tenant}/{hook}}: the webhook ingress, authenticated by its HMAC signature.
 *   <li>{@code GET /health}: unauthenticated liveness.
 * </ul>
 */
public final class RestApiConstruct extends Construct {
  private final RestApi api;
  private final List<UsagePlan> usagePlans = new ArrayList<>();
  private final Optional<ApiKey> installationKey;
  private final Optional<DomainName> domain;
  private final Optional<String> customUrl;

  public RestApiConstruct(
      Construct scope,
      String id,
      LtbConfig config,
      Identity identity,
      LtbFunction restFunction,
      LtbFunction authorizerFunction,
      LtbFunction ingressFunction) {
    super(scope, id);
    LogGroup accessLogs =
        LogGroup.Builder.create(this, "AccessLogs")
            .logGroupName("/ltb/" + config.stage() + "/api/rest-access")
            .retention(config.logRetention())
            .removalPolicy(config.removalPolicy())
            .build();
    this.api =
        RestApi.Builder.create(this, "Api")
            .restApiName("ltb-" + config.stage() + "-rest")
            .description("LLM Test Bench REST API (" + config.stage() + ")")
            .endpointTypes(List.of(EndpointType.REGIONAL))
            .apiKeySourceType(ApiKeySourceType.AUTHORIZER)
            .cloudWatchRole(true)
            .cloudWatchRoleRemovalPolicy(RemovalPolicy.RETAIN)
            .deployOptions(
                StageOptions.builder()
                    .stageName(config.stage())
                    .accessLogDestination(new LogGroupLogDestination(accessLogs))
                    .accessLogFormat(AccessLogFormat.jsonWithStandardFields())
                    .loggingLevel(MethodLoggingLevel.ERROR)
                    .dataTraceEnabled(false)
                    .metricsEnabled(true)
                    .tracingEnabled(true)
                    .throttlingRateLimit(config.restThrottle().rateLimit())
                    .throttlingBurstLimit(config.restThrottle().burstLimit())
                    .build())
            .build();

    IAuthorizer tenantAuthorizer =
        RequestAuthorizer.Builder.create(this, "TenantAuthorizer")
            .authorizerName("ltb-" + config.stage() + "-tenant")
            .handler(authorizerFunction.alias())
            .identitySources(List.of(IdentitySource.header("Authorization")))
            // the authorizer function caches accepted credentials for 60 s too: a revoked API key stops working
            // within two minutes (docs/security.md)
            .resultsCacheTtl(Duration.seconds(60))
            .build();
    IAuthorizer userAuthorizer =
        CognitoUserPoolsAuthorizer.Builder.create(this, "UserAuthorizer")
            .authorizerName("ltb-" + config.stage() + "-users")
            .cognitoUserPools(List.of(identity.userPool()))
            .resultsCacheTtl(Duration.minutes(5))
            .build();

    LambdaIntegration rest = new LambdaIntegration(restFunction.alias());
    MethodOptions tenantAccess =
        MethodOptions.builder()
            .authorizer(tenantAuthorizer)
            .authorizationType(AuthorizationType.CUSTOM)
            .apiKeyRequired(true)
            .build();
    api.getRoot().addProxy(
        software.amazon.awscdk.services.apigateway.ProxyResourceOptions.builder()
            .anyMethod(false)
            .build())
        .addMethod("ANY", rest, tenantAccess);

    RequestValidator validator =
        RequestValidator.Builder.create(this, "Validator")
            .restApi(api)
            .requestValidatorName("body-and-parameters")
            .validateRequestBody(true)
            .validateRequestParameters(true)
            .build();
    Model startRun =
        Model.Builder.create(this, "StartRunModel")
            .restApi(api)
            .modelName("StartRun")
            .contentType("application/json")
            .schema(
                JsonSchema.builder()
                    .schema(JsonSchemaVersion.DRAFT4)
                    .type(JsonSchemaType.OBJECT)
                    .properties(
                        Map.of(
                            "suiteId", JsonSchema.builder().type(JsonSchemaType.STRING).minLength(1).build(),
                            "suite", JsonSchema.builder().type(List.of(JsonSchemaType.STRING, JsonSchemaType.OBJECT)).build()))
                    .build())
            .build();
    // An explicit resource hides the root proxy below it: /runs gets ANY and its own proxy besides the POST.
    Resource runs = api.getRoot().addResource("runs");
    runs.addMethod("ANY", rest, tenantAccess);
    runs.addProxy(software.amazon.awscdk.services.apigateway.ProxyResourceOptions.builder().anyMethod(false).build())
        .addMethod("ANY", rest, tenantAccess);
    runs
        .addMethod(
            "POST",
            rest,
            MethodOptions.builder()
                .authorizer(tenantAuthorizer)
                .authorizationType(AuthorizationType.CUSTOM)
                .apiKeyRequired(true)
                .requestValidator(validator)
                .requestModels(Map.of("application/json", startRun))
                .build());

    Resource account = api.getRoot().addResource("account");
    MethodOptions userAccess =
        MethodOptions.builder().authorizer(userAuthorizer).authorizationType(AuthorizationType.COGNITO).build();
    account.addMethod("ANY", rest, userAccess);
    account.addProxy(software.amazon.awscdk.services.apigateway.ProxyResourceOptions.builder().anyMethod(false).build())
        .addMethod("ANY", rest, userAccess);

    Resource hook = api.getRoot().addResource("hooks").addResource("{tenant}").addResource("{hook}");
    hook.addMethod(
        "POST",
        new LambdaIntegration(ingressFunction.alias()),
        MethodOptions.builder()
            .authorizationType(AuthorizationType.NONE)
            .requestValidator(validator)
            .requestParameters(Map.of("method.request.path.tenant", true, "method.request.path.hook", true))
            .requestModels(Map.of("application/json", Model.EMPTY_MODEL))
            .build());
    api.getRoot().addResource("health").addMethod("GET", rest, MethodOptions.builder().authorizationType(AuthorizationType.NONE).build());

    for (UsagePlanTier tier : config.usagePlans()) {
      usagePlans.add(
          api.addUsagePlan(
              "Plan-" + tier.name(),
              software.amazon.awscdk.services.apigateway.UsagePlanProps.builder()
                  .name("ltb-" + config.stage() + "-" + tier.name())
                  .description("Per-key throttling and daily quota of the " + tier.name() + " tier")
                  .throttle(
                      ThrottleSettings.builder()
                          .rateLimit(tier.throttle().rateLimit())
                          .burstLimit(tier.throttle().burstLimit())
                          .build())
                  .quota(QuotaSettings.builder().limit(tier.requestsPerDay()).period(Period.DAY).build())
                  .apiStages(List.of(UsagePlanPerApiStage.builder().api(api).stage(api.getDeploymentStage()).build()))
                  .build()));
    }
    if (config.mode() == DeploymentMode.SINGLE_ACCOUNT) {
      ApiKey key =
          ApiKey.Builder.create(this, "InstallationKey")
              .apiKeyName("ltb-" + config.stage() + "-installation")
              // not a credential (the key source is the authorizer, callers never send it): the authorizer
              // returns this value as usageIdentifierKey, so it is fixed here and passed to it
              .value(Names.installationUsageKey(config.stage()))
              .description("Usage identifier the authorizer returns for every caller of a single-account install")
              .build();
      usagePlans.get(0).addApiKey(key);
      this.installationKey = Optional.of(key);
    } else {
      this.installationKey = Optional.empty();
    }

    this.domain = config.customDomain().map(custom -> customDomain(custom));
    this.customUrl = config.customDomain().map(custom -> "https://" + custom.restName() + "/");

    Nag.suppress(
        api,
        "AwsSolutions-IAM4",
        "The account-level API Gateway logging role uses the AWS managed AmazonAPIGatewayPushToCloudWatchLogs policy,"
            + " which is scoped to log delivery",
        List.of("Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs"));
    Nag.suppress(
        api,
        "AwsSolutions-APIG3",
        "AWS WAF is an operator choice (billed per web ACL and request); the API is throttled per stage and per key");
    Nag.suppress(
        api,
        "AwsSolutions-APIG4",
        "GET /health is public by design; POST /hooks/{tenant}/{hook} is authenticated by its HMAC signature (issue 8)"
            + " inside the ingress function; OPTIONS is not routed");
    Nag.suppress(
        api,
        "AwsSolutions-COG4",
        "Tenant routes use the Lambda authorizer, which accepts Cognito JWTs and tenant API keys alike; /account uses"
            + " the Cognito authorizer; /health and /hooks are public (see APIG4)");
  }

  private DomainName customDomain(CustomDomain custom) {
    DomainName name =
        DomainName.Builder.create(this, "Domain")
            .domainName(custom.restName())
            .certificate(Certificate.fromCertificateArn(this, "Certificate", custom.certificateArn()))
            .endpointType(EndpointType.REGIONAL)
            .securityPolicy(SecurityPolicy.TLS_1_2)
            .build();
    BasePathMapping.Builder.create(this, "Mapping").domainName(name).restApi(api).stage(api.getDeploymentStage()).build();
    ARecord.Builder.create(this, "Record")
        .zone(
            HostedZone.fromHostedZoneAttributes(
                this,
                "Zone",
                HostedZoneAttributes.builder().hostedZoneId(custom.hostedZoneId()).zoneName(custom.domainName()).build()))
        .recordName(custom.restName())
        .target(RecordTarget.fromAlias(new ApiGatewayDomain(name)))
        .build();
    return name;
  }

  public RestApi api() {
    return api;
  }

  public List<UsagePlan> usagePlans() {
    return List.copyOf(usagePlans);
  }

  public Optional<ApiKey> installationKey() {
    return installationKey;
  }

  /** The URL users call: the custom domain when there is one, else the stage URL. */
  public String url() {
    return customUrl.orElse(api.getUrl());
  }
}
