package dev.ltb.functions.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLDirectiveContainer;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.idl.SchemaParser;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/api/schema.graphql} holds as AppSync needs it: it parses and validates with AppSync's scalars and
 * directives, declares none of them itself, every Query and Mutation field has a resolver in the graphql
 * function, the publish mutations are IAM-only, every type a user or API key can reach says so, and every
 * subscription listens to publish mutations that exist.
 */
class SchemaTest {

  private static final GraphQLSchema SCHEMA = AppSyncSchema.schema();
  private static final Set<String> USER_MODES = Set.of("aws_cognito_user_pools", "aws_lambda");
  private static final Set<String> AUTH_DIRECTIVES =
      Set.of("aws_cognito_user_pools", "aws_lambda", "aws_iam", "aws_api_key", "aws_oidc");
  static final List<String> PUBLISH_MUTATIONS = List.of("publishRunProgress", "publishRunCompleted");

  @Test
  void parsesAndValidatesWithAppSyncsScalarsAndDirectives() {
    assertThat(SCHEMA.getQueryType().getFieldDefinitions()).hasSizeGreaterThan(10);
    assertThat(SCHEMA.getSubscriptionType().getFieldDefinition("onRunProgress").getArgument("runId")).isNotNull();
  }

  @Test
  void declaresNoneOfAppSyncsBuiltIns() {
    // AppSync rejects a schema that redeclares its scalars or directives
    var own = new SchemaParser().parse(AppSyncSchema.text());
    var builtIns = new SchemaParser().parse(AppSyncSchema.APPSYNC_DEFINITIONS);
    assertThat(own.scalars().keySet()).noneMatch(name -> name.startsWith("AWS"));
    assertThat(builtIns.scalars().keySet()).contains("AWSDateTime", "AWSJSON", "AWSURL");
    assertThat(own.getDirectiveDefinitions().keySet())
        .doesNotContainAnyElementsOf(builtIns.getDirectiveDefinitions().keySet());
  }

  @Test
  void everyQueryAndMutationFieldHasAResolverAndNothingElseDoes() {
    Set<String> schemaFields = new TreeSet<>();
    for (GraphQLFieldDefinition f : SCHEMA.getQueryType().getFieldDefinitions()) schemaFields.add("Query." + f.getName());
    for (GraphQLFieldDefinition f : SCHEMA.getMutationType().getFieldDefinitions())
      if (!PUBLISH_MUTATIONS.contains(f.getName())) schemaFields.add("Mutation." + f.getName());
    Set<String> registered = GraphqlFixture.registryFields();
    Set<String> rootRegistered =
        registered.stream().filter(f -> f.startsWith("Query.") || f.startsWith("Mutation.")).collect(Collectors.toCollection(TreeSet::new));
    assertThat(rootRegistered).isEqualTo(schemaFields);
    for (String nested : registered) {
      String[] parts = nested.split("\\.");
      assertThat(SCHEMA.getObjectType(parts[0]).getFieldDefinition(parts[1]))
          .as(nested + " is registered but not in the schema")
          .isNotNull();
    }
  }

  @Test
  void publishMutationsAreIamOnlyAndCarryTheTenant() {
    for (String name : PUBLISH_MUTATIONS) {
      GraphQLFieldDefinition field = SCHEMA.getMutationType().getFieldDefinition(name);
      assertThat(authModes(field)).as(name).containsExactly("aws_iam");
      assertThat(GraphQLTypeUtil.simplePrint(field.getArgument("tenantId").getType())).isEqualTo("ID!");
      assertThat(GraphQLTypeUtil.simplePrint(field.getArgument("runId").getType())).isEqualTo("ID!");
      assertThat(authModes((GraphQLObjectType) GraphQLTypeUtil.unwrapAll(field.getType()))).contains("aws_iam");
    }
    // and nothing else accepts IAM or AppSync's own API keys
    for (GraphQLObjectType root : List.of(SCHEMA.getQueryType(), SCHEMA.getMutationType(), SCHEMA.getSubscriptionType()))
      for (GraphQLFieldDefinition field : root.getFieldDefinitions())
        if (!PUBLISH_MUTATIONS.contains(field.getName()))
          assertThat(authModes(field)).as(root.getName() + "." + field.getName()).isEqualTo(USER_MODES);
  }

  @Test
  void everyTypeAUserOrApiKeyCanReachNamesBothModes() {
    // AppSync applies the default mode only where no directive is given; a nested object type without
    // @aws_lambda would answer "Not Authorized" to API keys
    Set<GraphQLObjectType> reachable = new LinkedHashSet<>();
    for (GraphQLObjectType root : List.of(SCHEMA.getQueryType(), SCHEMA.getMutationType(), SCHEMA.getSubscriptionType()))
      for (GraphQLFieldDefinition field : root.getFieldDefinitions())
        if (!PUBLISH_MUTATIONS.contains(field.getName())) collect(field.getType(), reachable);
    assertThat(reachable).extracting(GraphQLObjectType::getName).contains("Run", "RunSummary", "Result", "RunEvent");
    for (GraphQLObjectType type : reachable)
      assertThat(authModes(type)).as(type.getName()).containsAll(USER_MODES);
  }

  @Test
  void subscriptionsListenToPublishMutationsOfTheirType() {
    for (GraphQLFieldDefinition subscription : SCHEMA.getSubscriptionType().getFieldDefinitions()) {
      GraphQLAppliedDirective subscribe = subscription.getAppliedDirective("aws_subscribe");
      assertThat(subscribe).as(subscription.getName() + " has @aws_subscribe").isNotNull();
      List<?> mutations = subscribe.getArgument("mutations").getValue();
      assertThat(mutations).isNotEmpty();
      for (Object name : mutations) {
        GraphQLFieldDefinition mutation = SCHEMA.getMutationType().getFieldDefinition(name.toString());
        assertThat(mutation).as(name + " exists").isNotNull();
        assertThat(PUBLISH_MUTATIONS).contains(name.toString());
        assertThat(GraphQLTypeUtil.simplePrint(mutation.getType()))
            .isEqualTo(GraphQLTypeUtil.simplePrint(subscription.getType()));
      }
    }
    assertThat(SCHEMA.getSubscriptionType().getFieldDefinitions())
        .extracting(GraphQLFieldDefinition::getName)
        .containsExactlyInAnyOrder("onRunProgress", "onRunCompleted");
  }

  @Test
  void theDocumentedOperationsAreValidAgainstTheSchema() {
    for (String operation : GraphqlDocs.operations()) {
      ParseAndValidateResult result =
          ParseAndValidate.parseAndValidate(SCHEMA, ExecutionInput.newExecutionInput(operation).build());
      assertThat(result.getErrors()).as(operation).isEmpty();
    }
  }

  private static void collect(GraphQLType type, Set<GraphQLObjectType> seen) {
    GraphQLNamedType named = (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(type);
    if (named instanceof GraphQLObjectType object && seen.add(object))
      for (GraphQLFieldDefinition field : object.getFieldDefinitions()) collect(field.getType(), seen);
  }

  private static Set<String> authModes(GraphQLDirectiveContainer element) {
    Set<String> modes = new TreeSet<>();
    for (GraphQLAppliedDirective d : element.getAppliedDirectives())
      if (AUTH_DIRECTIVES.contains(d.getName())) modes.add(d.getName());
    return modes;
  }
}
