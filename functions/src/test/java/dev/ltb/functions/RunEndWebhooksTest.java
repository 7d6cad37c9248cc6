package dev.ltb.functions;

import static dev.ltb.functions.HandlerFixture.invoke;
import static dev.ltb.functions.HandlerFixture.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ltb.aws.AwsAdapters;
import dev.ltb.aws.AwsSettings;
import dev.ltb.aws.dynamodb.tenancy.DynamoTenancyStores;
import dev.ltb.aws.sqs.DeliveryMessages;
import dev.ltb.json.Json;
import dev.ltb.pipeline.NotifyStep;
import dev.ltb.tenancy.TenantId;
import dev.ltb.webhook.WebhookDelivery;
import dev.ltb.webhook.WebhookEventType;
import dev.ltb.webhook.WebhookSubscription;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The pipeline's notify path queues the tenant's outbound webhooks: {@code mark-failed} (as the state machine
 * invokes it) puts one {@code run.failed} delivery per interested webhook on the webhook queue (ElasticMQ), read from
 * the webhooks in dynalite, in the message format {@code webhook-sender} reads.
 */
class RunEndWebhooksTest {

  final HandlerFixture fixture = new HandlerFixture();
  final Clock clock = Clock.systemUTC();
  final SqsClient sqs = LocalTenancyCloud.clients().sqs();

  MarkFailedHandler markFailed(AwsAdapters aws) {
    NotifyStep notify = new NotifyStep(fixture.histories, fixture.events::add, clock,
        List.of(WebhookBeans.outboundWebhooks(aws, clock)));
    return new MarkFailedHandler(new CoreBeans().markFailed(fixture.histories, notify, clock));
  }

  @Test
  void aFailedRunQueuesRunFailedForTheWebhooksThatWantIt() throws Exception {
    String table = LocalTenancyCloud.newTable();
    String queue = sqs.createQueue(create -> create.queueName("run-end-" + UUID.randomUUID().toString().substring(0, 8)))
        .queueUrl();
    DynamoTenancyStores stores = new DynamoTenancyStores(LocalTenancyCloud.clients().dynamoDb(), table);
    TenantId acme = TenantId.of("acme");
    stores.webhookSubscriptions().save(new WebhookSubscription(acme, "on-failure", URI.create("https://ops.example.com/ltb"),
        Set.of(WebhookEventType.RUN_FAILED), null, true));
    stores.webhookSubscriptions().save(new WebhookSubscription(acme, "on-success", URI.create("https://ci.example.com/ltb"),
        Set.of(WebhookEventType.RUN_COMPLETED), null, true));
    AwsAdapters aws = new AwsAdapters(LocalTenancyCloud.clients(),
        AwsSettings.of(Map.of(AwsSettings.TABLE, table, AwsSettings.WEBHOOK_QUEUE_URL, queue)));

    String answer = invoke(markFailed(aws), resource("mark-failed-after-plan.json"));

    assertThat(Json.mapper().readTree(answer).get("type").asText()).isEqualTo("run.failed");
    var messages = sqs.receiveMessage(receive -> receive.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1))
        .messages();
    assertThat(messages).hasSize(1);
    WebhookDelivery delivery = DeliveryMessages.decode(messages.get(0).body());
    assertThat(delivery.webhookId()).isEqualTo("on-failure");
    assertThat(delivery.attempt()).isEqualTo(1);
    assertThat(delivery.event().type()).isEqualTo(WebhookEventType.RUN_FAILED);
    assertThat(delivery.event().tenant()).isEqualTo(acme);
    assertThat(delivery.event().data()).containsEntry("runId", "run-9").containsEntry("status", "FAILED");
  }

  @Test
  void aTenantWithoutWebhooksNeedsNoQueue() throws Exception {
    AwsAdapters aws = new AwsAdapters(LocalTenancyCloud.clients(),
        AwsSettings.of(Map.of(AwsSettings.TABLE, LocalTenancyCloud.newTable())));

    String answer = invoke(markFailed(aws), resource("mark-failed-after-plan.json"));

    assertThat(Json.mapper().readTree(answer).get("type").asText()).isEqualTo("run.failed");
  }
}
