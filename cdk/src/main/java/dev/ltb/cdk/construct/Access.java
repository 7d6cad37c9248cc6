package dev.ltb.cdk.construct;

import dev.ltb.cdk.Names;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.s3.IBucket;

/**
 * Least-privilege statements, spelled out action by action (no {@code s3:GetObject*}, no {@code Scan}).
 * Where a resource needs a wildcard, the method says why and the caller suppresses the cdk-nag finding with
 * that reason via {@link #suppressDocumentedWildcards}.
 */
public final class Access {
  private Access() {}

  public static final List<String> ITEM_READ =
      List.of("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:ConditionCheckItem");
  public static final List<String> ITEM_WRITE =
      List.of("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem");

  /** Items of the tables and their lookup index (named exactly; only the main table has one). */
  public static PolicyStatement items(List<String> actions, ITable... tables) {
    List<String> resources = new ArrayList<>();
    for (ITable table : tables) {
      resources.add(table.getTableArn());
      resources.add(table.getTableArn() + "/index/" + Names.Table.RUNS_INDEX);
    }
    return PolicyStatement.Builder.create().actions(actions).resources(resources).build();
  }

  public static PolicyStatement readItems(ITable... tables) {
    return items(ITEM_READ, tables);
  }

  public static PolicyStatement readWriteItems(ITable... tables) {
    List<String> actions = new ArrayList<>(ITEM_READ);
    actions.addAll(ITEM_WRITE);
    return items(actions, tables);
  }

  public static PolicyStatement writeItems(ITable... tables) {
    return items(ITEM_WRITE, tables);
  }

  /** Objects under {@code tenants/}: keys contain tenant and run ids only known at run time. */
  public static PolicyStatement tenantObjects(IBucket bucket, String... actions) {
    return PolicyStatement.Builder.create()
        .actions(List.of(actions))
        .resources(List.of(bucket.arnForObjects(Names.Bucket.TENANT_PREFIX + "*")))
        .build();
  }

  /** Listing keys under {@code tenants/} only (a tenant's uploaded plugins and datasets), not the whole bucket. */
  public static PolicyStatement tenantListing(IBucket bucket) {
    return PolicyStatement.Builder.create()
        .actions(List.of("s3:ListBucket"))
        .resources(List.of(bucket.getBucketArn()))
        .conditions(java.util.Map.of("StringLike", java.util.Map.of("s3:prefix", List.of(Names.Bucket.TENANT_PREFIX + "*"))))
        .build();
  }

  /**
   * Listing secret names (GET /credentials shows a tenant's credential names and dates): ListSecrets supports no
   * resource-level permission, and it returns names and metadata only, never a value; the code filters by the
   * tenant's prefix.
   */
  public static PolicyStatement listSecretNames() {
    return PolicyStatement.Builder.create().actions(List.of("secretsmanager:ListSecrets")).resources(List.of("*")).build();
  }

  /** Secrets under {@code ltb/<stage>/tenants/}: one per tenant credential or webhook, created at run time. */
  public static PolicyStatement tenantSecrets(Stack stack, String stage, String... actions) {
    return PolicyStatement.Builder.create()
        .actions(List.of(actions))
        .resources(
            List.of(
                stack.formatArn(
                    ArnComponents.builder()
                        .service("secretsmanager")
                        .resource("secret")
                        .resourceName(Names.tenantSecretsPrefix(stage) + "*")
                        .arnFormat(ArnFormat.COLON_RESOURCE_NAME)
                        .build())))
        .build();
  }

  /** The state machine's ARN from its fixed name, so functions need no reference to the workflow stack. */
  public static String stateMachineArn(Stack stack, String stage) {
    return stack.formatArn(
        ArnComponents.builder()
            .service("states")
            .resource("stateMachine")
            .resourceName(Names.stateMachineName(stage))
            .arnFormat(ArnFormat.COLON_RESOURCE_NAME)
            .build());
  }

  /** Executions of the state machine: they are named by run id, unknown at deploy time. */
  public static String executionsArn(Stack stack, String stage) {
    return stack.formatArn(
        ArnComponents.builder()
            .service("states")
            .resource("execution")
            .resourceName(Names.stateMachineName(stage) + ":*")
            .arnFormat(ArnFormat.COLON_RESOURCE_NAME)
            .build());
  }

  /** Suppresses exactly the wildcard findings the methods above document, on one function's role. */
  public static void suppressDocumentedWildcards(LtbFunction function) {
    Nag.suppress(
        function.grantee() instanceof software.constructs.IConstruct role ? role : function,
        "AwsSolutions-IAM5",
        "Documented wildcards: objects under tenants/ (tenant and run ids are known only at run time), secrets"
            + " under ltb/<stage>/tenants/ (created per tenant), executions of the run state machine (named by run"
            + " id)",
        List.of(
            Nag.matching("^Resource::.*/tenants/\\*$"),
            Nag.matching("^Resource::arn:<AWS::Partition>:secretsmanager:.*:secret:ltb/[a-z0-9]+/tenants/\\*$"),
            Nag.matching("^Resource::arn:<AWS::Partition>:states:.*:execution:ltb-[a-z0-9]+-benchmark-run:\\*$")));
  }
}
