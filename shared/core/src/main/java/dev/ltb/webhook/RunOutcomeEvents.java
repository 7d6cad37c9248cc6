package dev.ltb.webhook;

import dev.ltb.aggregate.Totals;
import dev.ltb.analysis.ProviderDelta;
import dev.ltb.analysis.RunComparison;
import dev.ltb.run.RunRecord;
import dev.ltb.tenancy.TenantId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the outbound events of a finished run. Data holds ids, status, counts, rates and costs, never prompts or
 * outputs; the ids are derived from (tenant, run, type[, baseline]) so a repeated notification yields equal ids.
 */
public final class RunOutcomeEvents {

  private RunOutcomeEvents() {}

  /** {@code run.completed} for COMPLETED and PARTIAL runs, {@code run.failed} for FAILED and CANCELLED ones. */
  public static WebhookEvent outcome(TenantId tenant, RunRecord run, Instant now) {
    if (!run.status().terminal())
      throw new IllegalArgumentException("run " + run.runId() + " is " + run.status() + ", not finished");
    WebhookEventType type = switch (run.status()) {
      case COMPLETED, PARTIAL -> WebhookEventType.RUN_COMPLETED;
      default -> WebhookEventType.RUN_FAILED;
    };
    Map<String, Object> data = runData(run);
    return new WebhookEvent(eventId(tenant, run.runId(), type.id()), type, now, tenant, data);
  }

  /** {@code run.regressed}: which providers got worse than in the baseline, and by how much. */
  public static WebhookEvent regressed(TenantId tenant, RunRecord run, RunComparison comparison, Instant now) {
    Map<String, Object> data = runData(run);
    data.put("baselineRunId", comparison.runBefore());
    data.put("summary", comparison.summary());
    List<Map<String, Object>> providers = comparison.models().stream()
        .filter(ProviderDelta::regression)
        .map(RunOutcomeEvents::providerData)
        .toList();
    data.put("regressedProviders", providers);
    return new WebhookEvent(eventId(tenant, run.runId(), WebhookEventType.RUN_REGRESSED.id(), comparison.runBefore()),
        WebhookEventType.RUN_REGRESSED, now, tenant, data);
  }

  /** A {@code webhook.test} event, for the test-delivery endpoint. */
  public static WebhookEvent test(TenantId tenant, String webhookId, Instant now) {
    return new WebhookEvent(eventId(tenant, webhookId, "test", Long.toString(now.toEpochMilli())),
        WebhookEventType.TEST, now, tenant, Map.of("webhookId", webhookId, "message", "test delivery"));
  }

  private static Map<String, Object> runData(RunRecord run) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("runId", run.runId());
    data.put("status", run.status().name());
    if (run.description() != null) data.put("description", run.description());
    data.put("createdAt", run.createdAt().toString());
    if (run.finishedAt() != null) data.put("finishedAt", run.finishedAt().toString());
    data.put("totalItems", run.totalItems());
    if (run.statusReason() != null) data.put("reason", run.statusReason());
    if (run.summary() != null) {
      Totals totals = run.summary().totals();
      Map<String, Object> counts = new LinkedHashMap<>();
      counts.put("items", totals.items());
      counts.put("passed", totals.passed());
      counts.put("failed", totals.failed());
      counts.put("errors", totals.errors());
      counts.put("passRate", totals.passRate());
      counts.put("costUsd", totals.costUsd());
      counts.put("tokensIn", totals.tokens().input());
      counts.put("tokensOut", totals.tokens().output());
      data.put("totals", counts);
    }
    return data;
  }

  private static Map<String, Object> providerData(ProviderDelta delta) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("provider", delta.model());
    data.put("passRateBefore", delta.passRate().before());
    data.put("passRateAfter", delta.passRate().after());
    data.put("passRateVerdict", delta.passRate().verdict().text());
    data.put("adjustedPValue", delta.passRate().adjustedPValue());
    if (delta.score() != null) {
      data.put("scoreBefore", delta.score().before());
      data.put("scoreAfter", delta.score().after());
    }
    data.put("newlyFailing", delta.newlyFailing().size());
    data.put("summary", delta.summary());
    return data;
  }

  static String eventId(TenantId tenant, String... parts) {
    return "evt_" + digest(tenant.value() + "/" + String.join("/", parts)).substring(0, 32);
  }

  static String deliveryId(String eventId, String webhookId) {
    return "dlv_" + digest(eventId + "/" + webhookId).substring(0, 32);
  }

  private static String digest(String text) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
