package dev.ltb.functions.graphql;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ltb.aggregate.RunSummary;
import dev.ltb.aggregate.Totals;
import dev.ltb.api.RunView;
import dev.ltb.api.StoredSuite;
import dev.ltb.audit.AuditRecord;
import dev.ltb.engine.ItemResult;
import dev.ltb.provider.TokenUsage;
import dev.ltb.json.Json;
import dev.ltb.provider.ProviderDescriptor;
import dev.ltb.security.ApiKeyRecord;
import dev.ltb.security.ProviderCredentialStore;
import dev.ltb.tenancy.Page;
import dev.ltb.usage.DailyUsage;
import dev.ltb.webhook.DeliveryAttempt;
import dev.ltb.webhook.WebhookEventType;
import dev.ltb.webhook.WebhookSubscription;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The core's records in the shape of the schema's types (field names as in {@code docs/api/schema.graphql}).
 * {@code AWSJSON} fields are JSON text, {@code AWSDateTime} ISO-8601 instants; absent fields read as null.
 */
final class Views {

  private Views() {}

  static Map<String, Object> run(RunView run) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("runId", run.runId());
    view.put("description", run.description());
    view.put("suiteSource", run.suiteSource());
    view.put("status", run.status().name());
    view.put("statusReason", run.statusReason());
    view.put("createdAt", run.createdAt());
    view.put("finishedAt", run.finishedAt());
    view.put("totalItems", run.totalItems());
    view.put("hasSummary", run.hasSummary());
    return view;
  }

  static Map<String, Object> summary(RunSummary summary) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("runId", summary.runId());
    view.put("formatVersion", summary.formatVersion());
    view.put("startedAt", summary.startedAt());
    view.put("finishedAt", summary.finishedAt());
    view.put("totals", totals(summary.totals()));
    view.put("groups", json(summary.groups()));
    view.put("evaluators", json(summary.evaluators()));
    return view;
  }

  static Map<String, Object> totals(Totals totals) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("items", totals.items());
    view.put("passed", totals.passed());
    view.put("failed", totals.failed());
    view.put("errors", totals.errors());
    view.put("passRate", totals.passRate());
    view.put("costUsd", totals.costUsd() + totals.judgeCostUsd());
    return view;
  }

  static Map<String, Object> result(ItemResult result) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("itemId", result.itemId());
    view.put("testIndex", result.testIndex());
    view.put("testDescription", result.testDescription());
    view.put("promptId", result.promptId());
    view.put("providerId", result.providerId());
    view.put("providerLabel", result.providerLabel());
    view.put("repeatIndex", result.repeatIndex());
    view.put("status", result.status().name());
    view.put("score", result.score());
    view.put("reason", result.reason());
    view.put("output", result.output());
    view.put("vars", json(result.vars()));
    view.put("assertions", json(result.assertions()));
    view.put("namedScores", json(result.namedScores()));
    view.put("tokens", tokens(result.tokens()));
    view.put("costUsd", result.totalCostUsd());
    view.put("latencyMs", result.latencyMs());
    if (result.error() != null)
      view.put("error", Map.of("kind", result.error().kind(), "message", result.error().message()));
    view.put("startedAt", result.startedAt());
    return view;
  }

  static Map<String, Object> tokens(TokenUsage tokens) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("input", tokens.input());
    view.put("output", tokens.output());
    view.put("cached", tokens.cached());
    return view;
  }

  static Map<String, Object> suite(StoredSuite.SuiteInfo suite) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("suiteId", suite.suiteId());
    view.put("version", suite.version());
    view.put("name", suite.name());
    view.put("format", suite.format());
    view.put("createdAt", suite.createdAt());
    view.put("createdBy", suite.createdBy());
    return view;
  }

  static Map<String, Object> suite(StoredSuite suite) {
    Map<String, Object> view = suite(suite.info());
    view.put("content", suite.text());
    return view;
  }

  static Map<String, Object> provider(ProviderDescriptor provider) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("prefix", provider.prefix());
    view.put("idFormat", provider.idFormat());
    view.put("description", provider.description());
    view.put("configKeys", provider.configKeys() == null ? List.of() : provider.configKeys());
    return view;
  }

  static Map<String, Object> credential(ProviderCredentialStore.Info credential) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("name", credential.name());
    view.put("updatedAt", credential.updatedAt());
    return view;
  }

  static Map<String, Object> usageDay(DailyUsage day) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("day", day.day().toString());
    view.put("records", day.usage().records());
    view.put("items", day.usage().items());
    view.put("tokensIn", day.usage().tokensIn());
    view.put("tokensOut", day.usage().tokensOut());
    view.put("providerCostUsd", day.usage().providerCostUsd());
    view.put("computeMs", day.usage().computeMs());
    return view;
  }

  static Map<String, Object> audit(AuditRecord record) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", record.id());
    view.put("at", record.at());
    view.put("actorId", record.actorId());
    view.put("actorKind", record.actorKind() == null ? null : record.actorKind().id());
    view.put("actorRole", record.actorRole() == null ? null : record.actorRole().id());
    view.put("action", record.action());
    view.put("resourceType", record.resource().type());
    view.put("resourceId", record.resource().id());
    view.put("result", record.result().id());
    view.put("reason", record.reason());
    view.put("sourceIp", record.sourceIp());
    return view;
  }

  static Map<String, Object> apiKey(ApiKeyRecord key) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("keyId", key.keyId());
    view.put("name", key.name());
    view.put("display", key.display());
    view.put("role", key.role().id());
    view.put("createdAt", key.createdAt());
    view.put("createdBy", key.createdBy());
    view.put("lastUsedAt", key.lastUsedAt());
    view.put("revokedAt", key.revokedAt());
    return view;
  }

  static Map<String, Object> webhook(WebhookSubscription hook) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("webhookId", hook.webhookId());
    view.put("url", hook.url().toString());
    view.put("events", hook.events().stream().map(WebhookEventType::id).sorted().toList());
    view.put("baselineRunId", hook.baselineRunId());
    view.put("enabled", hook.enabled());
    return view;
  }

  static Map<String, Object> delivery(DeliveryAttempt attempt) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("deliveryId", attempt.deliveryId());
    view.put("eventType", attempt.eventType().id());
    view.put("attempt", attempt.attempt());
    view.put("at", attempt.at());
    view.put("outcome", attempt.outcome().name());
    view.put("statusCode", attempt.statusCode());
    view.put("durationMs", attempt.durationMs());
    view.put("error", attempt.error());
    return view;
  }

  /** A connection: {@code items} and {@code nextToken} (the page's cursor). */
  static <T> Map<String, Object> connection(Page<T> page, Function<T, Map<String, Object>> view) {
    Map<String, Object> connection = new LinkedHashMap<>();
    connection.put("items", page.items().stream().map(view).toList());
    connection.put("nextToken", page.nextCursor().orElse(null));
    return connection;
  }

  /** An AWSJSON value: JSON text. */
  static String json(Object value) {
    if (value == null) return null;
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }
}
