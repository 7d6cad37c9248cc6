package dev.ltb.aws.sqs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.json.Json;
import dev.ltb.tenancy.TenantId;
import dev.ltb.webhook.WebhookDelivery;
import dev.ltb.webhook.WebhookEvent;
import dev.ltb.webhook.WebhookEventType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of a webhook delivery message on the queue:
 * {@code {"deliveryId": "…", "webhookId": "…", "attempt": 1, "event": {"id", "type", "createdAt", "tenant", "data"}}}.
 * The event is the exact JSON receivers get.
 */
public final class DeliveryMessages {

  private DeliveryMessages() {}

  public static String encode(WebhookDelivery delivery) {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("deliveryId", delivery.deliveryId());
    message.put("webhookId", delivery.webhookId());
    message.put("attempt", delivery.attempt());
    message.put("event", delivery.event());
    return Json.write(message);
  }

  /** The delivery, or {@link IllegalArgumentException} naming what is wrong with the message. */
  public static WebhookDelivery decode(String body) {
    JsonNode root;
    try {
      root = Json.mapper().readTree(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("delivery message is not JSON");
    }
    if (root == null || !root.isObject()) throw new IllegalArgumentException("delivery message is not a JSON object");
    JsonNode event = root.path("event");
    WebhookEventType type = WebhookEventType.fromId(text(event, "type"))
        .orElseThrow(() -> new IllegalArgumentException("delivery message has an unknown event type"));
    Map<String, Object> data = Json.mapper().convertValue(event.path("data"), new TypeReference<Map<String, Object>>() {});
    WebhookEvent decoded = new WebhookEvent(text(event, "id"), type, Instant.parse(text(event, "createdAt")),
        TenantId.of(text(event, "tenant")), data == null ? Map.of() : data);
    int attempt = root.path("attempt").asInt(1);
    return new WebhookDelivery(text(root, "deliveryId"), text(root, "webhookId"), decoded, attempt);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) throw new IllegalArgumentException("delivery message lacks " + field);
    return value.asText();
  }
}
