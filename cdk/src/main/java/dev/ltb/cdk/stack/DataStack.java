package dev.ltb.cdk.stack;

import dev.ltb.cdk.Names;
import dev.ltb.cdk.config.DeploymentMode;
import dev.ltb.cdk.config.LtbConfig;
import dev.ltb.cdk.construct.Nag;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.StreamViewType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.iam.AccountRootPrincipal;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.PrincipalWithConditions;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.SessionTagsPrincipal;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.CorsRule;
import software.amazon.awscdk.services.s3.HttpMethods;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * Where runs live: the main table (runs, shards, results, tenancy records; tenant-first keys), the events
 * table whose stream feeds the progress publisher, and the bucket for suites, large outputs and reports.
 * In SaaS mode also the tenant-scoped data role: the second wall behind the code's tenant checks.
 */
public final class DataStack extends Stack {
  /** The session tag a function sets when it assumes the tenant role. ALIGN with issue 8. */
  public static final String TENANT_SESSION_TAG = "tenant";

  private final Table table;
  private final Table eventsTable;
  private final Bucket bucket;
  private final Optional<Role> tenantRole;

  public DataStack(Construct scope, String id, StackProps props, LtbConfig config) {
    super(scope, id, props);
    this.table = table("Table", config, null);
    table.addGlobalSecondaryIndex(
        GlobalSecondaryIndexProps.builder()
            .indexName(Names.Table.RUNS_INDEX)
            .partitionKey(stringKey(Names.Table.PARTITION_KEY))
            .sortKey(stringKey(Names.Table.RUNS_INDEX_SORT_KEY))
            .build());
    this.eventsTable = table("EventsTable", config, StreamViewType.NEW_IMAGE);
    this.bucket = bucket(config);
    this.tenantRole =
        config.mode() == DeploymentMode.SAAS ? Optional.of(tenantRole(config)) : Optional.empty();

    CfnOutput.Builder.create(this, "TableName").value(table.getTableName()).build();
    CfnOutput.Builder.create(this, "EventsTableName").value(eventsTable.getTableName()).build();
    CfnOutput.Builder.create(this, "BucketName").value(bucket.getBucketName()).build();
  }

  private Table table(String id, LtbConfig config, StreamViewType stream) {
    Table.Builder builder =
        Table.Builder.create(this, id)
            .partitionKey(stringKey(Names.Table.PARTITION_KEY))
            .sortKey(stringKey(Names.Table.SORT_KEY))
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .pointInTimeRecoverySpecification(
                PointInTimeRecoverySpecification.builder().pointInTimeRecoveryEnabled(true).build())
            .encryption(TableEncryption.AWS_MANAGED)
            .timeToLiveAttribute(Names.Table.TTL)
            .deletionProtection(config.removalPolicy() == RemovalPolicy.RETAIN)
            .removalPolicy(config.removalPolicy());
    if (stream != null) builder.stream(stream);
    return builder.build();
  }

  private Bucket bucket(LtbConfig config) {
    boolean destroy = config.removalPolicy() == RemovalPolicy.DESTROY;
    Bucket accessLogs =
        Bucket.Builder.create(this, "AccessLogs")
            .encryption(BucketEncryption.S3_MANAGED)
            .enforceSsl(true)
            .minimumTlsVersion(1.2)
            .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
            .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
            .lifecycleRules(List.of(LifecycleRule.builder().id("expire-access-logs").expiration(Duration.days(90)).build()))
            .removalPolicy(config.removalPolicy())
            .autoDeleteObjects(destroy)
            .build();
    Nag.suppress(accessLogs, "AwsSolutions-S1", "This bucket is the access log target; logging it would loop");

    return Bucket.Builder.create(this, "Bucket")
        .encryption(BucketEncryption.S3_MANAGED)
        .enforceSsl(true)
        .minimumTlsVersion(1.2)
        .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
        .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
        .versioned(true)
        .serverAccessLogsBucket(accessLogs)
        .serverAccessLogsPrefix("bucket/")
        .lifecycleRules(
            List.of(
                LifecycleRule.builder()
                    .id("expire-raw-outputs")
                    .tagFilters(Map.of(Names.Bucket.RAW_OUTPUT_TAG_KEY, Names.Bucket.RAW_OUTPUT_TAG_VALUE))
                    .expiration(Duration.days(config.rawOutputRetentionDays()))
                    .build(),
                LifecycleRule.builder()
                    .id("tidy-versions-and-uploads")
                    .noncurrentVersionExpiration(Duration.days(30))
                    .abortIncompleteMultipartUploadAfter(Duration.days(7))
                    .build()))
        .cors(
            List.of(
                CorsRule.builder()
                    .id("presigned-uploads")
                    .allowedMethods(List.of(HttpMethods.PUT, HttpMethods.POST, HttpMethods.GET, HttpMethods.HEAD))
                    .allowedOrigins(config.corsAllowedOrigins())
                    .allowedHeaders(List.of("*"))
                    .exposedHeaders(List.of("ETag"))
                    .maxAge(3000)
                    .build()))
        .removalPolicy(config.removalPolicy())
        .autoDeleteObjects(destroy)
        .build();
  }

  /**
   * A role whose DynamoDB and S3 access is limited to one tenant's keys by IAM itself: a function assumes it
   * with the session tag {@code tenant=<id>}; {@code dynamodb:LeadingKeys} then only matches partition keys
   * {@code TENANT#<id>} or {@code TENANT#<id>#…}, and S3 only objects under {@code tenants/<id>/}. Only the
   * stage's own roles (stack name prefix) may assume it, and only with the tag.
   */
  private Role tenantRole(LtbConfig config) {
    String tag = "${aws:PrincipalTag/" + TENANT_SESSION_TAG + "}";
    String stagePrefix = Names.stackName(config.stage(), "");
    Role role =
        Role.Builder.create(this, "TenantDataRole")
            .description("ltb " + config.stage() + ": data access limited to the tenant in the session tag")
            .maxSessionDuration(Duration.hours(1))
            .assumedBy(
                new PrincipalWithConditions(
                    new SessionTagsPrincipal(new AccountRootPrincipal()),
                    Map.of(
                        "ArnLike",
                        Map.of("aws:PrincipalArn", "arn:" + getPartition() + ":iam::" + getAccount() + ":role/" + stagePrefix + "*"),
                        "StringLike",
                        Map.of("aws:RequestTag/" + TENANT_SESSION_TAG, "?*"))))
            .build();
    role.addToPolicy(
        PolicyStatement.Builder.create()
            .sid("TenantItemsOnly")
            .effect(Effect.ALLOW)
            .actions(
                List.of(
                    "dynamodb:GetItem",
                    "dynamodb:BatchGetItem",
                    "dynamodb:Query",
                    "dynamodb:PutItem",
                    "dynamodb:UpdateItem",
                    "dynamodb:DeleteItem",
                    "dynamodb:BatchWriteItem",
                    "dynamodb:ConditionCheckItem"))
            // the runs index too: a tenant's run list is a Query on it, and its partition key is the same pk
            .resources(
                List.of(
                    table.getTableArn(),
                    table.getTableArn() + "/index/" + Names.Table.RUNS_INDEX,
                    eventsTable.getTableArn()))
            .conditions(
                Map.of(
                    "ForAllValues:StringLike",
                    Map.of(
                        "dynamodb:LeadingKeys",
                        List.of(Names.Table.TENANT_KEY_PREFIX + tag, Names.Table.TENANT_KEY_PREFIX + tag + "#*"))))
            .build());
    role.addToPolicy(
        PolicyStatement.Builder.create()
            .sid("TenantObjectsOnly")
            .actions(List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject"))
            .resources(List.of(bucket.arnForObjects(Names.Bucket.TENANT_PREFIX + tag + "/*")))
            .build());
    role.addToPolicy(
        PolicyStatement.Builder.create()
            .sid("ListTenantPrefixOnly")
            .actions(List.of("s3:ListBucket"))
            .resources(List.of(bucket.getBucketArn()))
            .conditions(Map.of("StringLike", Map.of("s3:prefix", List.of(Names.Bucket.TENANT_PREFIX + tag + "/*"))))
            .build());
    Nag.suppress(
        role,
        "AwsSolutions-IAM5",
        "The object wildcard is the tenant's own prefix tenants/${aws:PrincipalTag/tenant}/*, fixed by the session tag",
        List.of(Nag.matching("^Resource::<Bucket[0-9A-F]+\\.Arn>/tenants/<aws:PrincipalTag/tenant>/\\*$")));
    CfnOutput.Builder.create(this, "TenantDataRoleArn").value(role.getRoleArn()).build();
    return role;
  }

  private static Attribute stringKey(String name) {
    return Attribute.builder().name(name).type(AttributeType.STRING).build();
  }

  public Table table() {
    return table;
  }

  public Table eventsTable() {
    return eventsTable;
  }

  public Bucket bucket() {
    return bucket;
  }

  public Optional<Role> tenantRole() {
    return tenantRole;
  }
}
