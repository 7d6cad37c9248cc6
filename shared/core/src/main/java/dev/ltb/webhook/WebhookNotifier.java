package dev.ltb.webhook;

import dev.ltb.analysis.RunComparison;
import dev.ltb.run.RunHistory;
import dev.ltb.run.RunRecord;
import dev.ltb.run.RunStatus;
import dev.ltb.tenancy.ResourceNotFoundException;
import dev.ltb.tenancy.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline's Notify step for webhooks: turns a finished run into events and queues one delivery per interested
 * webhook. {@code run.regressed} is computed only when some webhook wants it and the run COMPLETED, once per
 * baseline. Calling it twice for a run queues deliveries with the same ids, which receivers deduplicate.
 */
public final class WebhookNotifier {

  private static final Logger log = LoggerFactory.getLogger(WebhookNotifier.class);

  private final WebhookSubscriptions subscriptions;
  private final DeliveryQueue queue;
  private final RegressionCheck regressions;
  private final Clock clock;

  public WebhookNotifier(
      WebhookSubscriptions subscriptions, DeliveryQueue queue, RegressionCheck regressions, Clock clock) {
    this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
    this.queue = Objects.requireNonNull(queue, "queue");
    this.regressions = Objects.requireNonNull(regressions, "regressions");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Queues the deliveries for run {@code runId} of {@code tenant}, whose history is {@code history}.
   *
   * @return what was queued
   */
  public List<WebhookDelivery> runFinished(TenantId tenant, RunHistory history, String runId) {
    RunRecord run = history.find(runId).filter(found -> found.runId().equals(runId))
        .orElseThrow(() -> new ResourceNotFoundException("run", runId));
    Instant now = clock.instant();
    WebhookEvent outcome = RunOutcomeEvents.outcome(tenant, run, now);
    List<WebhookDelivery> queued = new ArrayList<>();
    Map<String, Optional<WebhookEvent>> regressedByBaseline = new HashMap<>();
    for (WebhookSubscription subscription : subscriptions.list(tenant)) {
      if (!subscription.tenantId().equals(tenant)) continue;
      if (subscription.wants(outcome.type())) queued.add(enqueue(subscription, outcome));
      if (run.status() == RunStatus.COMPLETED && subscription.wants(WebhookEventType.RUN_REGRESSED)) {
        String key = String.valueOf(subscription.baselineRunId());
        Optional<WebhookEvent> regressed = regressedByBaseline.computeIfAbsent(key,
            ignored -> regressionEvent(tenant, history, run, subscription.baselineRunId(), now));
        regressed.ifPresent(event -> queued.add(enqueue(subscription, event)));
      }
    }
    log.info("run {} of tenant {}: {} webhook deliveries queued", runId, tenant, queued.size());
    return queued;
  }

  private Optional<WebhookEvent> regressionEvent(
      TenantId tenant, RunHistory history, RunRecord run, String fixedBaseline, Instant now) {
    Optional<RunRecord> baseline = regressions.baseline(history, run, fixedBaseline);
    if (baseline.isEmpty()) return Optional.empty();
    RunComparison comparison = regressions.compare(history, baseline.get(), run);
    return comparison.regression()
        ? Optional.of(RunOutcomeEvents.regressed(tenant, run, comparison, now))
        : Optional.empty();
  }

  private WebhookDelivery enqueue(WebhookSubscription subscription, WebhookEvent event) {
    WebhookDelivery delivery = new WebhookDelivery(
        RunOutcomeEvents.deliveryId(event.id(), subscription.webhookId()), subscription.webhookId(), event, 1);
    queue.enqueue(delivery, Duration.ZERO);
    return delivery;
  }
}
