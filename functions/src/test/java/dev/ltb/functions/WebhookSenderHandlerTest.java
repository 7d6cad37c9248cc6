package dev.ltb.functions;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.ltb.functions.HandlerFixture.invoke;
import static dev.ltb.functions.HandlerFixture.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ltb.aws.AwsAdapters;
import dev.ltb.aws.AwsClients;
import dev.ltb.aws.AwsSettings;
import dev.ltb.aws.dynamodb.tenancy.DynamoTenancyStores;
import dev.ltb.aws.sqs.DeliveryMessages;
import dev.ltb.json.Json;
import dev.ltb.security.SecretValue;
import dev.ltb.tenancy.PageRequest;
import dev.ltb.tenancy.TenantId;
import dev.ltb.webhook.DeliveryAttempt;
import dev.ltb.webhook.EndpointPolicy;
import dev.ltb.webhook.LtbSignature;
import dev.ltb.webhook.WebhookDelivery;
import dev.ltb.webhook.WebhookEvent;
import dev.ltb.webhook.WebhookEventType;
import dev.ltb.webhook.WebhookSubscription;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * {@code webhook-sender} with the documented SQS event, deliveries queued on ElasticMQ, webhooks and the delivery
 * log in dynalite, the signing secret from Secrets Manager at the wire and a receiver (WireMock) that checks the
 * signature as docs/tenancy.md tells receivers to.
 */
class WebhookSenderHandlerTest {

  static final TenantId ACME = TenantId.of("acme");
  static final String SECRET = "whsec_" + "k3Jd9sPq2LmN8vXc4RtY7wZa1BnE6fGh";
  static WireMockServer receiver;
  static WireMockServer secretsManager;
  static AwsClients clients;
  static SqsClient sqs;

  String table;
  String queue;
  String deadLetters;
  DynamoTenancyStores stores;
  WebhookSenderHandler handler;

  @BeforeAll
  static void start() {
    LocalTenancyCloud.clients();
    receiver = new WireMockServer(options().dynamicPort());
    receiver.start();
    secretsManager = new WireMockServer(options().dynamicPort());
    secretsManager.start();
    SecretsManagerStub.missingByDefault(secretsManager);
    SecretsManagerStub.secret(secretsManager, "ltb/test/tenants/acme/webhooks/wh-1", SECRET);
    System.setProperty("aws.endpointUrlSecretsManager", secretsManager.baseUrl());
    clients = new AwsClients();
    sqs = clients.sqs();
  }

  @AfterAll
  static void stop() {
    System.clearProperty("aws.endpointUrlSecretsManager");
    clients.close();
    receiver.stop();
    secretsManager.stop();
  }

  @BeforeEach
  void setUp() {
    receiver.resetAll();
    table = LocalTenancyCloud.newTable();
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    queue = sqs.createQueue(create -> create.queueName("webhooks-" + suffix)).queueUrl();
    deadLetters = sqs.createQueue(create -> create.queueName("webhooks-dlq-" + suffix)).queueUrl();
    AwsAdapters aws = new AwsAdapters(clients, AwsSettings.of(Map.of(AwsSettings.TABLE, table,
        AwsSettings.SECRETS_PREFIX, "ltb/test/", AwsSettings.WEBHOOK_QUEUE_URL, queue,
        AwsSettings.WEBHOOK_DEAD_LETTER_URL, deadLetters)));
    stores = new DynamoTenancyStores(clients.dynamoDb(), table);
    stores.webhookSubscriptions().save(new WebhookSubscription(ACME, "wh-1",
        URI.create(receiver.baseUrl() + "/receiver/t0k3n-in-path"), Set.of(WebhookEventType.RUN_COMPLETED), null, true));
    // the receiver is on 127.0.0.1: a single-tenant installation's policy (the SaaS default refuses it)
    handler = new WebhookSenderHandler(WebhookBeans.deliveryWorker(aws, EndpointPolicy.allowingPrivateNetworks(),
        Clock.systemUTC()));
  }

  static WebhookDelivery delivery(int attempt) {
    WebhookEvent event = new WebhookEvent("evt_5d0c1a", WebhookEventType.RUN_COMPLETED, Instant.parse("2026-11-28T12:00:31Z"),
        ACME, Map.of("runId", "20261128-120000-a1b2c3", "status", "COMPLETED", "totalItems", 600));
    return new WebhookDelivery("dlv_5d0c1a-wh-1", "wh-1", event, attempt);
  }

  static String sqsEvent(String first, String second) throws Exception {
    ObjectNode event = (ObjectNode) Json.mapper().readTree(resource("webhook-sender-sqs.json"));
    ((ObjectNode) event.get("Records").get(0)).put("body", first);
    ((ObjectNode) event.get("Records").get(1)).put("body", second);
    return event.toString();
  }

  JsonNode send(String first, String second) throws Exception {
    return Json.mapper().readTree(invoke(handler, sqsEvent(first, second)));
  }

  List<DeliveryAttempt> log() {
    return stores.deliveryLog().list(ACME, "wh-1", PageRequest.first(10)).items();
  }

  @Test
  void aDeliveryArrivesSignedSoTheReceiverCanVerifyItAndIsLogged() throws Exception {
    receiver.stubFor(post(urlEqualTo("/receiver/t0k3n-in-path")).willReturn(aResponse().withStatus(204)));

    JsonNode answer;
    String logs;
    try (LogCapture capture = new LogCapture()) {
      answer = send(DeliveryMessages.encode(delivery(1)), DeliveryMessages.encode(delivery(1)));
      logs = capture.text();
    }

    assertThat(answer.get("batchItemFailures").size()).isZero();
    assertThat(logs).as("logged by host only").contains("to host localhost").doesNotContain("t0k3n-in-path")
        .doesNotContain(SECRET);
    List<LoggedRequest> received = receiver.findAll(postRequestedFor(urlEqualTo("/receiver/t0k3n-in-path")));
    assertThat(received).hasSize(2);
    LoggedRequest request = received.get(0);
    assertThat(request.getHeader("X-LTB-Event")).isEqualTo("run.completed");
    assertThat(request.getHeader("X-LTB-Delivery")).isEqualTo("dlv_5d0c1a-wh-1");
    assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
    // what a receiver does: HMAC over "<t>.<raw body>" with its secret, 5 minutes' tolerance
    LtbSignature.verify(SecretValue.of(SECRET), request.getBody(), request.getHeader("X-LTB-Signature"), Instant.now(),
        LtbSignature.TOLERANCE);
    JsonNode body = Json.mapper().readTree(request.getBodyAsString());
    assertThat(body.get("type").asText()).isEqualTo("run.completed");
    assertThat(body.at("/data/runId").asText()).isEqualTo("20261128-120000-a1b2c3");
    assertThat(log()).extracting(DeliveryAttempt::outcome, DeliveryAttempt::statusCode)
        .containsOnly(org.assertj.core.groups.Tuple.tuple(DeliveryAttempt.Outcome.DELIVERED, 204));
  }

  @Test
  void aFailingReceiverGetsTheDeliveryAgainAfterTheBackoffAsADelayedMessage() throws Exception {
    receiver.stubFor(post(urlEqualTo("/receiver/t0k3n-in-path")).willReturn(aResponse().withStatus(503)));

    JsonNode answer = send(DeliveryMessages.encode(delivery(1)), DeliveryMessages.encode(delivery(3)));

    assertThat(answer.get("batchItemFailures").size()).as("the worker requeued them: these messages are done").isZero();
    Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(get -> get.queueUrl(queue)
        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
    assertThat(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).isEqualTo("2");
    List<DeliveryAttempt> attempts = log();
    assertThat(attempts).extracting(DeliveryAttempt::outcome).containsOnly(DeliveryAttempt.Outcome.RETRY_SCHEDULED);
    DeliveryAttempt first = attempts.stream().filter(a -> a.attempt() == 1).findFirst().orElseThrow();
    assertThat(first.nextAttemptAt()).isEqualTo(first.at().plusSeconds(10));
    assertThat(first.error()).isEqualTo("receiver answered 503");
    DeliveryAttempt third = attempts.stream().filter(a -> a.attempt() == 3).findFirst().orElseThrow();
    assertThat(third.nextAttemptAt()).isEqualTo(third.at().plusSeconds(90));
  }

  @Test
  void theLastAttemptGoesToTheDeadLetterQueueWithItsReason() throws Exception {
    receiver.stubFor(post(urlEqualTo("/receiver/t0k3n-in-path")).willReturn(aResponse().withStatus(500)));

    send(DeliveryMessages.encode(delivery(8)), "not a delivery");

    List<Message> dead = sqs.receiveMessage(receive -> receive.queueUrl(deadLetters).waitTimeSeconds(2)
        .messageAttributeNames("All")).messages();
    assertThat(dead).hasSize(1);
    assertThat(DeliveryMessages.decode(dead.get(0).body())).isEqualTo(delivery(8));
    assertThat(dead.get(0).messageAttributes().get("reason").stringValue())
        .isEqualTo("receiver answered 500; gave up after 8 attempts");
    assertThat(log()).extracting(DeliveryAttempt::outcome).containsExactly(DeliveryAttempt.Outcome.FAILED);
  }

  @Test
  void onlyTheUnreadableMessageIsReportedAsABatchItemFailure() throws Exception {
    receiver.stubFor(post(urlEqualTo("/receiver/t0k3n-in-path")).willReturn(aResponse().withStatus(200)));

    JsonNode answer = send(DeliveryMessages.encode(delivery(1)), "{\"deliveryId\": 42}");

    assertThat(answer.get("batchItemFailures").toString())
        .isEqualTo("[{\"itemIdentifier\":\"2e1424d4-f796-459a-8184-9c92662be6da\"}]");
    assertThat(log()).hasSize(1);
  }

  @Test
  void aRefusalIsFinalAndADeletedWebhookGetsNothing() throws Exception {
    receiver.stubFor(post(urlEqualTo("/receiver/t0k3n-in-path")).willReturn(aResponse().withStatus(410)));
    send(DeliveryMessages.encode(delivery(1)), DeliveryMessages.encode(delivery(1)));
    assertThat(log()).extracting(DeliveryAttempt::outcome).containsOnly(DeliveryAttempt.Outcome.FAILED);

    stores.webhookSubscriptions().delete(ACME, "wh-1");
    receiver.resetRequests();
    send(DeliveryMessages.encode(delivery(1)), DeliveryMessages.encode(delivery(1)));

    receiver.verify(0, postRequestedFor(urlEqualTo("/receiver/t0k3n-in-path")));
    assertThat(sqs.getQueueAttributes(get -> get.queueUrl(queue).attributeNames(QueueAttributeName.ALL)).attributes()
        .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).isEqualTo("0");
  }
}
