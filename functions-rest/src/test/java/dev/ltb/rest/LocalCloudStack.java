package dev.ltb.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ltb.api.ApiServices;
import dev.ltb.api.InMemoryWebhookRegistry;
import dev.ltb.aws.AwsAdapters;
import dev.ltb.aws.AwsClients;
import dev.ltb.aws.AwsSettings;
import dev.ltb.aws.api.DynamoIdempotencyKeys;
import dev.ltb.aws.api.DynamoSuiteStore;
import dev.ltb.aws.dynamodb.tenancy.DynamoTenancyStores;
import dev.ltb.aws.sfn.StepFunctionsRunLauncher;
import dev.ltb.functions.ProgressWiring;
import dev.ltb.functions.e2e.LocalPipeline;
import dev.ltb.localcloud.dynamodb.DynamoDbStreamSource;
import dev.ltb.localcloud.lambda.LambdaFunctions;
import dev.ltb.localcloud.websocket.LocalWebSocketApi;
import dev.ltb.pipeline.WorkerSettings;
import dev.ltb.security.ApiKeyHasher;
import dev.ltb.security.ApiKeys;
import dev.ltb.security.InMemoryProviderCredentialStore;
import dev.ltb.tenancy.Plan;
import dev.ltb.tenancy.Plans;
import dev.ltb.webhook.DeliveryQueue;
import dev.ltb.webhook.EndpointPolicy;
import dev.ltb.webhook.InMemoryDeliveryLog;
import dev.ltb.webhook.RetrySchedule;
import dev.ltb.webhook.WebhookDelivery;
import dev.ltb.webhook.WebhookDeliveryWorker;
import dev.ltb.webhook.WebhookSender;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The whole product on the local cloud for the REST app's end-to-end test: {@link LocalPipeline} (the real state
 * machine, the pipeline's handlers and workers, DynamoDB, S3, SQS), the WebSocket API with the {@code websocket}
 * function behind it, and the {@code progress-publisher} on the events table's stream; plus the REST app's {@link
 * ApiServices} over the AWS adapters pointing at it. One per JVM, started by the first bean that asks.
 */
public final class LocalCloudStack implements AutoCloseable {

  private static LocalCloudStack current;

  private final WireMockServer secretsManager = new WireMockServer(options().dynamicPort());
  private final LocalPipeline pipeline;
  private final AwsAdapters progressAws;
  private final LocalWebSocketApi gateway;
  private final DynamoDbStreamSource stream;
  private final ApiServices services;
  private final ApiKeys apiKeys;

  public static synchronized LocalCloudStack get() {
    if (current == null) current = new LocalCloudStack();
    return current;
  }

  public static synchronized void stop() {
    if (current != null) current.close();
    current = null;
  }

  private LocalCloudStack() {
    // no tenant stores provider keys: Secrets Manager answers "not found", as it does for a new tenant
    secretsManager.start();
    secretsManager.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
            .withBody("{\"__type\":\"ResourceNotFoundException\",\"Message\":\"Secrets Manager can't find the specified secret.\"}")));
    System.setProperty("aws.endpointUrlSecretsManager", secretsManager.baseUrl());
    pipeline = LocalPipeline.start(UnaryOperator.identity(), 2, WorkerSettings.defaults());
    AwsAdapters aws = pipeline.aws();
    AwsSettings settings = aws.settings();
    Clock clock = Clock.systemUTC();

    progressAws = new AwsAdapters(new AwsClients(), AwsSettings.of(Map.of(
        AwsSettings.TABLE, settings.table(), AwsSettings.EVENTS_TABLE, settings.eventsTable(),
        AwsSettings.BUCKET, settings.bucket())));
    gateway = LocalWebSocketApi.start(
        LambdaFunctions.ofStreamHandler(new ProgressWiring(progressAws).webSocket()), Set.of("subscribe", "unsubscribe"),
        "local");
    AwsAdapters publisherAws = new AwsAdapters(progressAws.clients(), AwsSettings.of(Map.of(
        AwsSettings.TABLE, settings.table(), AwsSettings.EVENTS_TABLE, settings.eventsTable(),
        AwsSettings.BUCKET, settings.bucket(), AwsSettings.WEBSOCKET_CALLBACK_URL, gateway.callbackUrl().toString())));
    stream = DynamoDbStreamSource.builder(
            aws.clients().dynamoDb(), settings.eventsTable(),
            LambdaFunctions.ofStreamHandler(new ProgressWiring(publisherAws).progressPublisher()))
        .functionName("progress-publisher")
        .batchSize(100)
        .pollInterval(Duration.ofMillis(100))
        .start();

    DynamoTenancyStores tenancy = new DynamoTenancyStores(aws.clients().dynamoDb(), settings.table());
    apiKeys = new ApiKeys(tenancy.apiKeys(), new ApiKeyHasher(), clock);
    // Webhooks and provider credentials stay in memory: starting a run never touches them, and their DynamoDB
    // adapters are wired by AwsApiPorts (wiring branch), not yet on this one.
    InMemoryWebhookRegistry webhooks = new InMemoryWebhookRegistry();
    DeliveryQueue noDeliveries = new DeliveryQueue() {
      @Override
      public void enqueue(WebhookDelivery delivery, Duration delay) {}

      @Override
      public void deadLetter(WebhookDelivery delivery, String reason) {}
    };
    services = ApiServices.wire(new ApiServices.Ports(
        aws.runHistories(),
        aws.blobStore(),
        new DynamoSuiteStore(aws.clients().dynamoDb(), settings.table(), aws.blobStore()),
        new DynamoIdempotencyKeys(aws.clients().dynamoDb(), settings.table()),
        new StepFunctionsRunLauncher(aws.clients().sfn(), pipeline.stateMachineArn(), run -> {
          throw new UnsupportedOperationException("the end-to-end test does not cancel");
        }),
        tenancy.tenantPlans(Plans.builtIn(), Plan.unlimited()),
        tenancy.runSlots(),
        tenancy.usageLedger(),
        tenancy.auditLog(),
        apiKeys,
        webhooks,
        new WebhookDeliveryWorker(webhooks, webhooks.secrets(), WebhookSender.standard(), noDeliveries,
            new InMemoryDeliveryLog(), EndpointPolicy.allowingPrivateNetworks(), RetrySchedule.standard(), clock),
        EndpointPolicy.allowingPrivateNetworks(),
        pipeline.wiring().providers(),
        new InMemoryProviderCredentialStore(clock),
        pipeline.wiring().suiteLoader(),
        clock));
  }

  public ApiServices services() {
    return services;
  }

  public LocalPipeline pipeline() {
    return pipeline;
  }

  public LocalWebSocketApi gateway() {
    return gateway;
  }

  public ApiKeys apiKeys() {
    return apiKeys;
  }

  @Override
  public void close() {
    try {
      stream.close();
      gateway.close();
      progressAws.close();
      pipeline.close();
    } finally {
      System.clearProperty("aws.endpointUrlSecretsManager");
      secretsManager.stop();
    }
  }
}
