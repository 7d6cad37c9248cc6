package dev.ltb.functions.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.api.WebhookService;
import dev.ltb.functions.graphql.errors.BadRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Outbound webhooks: list, create (the signing secret is in this answer only), update, delete, test delivery. */
final class WebhookResolvers implements ResolverGroup {

  private final WebhookService webhooks;

  WebhookResolvers(WebhookService webhooks) {
    this.webhooks = Objects.requireNonNull(webhooks);
  }

  @Override
  public void register(ResolverRegistry.Builder registry) {
    registry
        .query("webhooks", call -> webhooks.list(Callers.of(call)).stream().map(Views::webhook).toList())
        .mutation("createWebhook", this::create)
        .mutation(
            "updateWebhook",
            call -> Views.webhook(webhooks.update(Callers.of(call), call.string("webhookId"), settings(call))))
        .mutation(
            "deleteWebhook",
            call -> {
              webhooks.delete(Callers.of(call), call.string("webhookId"));
              return true;
            })
        .mutation("testWebhook", call -> Views.delivery(webhooks.test(Callers.of(call), call.string("webhookId"))));
  }

  private Object create(ResolverCall call) {
    WebhookService.CreatedWebhook created = webhooks.create(Callers.of(call), settings(call));
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("webhook", Views.webhook(created.webhook()));
    view.put("secret", created.secret());
    return view;
  }

  private static WebhookService.WebhookSettings settings(ResolverCall call) {
    JsonNode input = call.object("input");
    if (!input.isObject()) throw new BadRequest(call.field().fieldName() + ": argument 'input' is required");
    List<String> events = new ArrayList<>();
    input.path("events").forEach(e -> events.add(e.asText()));
    return new WebhookService.WebhookSettings(
        input.hasNonNull("url") ? input.get("url").asText() : null,
        events,
        input.hasNonNull("baselineRunId") ? input.get("baselineRunId").asText() : null,
        input.hasNonNull("enabled") ? input.get("enabled").asBoolean() : null);
  }
}
