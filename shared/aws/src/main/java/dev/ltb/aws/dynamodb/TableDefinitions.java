package dev.ltb.aws.dynamodb;

import dev.ltb.aws.AwsStorageException;
import dev.ltb.aws.dynamodb.internal.Keys;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

/**
 * The tables the adapters expect, as CreateTable requests: used by tests, the local cloud's init hook, and
 * mirrored by the CDK stack (a CDK template test should compare them). Both tables are on-demand
 * (pay per request) with string keys {@code pk} and {@code sk}; the runs table has the index
 * {@code runsByCreatedAt} ({@code pk}, {@code createdKey}, projection ALL). The CDK stack also enables TTL on
 * the events table's {@code expiresAt}; nothing relies on it.
 */
public final class TableDefinitions {

  private TableDefinitions() {}

  /** The table of runs and results ({@code LTB_TABLE}). */
  public static CreateTableRequest runsTable(String name) {
    return CreateTableRequest.builder()
        .tableName(name)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(
            string(Keys.PK), string(Keys.SK), string(Keys.CREATED_KEY))
        .keySchema(key(Keys.PK, KeyType.HASH), key(Keys.SK, KeyType.RANGE))
        .globalSecondaryIndexes(
            GlobalSecondaryIndex.builder()
                .indexName(Keys.RUNS_BY_CREATED_AT)
                .keySchema(key(Keys.PK, KeyType.HASH), key(Keys.CREATED_KEY, KeyType.RANGE))
                .projection(projection -> projection.projectionType(ProjectionType.ALL))
                .build())
        .build();
  }

  /** The table of run events ({@code LTB_EVENTS_TABLE}). */
  public static CreateTableRequest eventsTable(String name) {
    return CreateTableRequest.builder()
        .tableName(name)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(string(Keys.PK), string(Keys.SK))
        .keySchema(key(Keys.PK, KeyType.HASH), key(Keys.SK, KeyType.RANGE))
        .build();
  }

  /** Creates both tables if missing and waits until they are active. */
  public static void createTables(DynamoDbClient dynamoDb, String runsTable, String eventsTable) {
    for (CreateTableRequest request : new CreateTableRequest[] {runsTable(runsTable), eventsTable(eventsTable)}) {
      try {
        dynamoDb.createTable(request);
      } catch (ResourceInUseException alreadyThere) {
        // created before: fine
      } catch (SdkException e) {
        throw new AwsStorageException("Cannot create DynamoDB table " + request.tableName() + ": " + e.getMessage(), e);
      }
      try {
        dynamoDb.waiter().waitUntilTableExists(describe -> describe.tableName(request.tableName()));
      } catch (SdkException e) {
        throw new AwsStorageException("DynamoDB table " + request.tableName() + " did not become active: " + e.getMessage(), e);
      }
    }
  }

  /** Creates the bucket if missing. */
  public static void createBucket(S3Client s3, String bucket) {
    try {
      s3.createBucket(request -> request.bucket(bucket));
    } catch (BucketAlreadyOwnedByYouException alreadyThere) {
      // created before: fine
    } catch (SdkException e) {
      throw new AwsStorageException("Cannot create S3 bucket " + bucket + ": " + e.getMessage(), e);
    }
  }

  private static AttributeDefinition string(String name) {
    return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }
}
