package dev.ltb.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

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
        .satisfies(t -> assertThat(Cfn.text(t.get("GlobalSecondaryIndexes"))).contains("IndexName=" + Names.Table.LOOKUP_INDEX));
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
