package dev.ltb.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ltb.api.ApiServices;
import dev.ltb.aws.AwsAdapters;
import dev.ltb.aws.AwsClients;
import dev.ltb.aws.AwsSettings;
import dev.ltb.aws.api.AwsApiPorts;
import dev.ltb.aws.dynamodb.tenancy.DynamoTenancyStores;
import dev.ltb.functions.ProgressWiring;
import dev.ltb.functions.e2e.LocalPipeline;
import dev.ltb.localcloud.LocalCloud;
import dev.ltb.localcloud.dynamodb.DynamoDbStreamSource;
import dev.ltb.localcloud.lambda.LambdaFunctions;
import dev.ltb.localcloud.websocket.LocalWebSocketApi;
import dev.ltb.pipeline.WorkerSettings;
import dev.ltb.security.ApiKeyHasher;
import dev.ltb.security.ApiKeys;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The whole product on the local cloud for the REST app's end-to-end test: {@link LocalPipeline} (the real state
 * machine, the pipeline's handlers and workers, DynamoDB, S3, SQS), the WebSocket API with the {@code websocket}
 * function behind it, and the {@code progress-publisher} on the events table's stream; plus the REST app's {@link
 * ApiServices} over {@link AwsApiPorts}, the AWS adapters pointing at it. One per JVM, started by the first bean that asks.
 */
public final class LocalCloudStack implements AutoCloseable {

  private static LocalCloudStack current;

  private final WireMockServer secretsManager = new WireMockServer(options().dynamicPort());
  private final LocalPipeline pipeline;
  private final AwsAdapters progressAws;
  private final LocalWebSocketApi gateway;
  private final DynamoDbStreamSource stream;
  private final AwsAdapters apiAws;
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
    // the REST app's ports as the deployed app builds them, on the same tables and the LocalPipeline's state machine
    // (nothing cancels here: the cancel function is named but not registered)
    apiAws = new AwsAdapters(new AwsClients(), AwsSettings.of(Map.of(
        AwsSettings.TABLE, settings.table(), AwsSettings.EVENTS_TABLE, settings.eventsTable(),
        AwsSettings.BUCKET, settings.bucket(), AwsSettings.STATE_MACHINE_ARN, pipeline.stateMachineArn(),
        AwsSettings.CANCEL_FUNCTION_ARN, LocalCloud.functionArn("cancel"))));
    services = AwsApiPorts.services(apiAws, pipeline.wiring().providers(), pipeline.wiring().suiteLoader(), clock);
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
      apiAws.close();
      pipeline.close();
    } finally {
      System.clearProperty("aws.endpointUrlSecretsManager");
      secretsManager.stop();
    }
  }
}
