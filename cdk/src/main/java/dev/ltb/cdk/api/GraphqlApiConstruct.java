package dev.ltb.cdk.api;

import dev.ltb.cdk.config.LtbConfig;
import dev.ltb.cdk.construct.LtbFunction;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
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
 * for tenant API keys, IAM for the publisher. Every Query and Mutation field of the schema is a direct Lambda
 * resolver on the graphql function ({@link SchemaFields} reads them from the committed file, so a field added
 * there is wired here), {@code Run.summary} too, in batches of {@value #SUMMARY_BATCH}; the publish mutations are
 * local resolvers whose result AppSync fans out to the subscriptions, whose resolver (subscribe.js) sets an
 * enhanced filter on the subscriber's tenant.
 */
public final class GraphqlApiConstruct extends Construct {
  /** Mutations only the progress publisher may call (IAM); they fire the subscriptions. */
  public static final List<String> PUBLISH_MUTATIONS = List.of("publishRunProgress", "publishRunCompleted");

  /** Nested fields resolved by the graphql function in batches (AppSync BatchInvoke). */
  public static final List<String[]> BATCH_FIELDS = List.<String[]>of(new String[] {"Run", "summary"});

  public static final int SUMMARY_BATCH = 25;

  private final GraphqlApi api;
  private final List<String[]> lambdaFields;
  private final List<String> subscriptions;

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

    String schema = read(config.graphqlSchema());
    List<String> mutations = SchemaFields.of(schema, "Mutation");
    if (!mutations.containsAll(PUBLISH_MUTATIONS))
      throw new IllegalStateException("the GraphQL schema lacks the publish mutations " + PUBLISH_MUTATIONS);
    List<String[]> fields = new ArrayList<>();
    for (String query : SchemaFields.of(schema, "Query")) fields.add(new String[] {"Query", query});
    for (String mutation : mutations)
      if (!PUBLISH_MUTATIONS.contains(mutation)) fields.add(new String[] {"Mutation", mutation});
    this.lambdaFields = List.copyOf(fields);
    this.subscriptions = SchemaFields.of(schema, "Subscription");

    LambdaDataSource resolvers = api.addLambdaDataSource("Resolvers", resolverFunction.alias());
    for (String[] field : lambdaFields) {
      resolvers.createResolver(
          field[0] + "-" + field[1], BaseResolverProps.builder().typeName(field[0]).fieldName(field[1]).build());
    }
    for (String[] field : BATCH_FIELDS) {
      resolvers.createResolver(
          field[0] + "-" + field[1],
          BaseResolverProps.builder().typeName(field[0]).fieldName(field[1]).maxBatchSize(SUMMARY_BATCH).build());
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
    for (String subscription : subscriptions) {
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

  /** The Query and Mutation fields wired to the graphql function, as {type, field}. */
  public List<String[]> lambdaFields() {
    return lambdaFields;
  }

  public List<String> subscriptions() {
    return subscriptions;
  }

  private static String read(java.nio.file.Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
