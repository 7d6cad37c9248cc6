package dev.ltb.cdk.stack;

import dev.ltb.cdk.Names;
import dev.ltb.cdk.api.GraphqlApiConstruct;
import dev.ltb.cdk.api.Identity;
import dev.ltb.cdk.api.RestApiConstruct;
import dev.ltb.cdk.api.WebSocketApiConstruct;
import dev.ltb.cdk.config.DeploymentMode;
import dev.ltb.cdk.config.FunctionKind;
import dev.ltb.cdk.config.LtbConfig;
import dev.ltb.cdk.construct.Access;
import dev.ltb.cdk.construct.FunctionsCode;
import dev.ltb.cdk.construct.LtbFunction;
import dev.ltb.cdk.construct.Nag;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.apigateway.UsagePlan;
import software.amazon.awscdk.services.cognito.UserPoolOperation;
import software.amazon.awscdk.services.iam.Policy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.lambda.StartingPosition;
import software.amazon.awscdk.services.lambda.eventsources.DynamoEventSource;
import software.amazon.awscdk.services.lambda.eventsources.SqsDlq;
import software.amazon.awscdk.services.ssm.StringParameter;
import software.constructs.Construct;

/**
 * The three doors and who may open them: Cognito users, the Lambda authorizer, the REST API with usage
 * plans, the AppSync API, the WebSocket API, the webhook ingress, and the progress publisher that turns run
 * events (the events table's stream) into subscription and WebSocket messages.
 */
public final class ApiStack extends Stack {
  private final Map<FunctionKind, LtbFunction> functions = new EnumMap<>(FunctionKind.class);
  private final Identity identity;
  private final RestApiConstruct rest;
  private final GraphqlApiConstruct graphql;
  private final WebSocketApiConstruct webSocket;

  public ApiStack(
      Construct scope,
      String id,
      StackProps props,
      LtbConfig config,
      FunctionsCode code,
      DataStack data,
      QueuesStack queues,
      FunctionsStack pipeline) {
    super(scope, id, props);
    String stage = config.stage();
    String stateMachineArn = Access.stateMachineArn(this, stage);
    LtbFunction cancel = pipeline.function(FunctionKind.CANCEL);

    this.identity = new Identity(this, "Identity", config);

    Map<String, String> dataEnv = new LinkedHashMap<>();
    dataEnv.put(Names.Env.TABLE, data.table().getTableName());
    dataEnv.put(Names.Env.EVENTS_TABLE, data.eventsTable().getTableName());
    dataEnv.put(Names.Env.BUCKET, data.bucket().getBucketName());
    Map<String, String> runEnv = new LinkedHashMap<>(dataEnv);
    runEnv.put(Names.Env.STATE_MACHINE_ARN, stateMachineArn);
    runEnv.put(Names.Env.CANCEL_FUNCTION_ARN, cancel.alias().getFunctionArn());
    runEnv.put(Names.Env.SECRETS_PREFIX, Names.secretsPrefix(stage));
    // SaaS: a tenant nobody gave a plan (e.g. created by an operator) starts runs within the sign-up plan's limits,
    // not unlimited; a single-account installation is its owner's own account and has no limits unless set.
    if (config.mode() == DeploymentMode.SAAS) runEnv.put(Names.Env.DEFAULT_PLAN, config.signUpPlan());
    PolicyStatement startRuns =
        PolicyStatement.Builder.create().actions(List.of("states:StartExecution")).resources(List.of(stateMachineArn)).build();

    // Authorizer: JWTs of the pool, tenant API keys by hash through the lookup index.
    Map<String, String> authEnv = new LinkedHashMap<>(dataEnv);
    authEnv.put(Names.Env.USER_POOL_ID, identity.userPool().getUserPoolId());
    authEnv.put(Names.Env.USER_POOL_CLIENT_ID, identity.client().getUserPoolClientId());
    if (config.mode() == DeploymentMode.SINGLE_ACCOUNT)
      authEnv.put(Names.Env.USAGE_IDENTIFIER_KEY, Names.installationUsageKey(stage));
    // single-account: every user of the pool is in the installation's tenant (no custom:tenant needed)
    config.fixedTenant().ifPresent(tenant -> authEnv.put(Names.Env.FIXED_TENANT, tenant));
    LtbFunction authorizer = add(FunctionKind.AUTHORIZER, config, code, authEnv);
    authorizer.addToPolicy(Access.readItems(data.table()));

    // REST app: everything a tenant does, including write-only provider credentials and member management.
    String usagePlansParameter = "/ltb/" + stage + "/usage-plan-ids";
    Map<String, String> restEnv = new LinkedHashMap<>(runEnv);
    restEnv.put(Names.Env.USER_POOL_ID, identity.userPool().getUserPoolId());
    restEnv.put(Names.Env.USAGE_PLANS_PARAMETER, usagePlansParameter);
    LtbFunction restFunction = add(FunctionKind.REST_API, config, code, withTenantRole(restEnv, data));
    restFunction.addToPolicy(Access.readWriteItems(data.table()));
    restFunction.addToPolicy(Access.readItems(data.eventsTable()));
    restFunction.addToPolicy(Access.tenantObjects(data.bucket(), "s3:GetObject", "s3:PutObject", "s3:DeleteObject"));
    restFunction.addToPolicy(Access.tenantListing(data.bucket())); // GET /plugins lists the tenant's uploads
    restFunction.addToPolicy(startRuns);
    restFunction.addToPolicy(
        Access.tenantSecrets(
            this, stage, "secretsmanager:CreateSecret", "secretsmanager:PutSecretValue", "secretsmanager:DeleteSecret",
            "secretsmanager:DescribeSecret", "secretsmanager:TagResource"));
    restFunction.addToPolicy(Access.listSecretNames());
    restFunction.addToPolicy(
        PolicyStatement.Builder.create()
            .sid("ManageMembers")
            .actions(
                List.of(
                    "cognito-idp:AdminCreateUser",
                    "cognito-idp:AdminGetUser",
                    "cognito-idp:AdminUpdateUserAttributes",
                    "cognito-idp:AdminDisableUser",
                    "cognito-idp:AdminDeleteUser",
                    "cognito-idp:AdminAddUserToGroup",
                    "cognito-idp:AdminRemoveUserFromGroup",
                    "cognito-idp:AdminListGroupsForUser",
                    "cognito-idp:ListUsers"))
            .resources(List.of(identity.userPool().getUserPoolArn()))
            .build());
    restFunction.addToPolicy(
        PolicyStatement.Builder.create()
            .actions(List.of("ssm:GetParameter"))
            .resources(List.of(parameterArn(usagePlansParameter)))
            .build());
    cancel.alias().grantInvoke(restFunction.grantee());

    Map<String, String> graphqlEnv = new LinkedHashMap<>(withTenantRole(runEnv, data));
    config.fixedTenant().ifPresent(tenant -> graphqlEnv.put(Names.Env.FIXED_TENANT, tenant));
    LtbFunction resolvers = add(FunctionKind.GRAPHQL, config, code, graphqlEnv);
    resolvers.addToPolicy(Access.readWriteItems(data.table()));
    // The same use cases as the REST app (deleteRun removes the run's objects too).
    resolvers.addToPolicy(Access.tenantObjects(data.bucket(), "s3:GetObject", "s3:PutObject", "s3:DeleteObject"));
    resolvers.addToPolicy(startRuns);
    // credentials (write-only) and webhook signing secrets, as the REST app
    resolvers.addToPolicy(
        Access.tenantSecrets(
            this, stage, "secretsmanager:CreateSecret", "secretsmanager:PutSecretValue", "secretsmanager:DeleteSecret",
            "secretsmanager:DescribeSecret", "secretsmanager:TagResource"));
    resolvers.addToPolicy(Access.listSecretNames());
    cancel.alias().grantInvoke(resolvers.grantee());
    // SaaS: the REST app and the resolvers read and write tenant data as the caller's tenant (docs/security.md)
    data.tenantRole().ifPresent(role -> List.of(restFunction, resolvers).forEach(f -> f.addToPolicy(assumeForTenants(role))));

    // $connect authenticates in the function (API keys by hash, JWTs of the pool), like the authorizer
    Map<String, String> webSocketEnv = new LinkedHashMap<>(dataEnv);
    webSocketEnv.put(Names.Env.USER_POOL_ID, identity.userPool().getUserPoolId());
    webSocketEnv.put(Names.Env.USER_POOL_CLIENT_ID, identity.client().getUserPoolClientId());
    config.fixedTenant().ifPresent(tenant -> webSocketEnv.put(Names.Env.FIXED_TENANT, tenant));
    LtbFunction webSocketHandler = add(FunctionKind.WEBSOCKET, config, code, webSocketEnv);
    webSocketHandler.addToPolicy(Access.readWriteItems(data.table()));
    webSocketHandler.addToPolicy(Access.readItems(data.eventsTable())); // a subscription's backlog

    // Hooks start runs through the API's run service (AwsApiPorts): the same variables as the REST app's runs
    // (table, bucket, state machine, cancel function, secrets prefix) and the same quota items in the table.
    LtbFunction ingress = add(FunctionKind.WEBHOOK_INGRESS, config, code, runEnv);
    ingress.addToPolicy(Access.readWriteItems(data.table()));
    ingress.addToPolicy(Access.tenantObjects(data.bucket(), "s3:GetObject", "s3:PutObject"));
    ingress.addToPolicy(Access.tenantSecrets(this, stage, "secretsmanager:GetSecretValue"));
    ingress.addToPolicy(startRuns);

    if (config.mode() == DeploymentMode.SAAS) signUp(config, code, data);

    this.rest = new RestApiConstruct(this, "Rest", config, identity, restFunction, authorizer, ingress);
    this.graphql = new GraphqlApiConstruct(this, "Graphql", config, identity, resolvers, authorizer);
    this.webSocket = new WebSocketApiConstruct(this, "WebSocket", config, webSocketHandler);

    usagePlanAccess(config, restFunction, authorizer, usagePlansParameter);

    Map<String, String> publisherEnv = new LinkedHashMap<>(dataEnv);
    publisherEnv.put(Names.Env.GRAPHQL_URL, graphql.api().getGraphqlUrl());
    publisherEnv.put(Names.Env.WEBSOCKET_CALLBACK_URL, webSocket.callbackUrl());
    LtbFunction publisher = add(FunctionKind.PROGRESS_PUBLISHER, config, code, publisherEnv);
    publisher.addToPolicy(Access.readWriteItems(data.table()));
    publisher.addToPolicy(Access.readItems(data.eventsTable())); // running totals from the run's events
    graphql.grantPublish(publisher.grantee());
    webSocket.grantPush(publisher.grantee());
    publisher
        .alias()
        .addEventSource(
            DynamoEventSource.Builder.create(data.eventsTable())
                .startingPosition(StartingPosition.LATEST)
                .batchSize(100)
                .maxBatchingWindow(Duration.seconds(1))
                .bisectBatchOnError(true)
                .retryAttempts(3)
                .maxRecordAge(Duration.hours(1))
                .reportBatchItemFailures(true)
                .onFailure(new SqsDlq(queues.eventDeadLetters()))
                .build());

    functions.values().forEach(Access::suppressDocumentedWildcards);
    Nag.suppress(
        publisher.grantee() instanceof Construct role ? role : publisher,
        "AwsSolutions-IAM5",
        "ManageConnections on this stage's @connections/* (connection ids are created at run time) and the table"
            + " stream's ListStreams, which takes no resource",
        List.of(
            Nag.matching("^Resource::arn:<AWS::Partition>:execute-api:.*/@connections/\\*$"),
            Nag.matching("^Resource::\\*$")));

    CfnOutput.Builder.create(this, "RestApiUrl").value(rest.url()).build();
    CfnOutput.Builder.create(this, "GraphqlUrl").value(graphql.api().getGraphqlUrl()).build();
    CfnOutput.Builder.create(this, "WebSocketUrl").value(webSocket.url()).build();
    CfnOutput.Builder.create(this, "UserPoolId").value(identity.userPool().getUserPoolId()).build();
    CfnOutput.Builder.create(this, "UserPoolClientId").value(identity.client().getUserPoolClientId()).build();
    rest.installationKey()
        .ifPresent(key -> CfnOutput.Builder.create(this, "InstallationApiKeyId").value(key.getKeyId()).build());
  }

  /**
   * Usage plan ids go to a parameter the REST app reads (an environment variable would make the function
   * depend on the API that invokes it). The key-management statements live in their own policy for the same
   * reason. SaaS: the REST app creates a gateway key per tenant key and attaches it to the tenant's plan.
   * Single account: the installation key has a fixed value the authorizer returns as usage identifier
   * ({@code LTB_USAGE_IDENTIFIER_KEY}), so it needs no API Gateway access.
   */
  private void usagePlanAccess(LtbConfig config, LtbFunction restFunction, LtbFunction authorizer, String parameterName) {
    List<String> planIds = new ArrayList<>();
    for (UsagePlan plan : rest.usagePlans()) planIds.add(plan.getUsagePlanId());
    StringParameter.Builder.create(this, "UsagePlanIds")
        .parameterName(parameterName)
        .description("Usage plan ids of the REST API, in the order of the tiers")
        .stringValue(Fn.join(",", planIds))
        .build();
    String gateway = "arn:" + getPartition() + ":apigateway:" + getRegion() + "::";
    if (config.mode() == DeploymentMode.SAAS) {
      List<String> planKeys = new ArrayList<>();
      for (String planId : planIds) planKeys.add(gateway + "/usageplans/" + planId + "/keys");
      List<String> planKey = new ArrayList<>();
      for (String planId : planIds) planKey.add(gateway + "/usageplans/" + planId + "/keys/*");
      Policy keys =
          Policy.Builder.create(this, "TenantKeyManagement")
              .statements(
                  List.of(
                      PolicyStatement.Builder.create()
                          .actions(List.of("apigateway:POST"))
                          .resources(concat(List.of(gateway + "/apikeys"), planKeys))
                          .build(),
                      PolicyStatement.Builder.create()
                          .actions(List.of("apigateway:DELETE", "apigateway:GET"))
                          .resources(concat(List.of(gateway + "/apikeys/*"), planKey))
                          .build()))
              .build();
      keys.attachToRole((software.amazon.awscdk.services.iam.IRole) restFunction.grantee());
      Nag.suppress(
          keys,
          "AwsSolutions-IAM5",
          "Tenant gateway keys are created at run time: /apikeys/* and /usageplans/<this stage's plans>/keys/*",
          List.of(Nag.matching("^Resource::arn:<AWS::Partition>:apigateway:<AWS::Region>::/(apikeys|usageplans/.*/keys)/\\*$")));
    }
  }

  /**
   * SaaS self sign-up: Cognito's Post Confirmation trigger gives each new user a tenant of their own. The function
   * may write items of the table (the tenant's plan item, the audit record) and, on this pool only, read a user,
   * write {@code custom:tenant} and add to a group. Those statements live in their own policy: in the function's
   * default policy they would make the function depend on the pool, which depends on the function (its trigger).
   */
  private void signUp(LtbConfig config, FunctionsCode code, DataStack data) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put(Names.Env.TABLE, data.table().getTableName());
    env.put(Names.Env.SIGN_UP_PLAN, config.signUpPlan());
    LtbFunction postConfirmation = add(FunctionKind.POST_CONFIRMATION, config, code, env);
    postConfirmation.addToPolicy(
        PolicyStatement.Builder.create()
            .actions(List.of("dynamodb:PutItem"))
            .resources(List.of(data.table().getTableArn()))
            .build());
    Policy directory =
        Policy.Builder.create(this, "SignUpDirectoryAccess")
            .statements(
                List.of(
                    PolicyStatement.Builder.create()
                        .sid("OnboardSignedUpUsers")
                        .actions(
                            List.of(
                                "cognito-idp:AdminGetUser",
                                "cognito-idp:AdminUpdateUserAttributes",
                                "cognito-idp:AdminAddUserToGroup"))
                        .resources(List.of(identity.userPool().getUserPoolArn()))
                        .build()))
            .build();
    directory.attachToRole((software.amazon.awscdk.services.iam.IRole) postConfirmation.grantee());
    identity.userPool().addTrigger(UserPoolOperation.POST_CONFIRMATION, postConfirmation.alias());
  }

  private String parameterArn(String name) {
    return formatArn(
        ArnComponents.builder()
            .service("ssm")
            .resource("parameter")
            .resourceName(name.substring(1))
            .arnFormat(ArnFormat.SLASH_RESOURCE_NAME)
            .build());
  }

  private static List<String> concat(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  private LtbFunction add(FunctionKind kind, LtbConfig config, FunctionsCode code, Map<String, String> env) {
    LtbFunction function = new LtbFunction(this, kind, config, code.of(this, kind.artifact()), env);
    functions.put(kind, function);
    return function;
  }

  public Map<FunctionKind, LtbFunction> functions() {
    return Map.copyOf(functions);
  }

  public Identity identity() {
    return identity;
  }

  public RestApiConstruct rest() {
    return rest;
  }

  public GraphqlApiConstruct graphql() {
    return graphql;
  }

  public WebSocketApiConstruct webSocket() {
    return webSocket;
  }

  /** {@code env} plus {@code LTB_TENANT_ROLE_ARN} in SaaS mode: only the functions that assume the role get it. */
  private static Map<String, String> withTenantRole(Map<String, String> env, DataStack data) {
    Map<String, String> copy = new LinkedHashMap<>(env);
    data.tenantRole().ifPresent(role -> copy.put(Names.Env.TENANT_ROLE_ARN, role.getRoleArn()));
    return copy;
  }

  /** Assuming the tenant data role with session tags (the role's trust requires the {@code tenant} tag). */
  private static PolicyStatement assumeForTenants(Role role) {
    return PolicyStatement.Builder.create()
        .sid("AssumeTenantDataRole")
        .actions(List.of("sts:AssumeRole", "sts:TagSession"))
        .resources(List.of(role.getRoleArn()))
        .build();
  }

}
