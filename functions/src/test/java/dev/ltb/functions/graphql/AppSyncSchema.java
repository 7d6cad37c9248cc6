package dev.ltb.functions.graphql;

import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code docs/api/schema.graphql} as AppSync reads it: the AWS scalars and directives are built into AppSync
 * (the file must not declare them), so they are declared here, as AppSync documents them, before graphql-java
 * parses and validates the schema.
 */
final class AppSyncSchema {

  static final Path FILE = Path.of("../docs/api/schema.graphql");

  /** AppSync's built-in scalars and directives. */
  static final String APPSYNC_DEFINITIONS =
      """
      scalar AWSDate
      scalar AWSTime
      scalar AWSDateTime
      scalar AWSTimestamp
      scalar AWSEmail
      scalar AWSJSON
      scalar AWSURL
      scalar AWSPhone
      scalar AWSIPAddress
      directive @aws_subscribe(mutations: [String!]!) on FIELD_DEFINITION
      directive @aws_cognito_user_pools(cognito_groups: [String]) on OBJECT | FIELD_DEFINITION
      directive @aws_lambda on OBJECT | FIELD_DEFINITION
      directive @aws_iam on OBJECT | FIELD_DEFINITION
      directive @aws_api_key on OBJECT | FIELD_DEFINITION
      directive @aws_oidc on OBJECT | FIELD_DEFINITION
      directive @aws_auth(cognito_groups: [String]) on FIELD_DEFINITION
      """;

  private AppSyncSchema() {}

  static String text() {
    try {
      return Files.readString(FILE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static TypeDefinitionRegistry registry() {
    SchemaParser parser = new SchemaParser();
    TypeDefinitionRegistry registry = parser.parse(text());
    registry.merge(parser.parse(APPSYNC_DEFINITIONS));
    return registry;
  }

  /** Parsed and validated (types resolve, directives are declared and well placed, interfaces hold). */
  static GraphQLSchema schema() {
    return UnExecutableSchemaGenerator.makeUnExecutableSchema(registry());
  }
}
