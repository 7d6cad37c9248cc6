package dev.ltb.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ltb.aws.dynamodb.TableDefinitions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;

class DataStackTest {
  private final Deployment deployment = Deployment.singleAccount();
  private final Template template = deployment.template(deployment.stacks().data());

  @Test
  void tablesAreOnDemandRecoverableEncryptedAndExpireRecords() {
    template.resourceCountIs("AWS::DynamoDB::Table", 2);
    template.allResourcesProperties(
        "AWS::DynamoDB::Table",
        Map.of(
            "BillingMode", "PAY_PER_REQUEST",
            "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true),
            "SSESpecification", Map.of("SSEEnabled", true),
            "TimeToLiveSpecification", Map.of("AttributeName", Names.Table.TTL, "Enabled", true),
            "KeySchema",
                List.of(
                    Map.of("AttributeName", Names.Table.PARTITION_KEY, "KeyType", "HASH"),
                    Map.of("AttributeName", Names.Table.SORT_KEY, "KeyType", "RANGE"))));
  }

  @Test
  void onlyTheEventsTableStreamsNewImagesForTheProgressPublisher() {
    List<Map<String, Object>> tables = Cfn.propertiesOf(template, "AWS::DynamoDB::Table");
    assertThat(tables).filteredOn(t -> t.containsKey("StreamSpecification")).singleElement()
        .satisfies(t -> assertThat(t.get("StreamSpecification")).isEqualTo(Map.of("StreamViewType", "NEW_IMAGE")))
        .satisfies(t -> assertThat(t).doesNotContainKey("GlobalSecondaryIndexes"));
    assertThat(tables).filteredOn(t -> t.containsKey("GlobalSecondaryIndexes")).singleElement()
        .satisfies(t -> assertThat(Cfn.text(t.get("GlobalSecondaryIndexes"))).contains("IndexName=" + Names.Table.RUNS_INDEX));
  }

  @Test
  void theDeployedTablesHaveTheKeysAndIndexTheAdaptersQuery() {
    List<Map<String, Object>> tables = Cfn.propertiesOf(template, "AWS::DynamoDB::Table");
    Map<String, Object> runs = tables.stream().filter(t -> t.containsKey("GlobalSecondaryIndexes")).findFirst().orElseThrow();
    Map<String, Object> events = tables.stream().filter(t -> t.containsKey("StreamSpecification")).findFirst().orElseThrow();

    assertThat(cloudFormation(TableDefinitions.runsTable("runs"))).isEqualTo(keysAndIndexes(runs));
    assertThat(cloudFormation(TableDefinitions.eventsTable("events"))).isEqualTo(keysAndIndexes(events));
  }

  /** The parts of a CloudFormation table the adapters depend on: key schema, attribute types, indexes. */
  private static Map<String, Object> keysAndIndexes(Map<String, Object> table) {
    Map<String, Object> parts = new java.util.TreeMap<>();
    parts.put("KeySchema", table.get("KeySchema"));
    parts.put("AttributeDefinitions", new java.util.HashSet<>((List<?>) table.get("AttributeDefinitions")));
    parts.put("GlobalSecondaryIndexes", table.getOrDefault("GlobalSecondaryIndexes", List.of()));
    return parts;
  }

  /** The same parts of the adapters' CreateTable request, in CloudFormation's shape. */
  private static Map<String, Object> cloudFormation(CreateTableRequest request) {
    Map<String, Object> parts = new java.util.TreeMap<>();
    parts.put("KeySchema", keySchema(request.keySchema()));
    parts.put(
        "AttributeDefinitions",
        new java.util.HashSet<>(
            request.attributeDefinitions().stream()
                .map(a -> Map.of("AttributeName", a.attributeName(), "AttributeType", a.attributeTypeAsString()))
                .toList()));
    parts.put(
        "GlobalSecondaryIndexes",
        request.globalSecondaryIndexes().stream()
            .map(
                index ->
                    Map.of(
                        "IndexName", index.indexName(),
                        "KeySchema", keySchema(index.keySchema()),
                        "Projection", Map.of("ProjectionType", index.projection().projectionTypeAsString())))
            .toList());
    return parts;
  }

  private static List<Map<String, String>> keySchema(List<KeySchemaElement> keys) {
    return keys.stream()
        .map(k -> Map.of("AttributeName", k.attributeName(), "KeyType", k.keyTypeAsString()))
        .toList();
  }

  @Test
  void devTablesAreDestroyedWithTheStackProdTablesAreRetainedAndProtected() {
    template.hasResource("AWS::DynamoDB::Table", Map.of("DeletionPolicy", "Delete"));
    Template prod = Deployment.saasProduction().template(Deployment.saasProduction().stacks().data());
    prod.allResources("AWS::DynamoDB::Table", Map.of("DeletionPolicy", "Retain"));
    prod.allResourcesProperties("AWS::DynamoDB::Table", Map.of("DeletionProtectionEnabled", true));
  }

  @Test
  void bucketIsEncryptedPrivateVersionedAndLogged() {
    template.hasResourceProperties(
        "AWS::S3::Bucket",
        Map.of(
            "BucketEncryption",
                Map.of(
                    "ServerSideEncryptionConfiguration",
                    List.of(Map.of("ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "AES256")))),
            "PublicAccessBlockConfiguration",
                Map.of(
                    "BlockPublicAcls", true,
                    "BlockPublicPolicy", true,
                    "IgnorePublicAcls", true,
                    "RestrictPublicBuckets", true),
            "VersioningConfiguration", Map.of("Status", "Enabled"),
            "LoggingConfiguration", Match.objectLike(Map.of("LogFilePrefix", "bucket/"))));
  }

  @Test
  void everyBucketRefusesPlainHttpAndOldTls() {
    List<Map<String, Object>> policies = Cfn.propertiesOf(template, "AWS::S3::BucketPolicy");
    assertThat(policies).hasSize(2);
    for (Map<String, Object> policy : policies) {
      String document = policy.get("PolicyDocument").toString();
      assertThat(document).contains("aws:SecureTransport=false").contains("s3:TlsVersion=1.2").contains("Effect=Deny");
    }
  }

  @Test
  void rawOutputsExpireByTagAndBrowsersMayUploadThroughPresignedUrls() {
    template.hasResourceProperties(
        "AWS::S3::Bucket",
        Map.of(
            "LifecycleConfiguration",
                Map.of(
                    "Rules",
                    Match.arrayWith(
                        List.of(
                            Map.of(
                                "Id", "expire-raw-outputs",
                                "Status", "Enabled",
                                "ExpirationInDays", deployment.config().rawOutputRetentionDays(),
                                "TagFilters",
                                    List.of(
                                        Map.of(
                                            "Key", Names.Bucket.RAW_OUTPUT_TAG_KEY,
                                            "Value", Names.Bucket.RAW_OUTPUT_TAG_VALUE)))))),
            "CorsConfiguration",
                Map.of(
                    "CorsRules",
                    List.of(
                        Match.objectLike(
                            Map.of(
                                "AllowedMethods", Match.arrayWith(List.of("PUT", "POST")),
                                "AllowedOrigins", deployment.config().corsAllowedOrigins(),
                                "ExposedHeaders", List.of("ETag")))))));
  }

  @Test
  void singleAccountModeHasNoTenantRole() {
    assertThat(Cfn.resources(template, "AWS::IAM::Role").keySet()).noneMatch(id -> id.startsWith("TenantDataRole"));
  }
}
