package dev.ltb.cdk.api;

import dev.ltb.cdk.config.LtbConfig;
import dev.ltb.cdk.construct.LtbFunction;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.appsync.AuthorizationConfig;
import software.amazon.awscdk.services.appsync.AuthorizationMode;
import software.amazon.awscdk.services.appsync.AuthorizationType;
import software.amazon.awscdk.services.appsync.BaseResolverProps;
import software.amazon.awscdk.services.appsync.Code;
import software.amazon.awscdk.services.appsync.Definition;
import software.amazon.awscdk.services.appsync.FieldLogLevel;
import software.amazon.awscdk.services.appsync.FunctionRuntime;
import software.amazon.awscdk.services.appsync.GraphqlApi;
import software.amazon.awscdk.services.appsync.LambdaAuthorizerConfig;
import software.amazon.awscdk.services.appsync.LambdaDataSource;
import software.amazon.awscdk.services.appsync.CfnGraphQLApi;
import software.amazon.awscdk.services.appsync.NoneDataSource;
import software.amazon.awscdk.services.appsync.UserPoolConfig;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.logs.LogGroup;
import dev.ltb.cdk.construct.Nag;
import software.constructs.Construct;

/**
 * The AppSync API from {@code docs/api/schema.graphql}: Cognito user pools by default, the Lambda authorizer
 * for tenant API keys, IAM for the publisher. Queries and mutations are direct Lambda resolvers on the
 * graphql function; the publish mutations are local resolvers whose result AppSync fans out to the
 * subscriptions, which filter on the subscriber's tenant.
 */
public final class GraphqlApiConstruct extends Construct {
  /** Fields resolved by the graphql function (direct Lambda resolvers). ALIGN with issue 7's schema. */
  public static final List<String[]> LAMBDA_FIELDS =
      List.of(
          new String[] {"Query", "run"},
          new String[] {"Query", "runs"},
          new String[] {"Mutation", "startRun"},
          new String[] {"Mutation", "cancelRun"});

  public static final List<String> PUBLISH_MUTATIONS = List.of("publishRunProgress", "publishRunCompleted");
  public static final List<String> SUBSCRIPTIONS = List.of("onRunProgress", "onRunCompleted");

  private final GraphqlApi api;

  public GraphqlApiConstruct(
      Construct scope, String id, LtbConfig config, Identity identity, LtbFunction resolverFunction, LtbFunction authorizer) {
    super(scope, id);
    if (!Files.isRegularFile(config.graphqlSchema())) {
      throw new IllegalStateException(
          "GraphQL schema " + config.graphqlSchema() + " does not exist (context 'graphqlSchema' overrides the path)");
    }
    // AppSync writes to /aws/appsync/apis/<id>; its own role, limited to that log group (no managed policy).
    Role logsRole =
        Role.Builder.create(this, "LogsRole")
            .assumedBy(new ServicePrincipal("appsync.amazonaws.com"))
            .description("ltb " + config.stage() + ": AppSync writes its request logs")
            .build();
    this.api =
        GraphqlApi.Builder.create(this, "Api")
            .name("ltb-" + config.stage() + "-graphql")
            .definition(Definition.fromFile(config.graphqlSchema().toString()))
            .authorizationConfig(
                AuthorizationConfig.builder()
                    .defaultAuthorization(
                        AuthorizationMode.builder()
                            .authorizationType(AuthorizationType.USER_POOL)
                            .userPoolConfig(UserPoolConfig.builder().userPool(identity.userPool()).build())
                            .build())
                    .additionalAuthorizationModes(
                        List.of(
                            AuthorizationMode.builder()
                                .authorizationType(AuthorizationType.LAMBDA)
                                .lambdaAuthorizerConfig(
                                    LambdaAuthorizerConfig.builder()
                                        .handler(authorizer.alias())
                                        .resultsCacheTtl(Duration.minutes(5))
                                        .build())
                                .build(),
                            AuthorizationMode.builder().authorizationType(AuthorizationType.IAM).build()))
                    .build())
            .xrayEnabled(true)
            .build();

    // Set on the L1 resource: the L2 logConfig always adds a LogRetention custom resource (a Lambda with a managed
    // policy); the log group below sets the retention instead.
    ((CfnGraphQLApi) api.getNode().getDefaultChild())
        .setLogConfig(
            CfnGraphQLApi.LogConfigProperty.builder()
                .cloudWatchLogsRoleArn(logsRole.getRoleArn())
                .fieldLogLevel(FieldLogLevel.ERROR.name())
                .excludeVerboseContent(true)
                .build());
    LogGroup logs =
        LogGroup.Builder.create(this, "Logs")
            .logGroupName("/aws/appsync/apis/" + api.getApiId())
            .retention(config.logRetention())
            .removalPolicy(config.removalPolicy())
            .build();
    logs.grantWrite(logsRole);
    Nag.suppress(
        api,
        "AwsSolutions-ASC3",
        "Request logging is on (field level ERROR, own role and log group); verbose content stays excluded because it"
            + " would copy prompts, suites and tokens into logs");

    LambdaDataSource resolvers = api.addLambdaDataSource("Resolvers", resolverFunction.alias());
    for (String[] field : LAMBDA_FIELDS) {
      resolvers.createResolver(
          field[0] + "-" + field[1], BaseResolverProps.builder().typeName(field[0]).fieldName(field[1]).build());
    }
    NoneDataSource local = api.addNoneDataSource("Local");
    Code publish = Code.fromInline(resource("appsync/publish.js"));
    for (String mutation : PUBLISH_MUTATIONS) {
      local.createResolver(
          "Mutation-" + mutation,
          BaseResolverProps.builder()
              .typeName("Mutation")
              .fieldName(mutation)
              .runtime(FunctionRuntime.JS_1_0_0)
              .code(publish)
              .build());
    }
    Code subscribe = Code.fromInline(resource("appsync/subscribe.js"));
    for (String subscription : SUBSCRIPTIONS) {
      local.createResolver(
          "Subscription-" + subscription,
          BaseResolverProps.builder()
              .typeName("Subscription")
              .fieldName(subscription)
              .runtime(FunctionRuntime.JS_1_0_0)
              .code(subscribe)
              .build());
    }
  }

  /** Lets the progress publisher call exactly the publish mutations. */
  public void grantPublish(IGrantable grantee) {
    api.grantMutation(grantee, PUBLISH_MUTATIONS.toArray(String[]::new));
  }

  public GraphqlApi api() {
    return api;
  }

  private static String resource(String name) {
    try (InputStream in = GraphqlApiConstruct.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) throw new IllegalStateException("missing resource " + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
