package dev.ltb.aws.api;

import dev.ltb.api.ApiServices;
import dev.ltb.aws.AwsAdapters;
import dev.ltb.aws.AwsConfigurationException;
import dev.ltb.aws.AwsSettings;
import dev.ltb.aws.dynamodb.DynamoRunHistories;
import dev.ltb.aws.dynamodb.api.DynamoIdempotencyKeys;
import dev.ltb.aws.dynamodb.api.DynamoSuiteStore;
import dev.ltb.aws.dynamodb.tenancy.DynamoTenancyStores;
import dev.ltb.aws.dynamodb.tenancy.DynamoWebhookRegistry;
import dev.ltb.aws.lambda.LambdaRunCanceller;
import dev.ltb.aws.s3.S3BlobStore;
import dev.ltb.aws.secrets.SecretStoreWebhookSecrets;
import dev.ltb.aws.secrets.SecretsManagerCredentialStore;
import dev.ltb.aws.secrets.SecretsManagerSecrets;
import dev.ltb.aws.sfn.StepFunctionsRunLauncher;
import dev.ltb.aws.sqs.SqsDeliveryQueue;
import dev.ltb.aws.tenant.TenantDataClients;
import dev.ltb.provider.ProviderRegistry;
import dev.ltb.security.ApiKeyHasher;
import dev.ltb.security.ApiKeys;
import dev.ltb.plugin.PluginSupport;
import dev.ltb.suite.load.SuiteLoader;
import dev.ltb.tenancy.Plans;
import dev.ltb.webhook.DeliveryQueue;
import dev.ltb.webhook.EndpointPolicy;
import dev.ltb.webhook.RetrySchedule;
import dev.ltb.webhook.WebhookDelivery;
import dev.ltb.webhook.WebhookDeliveryWorker;
import dev.ltb.webhook.WebhookSender;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/**
 * The API's ports served by AWS, in one place, so the REST app and the GraphQL handler run the same use cases on
 * the same storage:
 *
 * <ul>
 *   <li>runs, results, suites, idempotency keys, plans, run slots, usage, audit, API keys and webhooks in {@code
 *       LTB_TABLE}; large texts in {@code LTB_BUCKET};
 *   <li>runs started on {@code LTB_STATE_MACHINE_ARN} and cancelled by invoking {@code LTB_CANCEL_FUNCTION_ARN};
 *   <li>provider credentials and webhook signing secrets written to Secrets Manager under {@code
 *       LTB_SECRETS_PREFIX}, exactly where the worker and the webhook sender read them;
 *   <li>tenants without a plan on {@code LTB_PLAN} (built-in catalogue); webhook URLs checked against the public
 *       internet unless {@code LTB_WEBHOOK_PRIVATE_NETWORKS=true}; test deliveries queue retries on {@code
 *       LTB_WEBHOOK_QUEUE_URL} only if a retry is ever needed.
 * </ul>
 *
 * Tenant data (every item keyed {@code TENANT#<tenant>…}, every object under {@code tenants/<tenant>/}) goes through
 * {@link AwsAdapters#tenantData()}: with {@code LTB_TENANT_ROLE_ARN} set, each request is signed with the caller's
 * tenant session of that role, so IAM refuses another tenant's keys even if the code asked for them. The entry point
 * binds the caller's tenant ({@link dev.ltb.aws.tenant.TenantScope}) before calling a use case. API keys stay on the
 * function's own role: their lookup item ({@code APIKEY#<keyId>}) is found by key id before any tenant is known.
 *
 * <p>A missing required variable fails here, at startup, naming the variable.
 */
public final class AwsApiPorts {

  private AwsApiPorts() {}

  /** The ports; {@code providers} and {@code loader} are the ones the worker uses, so validation agrees with runs. */
  public static ApiServices.Ports from(AwsAdapters aws, ProviderRegistry providers, SuiteLoader loader, Clock clock) {
    Objects.requireNonNull(aws, "aws");
    AwsSettings settings = aws.settings();
    if (settings.secretsSource() != AwsSettings.SecretSource.SECRETS_MANAGER)
      throw new AwsConfigurationException(AwsSettings.SECRETS_SOURCE + " is ssm, but the API stores provider "
          + "credentials and webhook secrets in Secrets Manager: unset it for the API (see docs/aws-adapters.md)");
    String table = settings.table();
    TenantDataClients tenantData = aws.tenantData();
    var dynamo = tenantData.dynamoDb();
    var stores = new DynamoTenancyStores(dynamo, table);
    var blobs = tenantData.tenantScoped() ? new S3BlobStore(tenantData.s3(), settings.bucket()) : aws.blobStore();
    var runHistories = tenantData.tenantScoped()
        ? DynamoRunHistories.builder(DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build(), table, blobs)
            .build()
        : aws.runHistories();
    var apiKeyStore = new DynamoTenancyStores(aws.clients().dynamoDb(), table).apiKeys();
    var writer = new SecretsManagerSecrets(aws.clients().secretsManager());
    var webhookSecrets = new SecretStoreWebhookSecrets(aws.secrets(), SecretStoreWebhookSecrets.Kind.OUTBOUND);
    var launcher = new StepFunctionsRunLauncher(aws.clients().sfn(), settings.stateMachineArn(),
        new LambdaRunCanceller(aws.clients().lambda(), settings.cancelFunctionArn()));
    EndpointPolicy policy = settings.webhookPrivateNetworks()
        ? EndpointPolicy.allowingPrivateNetworks() : EndpointPolicy.publicHttpsOnly();
    var webhooks = new DynamoWebhookRegistry(stores.webhookSubscriptions(), webhookSecrets, writer);
    var delivery = new WebhookDeliveryWorker(webhooks, webhookSecrets, WebhookSender.standard(), new LazyQueue(aws),
        stores.deliveryLog(), policy, RetrySchedule.standard(), clock);
    return new ApiServices.Ports(
        runHistories,
        blobs,
        new DynamoSuiteStore(dynamo, table, blobs),
        new DynamoIdempotencyKeys(dynamo, table),
        launcher,
        stores.tenantPlans(Plans.builtIn(), settings.defaultPlan()),
        stores.runSlots(),
        stores.usageLedger(),
        stores.auditLog(),
        new ApiKeys(apiKeyStore, new ApiKeyHasher(), clock),
        webhooks,
        delivery,
        policy,
        providers,
        new SecretsManagerCredentialStore(aws.secrets(), writer),
        loader,
        clock);
  }

  /** The use cases over {@link #from}. */
  public static ApiServices services(AwsAdapters aws, ProviderRegistry providers, SuiteLoader loader, Clock clock) {
    return ApiServices.wire(from(aws, providers, loader, clock));
  }

  /** {@link #services} whose suites find plugins through {@code plugins}, as the plan step does. */
  public static ApiServices services(AwsAdapters aws, ProviderRegistry providers, SuiteLoader loader,
      Function<String, PluginSupport> plugins, Clock clock) {
    return ApiServices.wire(from(aws, providers, loader, clock), plugins);
  }

  /** The webhook queue, resolved when a delivery first needs it: the API itself only sends test events. */
  private static final class LazyQueue implements DeliveryQueue {
    private final AwsAdapters aws;
    private volatile SqsDeliveryQueue queue;

    LazyQueue(AwsAdapters aws) {
      this.aws = aws;
    }

    private SqsDeliveryQueue queue() {
      if (queue == null)
        queue = new SqsDeliveryQueue(aws.clients().sqs(), aws.settings().webhookQueueUrl(),
            aws.settings().webhookDeadLetterUrl());
      return queue;
    }

    @Override
    public void enqueue(WebhookDelivery delivery, Duration delay) {
      queue().enqueue(delivery, delay);
    }

    @Override
    public void deadLetter(WebhookDelivery delivery, String reason) {
      queue().deadLetter(delivery, reason);
    }
  }
}
