package dev.ltb.functions;

import dev.ltb.api.ApiServices;
import dev.ltb.audit.AuditRecorder;
import dev.ltb.aws.AwsAdapters;
import dev.ltb.aws.dynamodb.tenancy.DynamoTenancyStores;
import dev.ltb.aws.secrets.SecretStoreWebhookSecrets;
import dev.ltb.aws.sqs.SqsDeliveryQueue;
import dev.ltb.analysis.AnalysisOptions;
import dev.ltb.pipeline.RunEndListener;
import dev.ltb.tenancy.TenantId;
import dev.ltb.webhook.DeliveryQueue;
import dev.ltb.webhook.EndpointPolicy;
import dev.ltb.webhook.RegressionCheck;
import dev.ltb.webhook.WebhookDelivery;
import dev.ltb.webhook.WebhookNotifier;
import dev.ltb.webhook.InboundHookService;
import dev.ltb.webhook.RetrySchedule;
import dev.ltb.webhook.RunStarter;
import dev.ltb.webhook.WebhookDeliveryWorker;
import dev.ltb.webhook.WebhookSender;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The parts of {@code webhook-ingress} and {@code webhook-sender}, built once per container over the AWS adapters:
 * hooks, webhooks, delivery ids and the delivery log in {@code LTB_TABLE}; signing secrets under
 * {@code <LTB_SECRETS_PREFIX>tenants/<t>/hooks/} and {@code …/webhooks/}; deliveries on {@code LTB_WEBHOOK_QUEUE_URL}
 * with dead letters on {@code LTB_WEBHOOK_DEAD_LETTER_URL}; runs started by the API's run service, which needs the
 * API's variables ({@code LTB_STATE_MACHINE_ARN}, {@code LTB_CANCEL_FUNCTION_ARN}, {@code LTB_BUCKET}, see
 * {@code AwsApiPorts}).
 * {@value #PRIVATE_NETWORKS}{@code =true} lets a single-tenant installation deliver to http and private addresses.
 */
@Singleton
public class WebhookBeans {

  public static final String PRIVATE_NETWORKS = "LTB_WEBHOOK_PRIVATE_NETWORKS";

  @Produces
  @Singleton
  WebhookDeliveryWorker deliveryWorker(AwsAdapters aws, Clock clock) {
    return deliveryWorker(aws, policy(config(PRIVATE_NETWORKS)), clock);
  }

  /**
   * Hooks start runs through the API's own run service ({@link ApiServices#runs()} over {@code AwsApiPorts}), so a
   * hook's run is validated, admitted by the tenant's plan, recorded and audited exactly like {@code POST /runs}.
   */
  @Produces
  @Singleton
  InboundHookService inboundHooks(AwsAdapters aws, ApiServices api, Clock clock) {
    return inboundHooks(aws, api.runs(), clock);
  }

  /** The pipeline's notify, mark-failed and cancel steps queue the tenant's outbound webhooks through this. */
  @Produces
  @Singleton
  RunEndListener outboundWebhooksListener(AwsAdapters aws, Clock clock) {
    return outboundWebhooks(aws, clock);
  }

  static RunEndListener outboundWebhooks(AwsAdapters aws, Clock clock) {
    WebhookNotifier notifier = new WebhookNotifier(stores(aws).webhookSubscriptions(), new LazyQueue(aws),
        new RegressionCheck(AnalysisOptions.defaults()), clock);
    return (run, history) -> notifier.runFinished(TenantId.of(run.tenantId()), history, run.runId());
  }

  /** The webhook queue, resolved on first delivery: a tenant without webhooks needs no queue configured. */
  private static final class LazyQueue implements DeliveryQueue {
    private final AwsAdapters aws;
    private volatile SqsDeliveryQueue queue;

    LazyQueue(AwsAdapters aws) {
      this.aws = aws;
    }

    private SqsDeliveryQueue queue() {
      if (queue == null)
        queue = SqsDeliveryQueue.sendingOnly(aws.clients().sqs(), aws.settings().webhookQueueUrl());
      return queue;
    }

    @Override
    public void enqueue(WebhookDelivery delivery, java.time.Duration delay) {
      queue().enqueue(delivery, delay);
    }

    @Override
    public void deadLetter(WebhookDelivery delivery, String reason) {
      queue().deadLetter(delivery, reason);
    }
  }

  static WebhookDeliveryWorker deliveryWorker(AwsAdapters aws, EndpointPolicy policy, Clock clock) {
    DynamoTenancyStores stores = stores(aws);
    return new WebhookDeliveryWorker(stores.webhookSubscriptions(),
        new SecretStoreWebhookSecrets(aws.secrets(), SecretStoreWebhookSecrets.Kind.OUTBOUND), WebhookSender.standard(),
        new SqsDeliveryQueue(aws.clients().sqs(), aws.settings().webhookQueueUrl(), aws.settings().webhookDeadLetterUrl()),
        stores.deliveryLog(), policy, RetrySchedule.standard(), clock);
  }

  static InboundHookService inboundHooks(AwsAdapters aws, RunStarter runs, Clock clock) {
    DynamoTenancyStores stores = stores(aws);
    return new InboundHookService(stores.inboundHooks(),
        new SecretStoreWebhookSecrets(aws.secrets(), SecretStoreWebhookSecrets.Kind.INBOUND), stores.deliveryIds(), runs,
        new AuditRecorder(stores.auditLog(), clock), clock, InboundHookService.DEFAULT_MAX_BODY_BYTES);
  }

  static EndpointPolicy policy(Optional<String> privateNetworks) {
    return privateNetworks.map(Boolean::parseBoolean).orElse(false)
        ? EndpointPolicy.allowingPrivateNetworks() : EndpointPolicy.publicHttpsOnly();
  }

  private static DynamoTenancyStores stores(AwsAdapters aws) {
    return new DynamoTenancyStores(aws.clients().dynamoDb(), aws.settings().table());
  }

  private static Optional<String> config(String name) {
    return ConfigProvider.getConfig().getOptionalValue(name, String.class).map(String::strip).filter(v -> !v.isEmpty());
  }
}
