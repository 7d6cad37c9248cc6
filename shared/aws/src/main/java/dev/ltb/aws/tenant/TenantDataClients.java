package dev.ltb.aws.tenant;

import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The DynamoDB and S3 clients for tenant data: with a tenant data role, clients that sign every request with the
 * {@link TenantScope} tenant's assumed-role session; without one (local runs, tests, single-account stacks), the
 * process's ordinary clients.
 *
 * @param tenantScoped whether requests are signed per tenant (false: with the function's own credentials)
 */
public record TenantDataClients(DynamoDbClient dynamoDb, S3Client s3, boolean tenantScoped) {

  public TenantDataClients {
    Objects.requireNonNull(dynamoDb, "dynamoDb");
    Objects.requireNonNull(s3, "s3");
  }
}
