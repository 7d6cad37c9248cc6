package dev.ltb.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ltb.aggregate.RunSummary;
import dev.ltb.aggregate.Totals;
import dev.ltb.analysis.AnalysisOptions;
import dev.ltb.engine.ItemResult;
import dev.ltb.engine.ItemStatus;
import dev.ltb.json.Json;
import dev.ltb.provider.TokenUsage;
import dev.ltb.run.RunRecord;
import dev.ltb.run.RunStatus;
import dev.ltb.security.SecretValue;
import dev.ltb.tenancy.PageRequest;
import dev.ltb.tenancy.ResourceNotFoundException;
import dev.ltb.tenancy.TenantId;
import dev.ltb.testkit.InMemoryRunHistory;
import dev.ltb.testkit.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Run outcome → events → queued deliveries → signed POSTs to a receiver (WireMock), retries, DLQ, log. */
class OutboundWebhooksTest {

  static final TenantId ACME = TenantId.of("acme");
  static final SecretValue SECRET = SecretValue.of("whsec-acme-outbound-0001");
  static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");

  @RegisterExtension
  static WireMockExtension receiver = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final MutableClock clock = new MutableClock(T0);
  private final InMemoryRunHistory history = new InMemoryRunHistory();
  private final Map<String, WebhookSubscription> subscriptions = new LinkedHashMap<>();
  private final RecordingQueue queue = new RecordingQueue();
  private final InMemoryDeliveryLog deliveryLog = new InMemoryDeliveryLog();

  private final WebhookSubscriptions subscriptionStore = new WebhookSubscriptions() {
    @Override
    public List<WebhookSubscription> list(TenantId tenant) {
      return subscriptions.values().stream().filter(s -> s.tenantId().equals(tenant)).toList();
    }

    @Override
    public Optional<WebhookSubscription> find(TenantId tenant, String webhookId) {
      return Optional.ofNullable(subscriptions.get(webhookId)).filter(s -> s.tenantId().equals(tenant));
    }
  };
  private final WebhookNotifier notifier =
      new WebhookNotifier(subscriptionStore, queue, new RegressionCheck(AnalysisOptions.defaults()), clock);
  private final WebhookDeliveryWorker worker = new WebhookDeliveryWorker(subscriptionStore,
      (tenant, id) -> tenant.equals(ACME) ? Optional.of(SECRET) : Optional.empty(), WebhookSender.standard(), queue,
      deliveryLog, EndpointPolicy.allowingPrivateNetworks(), RetrySchedule.standard(), clock);

  private void subscribe(String id, String path, Set<WebhookEventType> events) {
    subscriptions.put(id, new WebhookSubscription(ACME, id, URI.create(receiver.baseUrl() + path), events, null, true));
  }

  private void receiverAnswers(String path, int status) {
    receiver.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(status)));
  }

  @Test
  void aCompletedRunIsDeliveredAsASignedEventThatAReceiverCanVerify() throws Exception {
    subscribe("ci", "/hooks/ltb", Set.of(WebhookEventType.RUN_COMPLETED, WebhookEventType.RUN_FAILED));
    receiverAnswers("/hooks/ltb", 204);
    storeRun("run-1", RunStatus.COMPLETED, T0, passes(30, 28));

    List<WebhookDelivery> queued = notifier.runFinished(ACME, history, "run-1");
    assertThat(queued).singleElement().extracting(d -> d.event().type()).isEqualTo(WebhookEventType.RUN_COMPLETED);
    DeliveryAttempt attempt = worker.deliver(queue.take());

    assertThat(attempt.outcome()).isEqualTo(DeliveryAttempt.Outcome.DELIVERED);
    assertThat(attempt.statusCode()).isEqualTo(204);
    LoggedRequest request = receiver.getAllServeEvents().getFirst().getRequest();
    assertThat(request.getHeader("X-LTB-Event")).isEqualTo("run.completed");
    assertThat(request.getHeader("X-LTB-Delivery")).isEqualTo(queued.getFirst().deliveryId());
    assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
    // What docs/tenancy.md tells receivers to do:
    LtbSignature.verify(SECRET, request.getBody(), request.getHeader("X-LTB-Signature"), clock.instant(),
        Duration.ofMinutes(5));
    JsonNode event = Json.mapper().readTree(request.getBody());
    assertThat(event.path("type").asText()).isEqualTo("run.completed");
    assertThat(event.path("tenant").asText()).isEqualTo("acme");
    assertThat(event.path("id").asText()).startsWith("evt_");
    assertThat(event.at("/data/runId").asText()).isEqualTo("run-1");
    assertThat(event.at("/data/totals/passed").asLong()).isEqualTo(28);
    assertThat(deliveryLog.list(ACME, "ci", PageRequest.first()).items()).containsExactly(attempt);
  }

  @Test
  void aFailedRunSendsRunFailedOnlyToWebhooksThatWantIt() {
    subscribe("failures", "/f", Set.of(WebhookEventType.RUN_FAILED));
    subscribe("successes", "/s", Set.of(WebhookEventType.RUN_COMPLETED));
    storeRun("run-1", RunStatus.FAILED, T0, List.of());

    List<WebhookDelivery> queued = notifier.runFinished(ACME, history, "run-1");

    assertThat(queued).singleElement().satisfies(d -> {
      assertThat(d.webhookId()).isEqualTo("failures");
      assertThat(d.event().type()).isEqualTo(WebhookEventType.RUN_FAILED);
      assertThat(d.event().data()).containsEntry("status", "FAILED").containsEntry("reason", "because");
    });
  }

  @Test
  void aSignificantDropAgainstThePreviousRunOfTheSameSuiteIsAnnouncedAsRunRegressed() {
    subscribe("quality", "/q", Set.of(WebhookEventType.RUN_REGRESSED));
    storeRun("run-base", RunStatus.COMPLETED, T0, passes(30, 28));
    storeRun("run-same", RunStatus.COMPLETED, T0.plusSeconds(60), passes(30, 28));
    storeRun("run-worse", RunStatus.COMPLETED, T0.plusSeconds(120), passes(30, 16));

    assertThat(notifier.runFinished(ACME, history, "run-same")).as("no change, no event").isEmpty();
    List<WebhookDelivery> queued = notifier.runFinished(ACME, history, "run-worse");

    assertThat(queued).singleElement().satisfies(d -> {
      assertThat(d.event().type()).isEqualTo(WebhookEventType.RUN_REGRESSED);
      assertThat(d.event().data()).containsEntry("baselineRunId", "run-same");
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> providers = (List<Map<String, Object>>) d.event().data().get("regressedProviders");
      assertThat(providers).singleElement().satisfies(p -> {
        assertThat(p).containsEntry("provider", "model-a").containsEntry("newlyFailing", 12);
        assertThat((double) p.get("passRateBefore")).isEqualTo(28 / 30.0);
        assertThat((double) p.get("passRateAfter")).isEqualTo(16 / 30.0);
      });
    });
  }

  @Test
  void aFixedBaselineIsUsedWhenTheWebhookNamesOne() {
    subscriptions.put("pinned", new WebhookSubscription(ACME, "pinned", URI.create(receiver.baseUrl() + "/p"),
        Set.of(WebhookEventType.RUN_REGRESSED), "run-gold", true));
    storeRun("run-gold", RunStatus.COMPLETED, T0, passes(30, 30));
    storeRun("run-prev", RunStatus.COMPLETED, T0.plusSeconds(60), passes(30, 17));
    storeRun("run-now", RunStatus.COMPLETED, T0.plusSeconds(120), passes(30, 17));

    assertThat(notifier.runFinished(ACME, history, "run-now")).singleElement()
        .satisfies(d -> assertThat(d.event().data()).containsEntry("baselineRunId", "run-gold"));
  }

  @Test
  void notifyingTwiceYieldsTheSameEventAndDeliveryIdsSoReceiversCanDeduplicate() {
    subscribe("ci", "/hooks/ltb", Set.of(WebhookEventType.RUN_COMPLETED));
    storeRun("run-1", RunStatus.COMPLETED, T0, passes(4, 4));

    WebhookDelivery first = notifier.runFinished(ACME, history, "run-1").getFirst();
    clock.advance(Duration.ofMinutes(3));
    WebhookDelivery second = notifier.runFinished(ACME, history, "run-1").getFirst();

    assertThat(second.deliveryId()).isEqualTo(first.deliveryId());
    assertThat(second.event().id()).isEqualTo(first.event().id());
  }

  @Test
  void serverErrorsAreRetriedWithBackoffUntilTheAttemptsAreUsedUpThenDeadLettered() {
    subscribe("flaky", "/down", Set.of(WebhookEventType.RUN_COMPLETED));
    receiverAnswers("/down", 503);
    storeRun("run-1", RunStatus.COMPLETED, T0, passes(4, 4));
    notifier.runFinished(ACME, history, "run-1");

    List<DeliveryAttempt> attempts = new ArrayList<>();
    while (!queue.pending.isEmpty()) {
      WebhookDelivery next = queue.take();
      attempts.add(worker.deliver(next));
    }

    assertThat(attempts).hasSize(8);
    assertThat(queue.delays).containsExactly(Duration.ZERO, Duration.ofSeconds(10), Duration.ofSeconds(30),
        Duration.ofSeconds(90), Duration.ofSeconds(270), Duration.ofSeconds(810), Duration.ofMinutes(15),
        Duration.ofMinutes(15));
    assertThat(attempts.subList(0, 7)).allSatisfy(a -> {
      assertThat(a.outcome()).isEqualTo(DeliveryAttempt.Outcome.RETRY_SCHEDULED);
      assertThat(a.statusCode()).isEqualTo(503);
    });
    assertThat(attempts.getLast().outcome()).isEqualTo(DeliveryAttempt.Outcome.FAILED);
    assertThat(attempts.getLast().error()).isEqualTo("receiver answered 503; gave up after 8 attempts");
    assertThat(queue.deadLetters).hasSize(1);
    assertThat(receiver.getAllServeEvents()).hasSize(8);
    assertThat(deliveryLog.list(ACME, "flaky", PageRequest.first(5)).nextCursor()).isPresent();
  }

  @Test
  void aReceiverThatRefusesTheEventIsNotRetried() {
    subscribe("gone", "/gone", Set.of(WebhookEventType.RUN_COMPLETED));
    receiverAnswers("/gone", 410);
    storeRun("run-1", RunStatus.COMPLETED, T0, passes(4, 4));
    notifier.runFinished(ACME, history, "run-1");

    DeliveryAttempt attempt = worker.deliver(queue.take());

    assertThat(attempt.outcome()).isEqualTo(DeliveryAttempt.Outcome.FAILED);
    assertThat(queue.pending).isEmpty();
    assertThat(queue.deadLetters).isEmpty();
  }

  @Test
  void anUnreachableReceiverIsRetried() {
    subscriptions.put("closed", new WebhookSubscription(ACME, "closed", URI.create("http://127.0.0.1:9/x"),
        Set.of(WebhookEventType.RUN_COMPLETED), null, true));
    storeRun("run-1", RunStatus.COMPLETED, T0, passes(4, 4));
    notifier.runFinished(ACME, history, "run-1");

    DeliveryAttempt attempt = worker.deliver(queue.take());

    assertThat(attempt.outcome()).isEqualTo(DeliveryAttempt.Outcome.RETRY_SCHEDULED);
    assertThat(attempt.statusCode()).isNull();
    assertThat(attempt.error()).startsWith("connection failed");
    assertThat(attempt.nextAttemptAt()).isEqualTo(T0.plusSeconds(10));
  }

  @Test
  void theTestDeliveryEndpointSendsOneSignedPingAndLogsIt() {
    subscribe("ci", "/hooks/ltb", Set.of(WebhookEventType.RUN_COMPLETED));
    receiverAnswers("/hooks/ltb", 500);

    DeliveryAttempt attempt = worker.sendTest(ACME, "ci");

    assertThat(attempt.eventType()).isEqualTo(WebhookEventType.TEST);
    assertThat(attempt.outcome()).as("no retries for a test").isEqualTo(DeliveryAttempt.Outcome.FAILED);
    assertThat(queue.pending).isEmpty();
    assertThat(receiver.getAllServeEvents().getFirst().getRequest().getHeader("X-LTB-Event")).isEqualTo("webhook.test");
    assertThatThrownBy(() -> worker.sendTest(TenantId.of("beta"), "ci")).isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void deliveriesToPrivateAddressesAreSkippedUnderTheSaasPolicy() {
    WebhookDeliveryWorker saas = new WebhookDeliveryWorker(subscriptionStore, (t, id) -> Optional.of(SECRET),
        WebhookSender.standard(), queue, deliveryLog, EndpointPolicy.publicHttpsOnly(), RetrySchedule.standard(),
        clock);
    subscriptions.put("metadata", new WebhookSubscription(ACME, "metadata",
        URI.create("https://169.254.169.254/latest/meta-data/"), Set.of(WebhookEventType.RUN_COMPLETED), null, true));
    storeRun("run-1", RunStatus.COMPLETED, T0, passes(4, 4));
    notifier.runFinished(ACME, history, "run-1");

    DeliveryAttempt attempt = saas.deliver(queue.take());

    assertThat(attempt.outcome()).isEqualTo(DeliveryAttempt.Outcome.SKIPPED);
    assertThat(attempt.error()).isEqualTo("URL not allowed: webhook host 169.254.169.254 resolves to a non-public address");
  }

  @Test
  void aDeletedOrDisabledWebhookGetsNothing() {
    subscribe("ci", "/hooks/ltb", Set.of(WebhookEventType.RUN_COMPLETED));
    storeRun("run-1", RunStatus.COMPLETED, T0, passes(4, 4));
    notifier.runFinished(ACME, history, "run-1");
    subscriptions.clear();

    assertThat(worker.deliver(queue.take()).outcome()).isEqualTo(DeliveryAttempt.Outcome.SKIPPED);
    assertThat(receiver.getAllServeEvents()).isEmpty();
  }

  private void storeRun(String runId, RunStatus status, Instant createdAt, List<Boolean> passes) {
    history.create(new RunRecord(runId, "refund suite", "suite:refund", "{}", RunStatus.QUEUED, createdAt, null,
        passes.size(), null, null));
    for (int i = 0; i < passes.size(); i++) history.save(item(runId, i, passes.get(i)));
    long passed = passes.stream().filter(p -> p).count();
    Totals totals = new Totals(passes.size(), passed, passes.size() - passed, 0,
        passes.isEmpty() ? 0 : (double) passed / passes.size(), new TokenUsage(100L * passes.size(), 20L * passes.size()),
        0.01, 0, 1000);
    RunSummary summary = new RunSummary(RunSummary.FORMAT_VERSION, runId, "refund suite", createdAt,
        createdAt.plusSeconds(30), totals, List.of(), Map.of());
    history.finish(runId, status, summary, status == RunStatus.COMPLETED ? null : "because");
  }

  /** {@code passed} of {@code cases} pass: cases 0 … passed-1. */
  private static List<Boolean> passes(int cases, int passed) {
    List<Boolean> result = new ArrayList<>();
    for (int i = 0; i < cases; i++) result.add(i < passed);
    return result;
  }

  private static ItemResult item(String runId, int test, boolean passed) {
    return new ItemResult(runId, "item-%04d".formatted(test), test, "case " + test, Map.of("n", test), Map.of(), "p0",
        "main", "prompt " + test, 0, "echo", "model-a", 0, passed ? ItemStatus.PASS : ItemStatus.FAIL, passed ? 1 : 0,
        passed ? "ok" : "wrong", "answer", List.of(), Map.of(), new TokenUsage(100, 20), TokenUsage.NONE, 0.001, 500L,
        null, "stop", false, 1, null, T0);
  }

  /** The delivery queue as SQS would hold it: messages with their delays, and a dead-letter list. */
  static final class RecordingQueue implements DeliveryQueue {
    final List<WebhookDelivery> pending = new ArrayList<>();
    final List<Duration> delays = new ArrayList<>();
    final List<WebhookDelivery> deadLetters = new ArrayList<>();

    @Override
    public void enqueue(WebhookDelivery delivery, Duration delay) {
      pending.add(delivery);
      delays.add(delay);
    }

    @Override
    public void deadLetter(WebhookDelivery delivery, String reason) {
      deadLetters.add(delivery);
    }

    WebhookDelivery take() {
      return pending.removeFirst();
    }
  }
}
