package dev.ltb.aws;

import dev.ltb.aws.apigateway.ApiGatewayConnectionPusher;
import dev.ltb.aws.dynamodb.DynamoConnections;
import dev.ltb.aws.dynamodb.DynamoRunEvents;
import dev.ltb.aws.dynamodb.DynamoRunHistories;
import dev.ltb.aws.s3.S3BlobStore;
import dev.ltb.aws.s3.S3UploadUrls;
import dev.ltb.aws.secrets.PowertoolsSecretResolver;
import dev.ltb.aws.sfn.StepFunctionsShardCallbacks;
import dev.ltb.aws.tenant.TenantCredentials;
import dev.ltb.aws.tenant.TenantDataClients;
import dev.ltb.aws.tenant.TenantScopedCredentialsProvider;
import java.util.Objects;

/**
 * The core's pipeline ports served by AWS, wired from {@link AwsSettings} and shared {@link AwsClients}:
 * build one per Lambda container (outside the handler) and hand its parts to the core's steps. Each part is
 * built when first asked for, so a function only needs the variables of the parts it uses.
 */
public final class AwsAdapters implements AutoCloseable {

  private final AwsClients clients;
  private final AwsSettings settings;
  private volatile S3BlobStore blobStore;
  private volatile S3UploadUrls uploadUrls;
  private volatile DynamoRunHistories runHistories;
  private volatile DynamoRunEvents runEvents;
  private volatile StepFunctionsShardCallbacks shardCallbacks;
  private volatile PowertoolsSecretResolver secrets;
  private volatile DynamoConnections connections;
  private volatile ApiGatewayConnectionPusher connectionPusher;
  private volatile TenantCredentials tenantCredentials;
  private volatile TenantDataClients tenantData;

  public AwsAdapters(AwsClients clients, AwsSettings settings) {
    this.clients = Objects.requireNonNull(clients, "clients");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** From the process environment, with clients configured by the SDK's standard configuration. */
  public static AwsAdapters fromEnvironment() {
    return new AwsAdapters(new AwsClients(), AwsSettings.fromEnvironment());
  }

  public AwsClients clients() {
    return clients;
  }

  public AwsSettings settings() {
    return settings;
  }

  /** S3 on {@code LTB_BUCKET}. */
  public synchronized S3BlobStore blobStore() {
    if (blobStore == null) blobStore = new S3BlobStore(clients.s3(), settings.bucket());
    return blobStore;
  }

  /** Presigned uploads into {@link #blobStore()}'s bucket. */
  public synchronized S3UploadUrls uploadUrls() {
    if (uploadUrls == null) uploadUrls = new S3UploadUrls(clients.s3(), settings.bucket());
    return uploadUrls;
  }

  /** DynamoDB on {@code LTB_TABLE}, large JSON in {@link #blobStore()}. */
  public synchronized DynamoRunHistories runHistories() {
    if (runHistories == null)
      runHistories = DynamoRunHistories.builder(clients.dynamoDbEnhanced(), settings.table(), blobStore()).build();
    return runHistories;
  }

  /** DynamoDB on {@code LTB_EVENTS_TABLE}; also reads them back. */
  public synchronized DynamoRunEvents runEvents() {
    if (runEvents == null) runEvents = new DynamoRunEvents(clients.dynamoDbEnhanced(), settings.eventsTable());
    return runEvents;
  }

  /** WebSocket connections and subscriptions in DynamoDB on {@code LTB_TABLE}. */
  public synchronized DynamoConnections connections() {
    if (connections == null) connections = new DynamoConnections(clients.dynamoDb(), settings.table());
    return connections;
  }

  /** Pushes to WebSocket connections through the Management API at {@code LTB_WEBSOCKET_CALLBACK_URL}. */
  public synchronized ApiGatewayConnectionPusher connectionPusher() {
    if (connectionPusher == null)
      connectionPusher =
          new ApiGatewayConnectionPusher(clients.apiGatewayManagement(settings.webSocketCallbackUrl()));
    return connectionPusher;
  }

  public synchronized StepFunctionsShardCallbacks shardCallbacks() {
    if (shardCallbacks == null) shardCallbacks = new StepFunctionsShardCallbacks(clients.sfn());
    return shardCallbacks;
  }

  /** Deployment-wide secrets; {@code secrets().forTenant(id)} for one tenant's. */
  public synchronized PowertoolsSecretResolver secrets() {
    if (secrets == null) secrets = PowertoolsSecretResolver.from(settings, clients::secretsManager, clients::ssm);
    return secrets;
  }

  /**
   * The clients for tenant data: signed with the {@link dev.ltb.aws.tenant.TenantScope} tenant's session of {@code
   * LTB_TENANT_ROLE_ARN} when it is set, else the ordinary {@link #clients()}.
   */
  public synchronized TenantDataClients tenantData() {
    if (tenantData == null) {
      tenantData = settings.tenantRoleArn()
          .map(arn -> {
            tenantCredentials = new TenantCredentials(clients.sts(), arn, settings.workloadName(),
                TenantCredentials.DEFAULT_SESSION, TenantCredentials.DEFAULT_MAX_TENANTS);
            var signer = new TenantScopedCredentialsProvider(tenantCredentials);
            return new TenantDataClients(clients.dynamoDbSignedBy(signer), clients.s3SignedBy(signer), true);
          })
          .orElseGet(() -> new TenantDataClients(clients.dynamoDb(), clients.s3(), false));
    }
    return tenantData;
  }

  @Override
  public void close() {
    if (tenantCredentials != null) tenantCredentials.close();
    if (uploadUrls != null) uploadUrls.close();
    clients.close();
  }
}
