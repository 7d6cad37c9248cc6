package dev.ltb.webhook;

import dev.ltb.json.Json;
import dev.ltb.tenancy.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An outbound event; its JSON is the request body receivers get:
 * {@code {"id": "evt_…", "type": "run.completed", "createdAt": "…", "tenant": "acme", "data": {…}}}. The id is
 * derived from the run and type, so a repeated notification carries the same id and receivers can deduplicate.
 *
 * @param data JSON-friendly values only; counts and rates, no prompts or outputs
 */
public record WebhookEvent(String id, WebhookEventType type, Instant createdAt, TenantId tenant, Map<String, Object> data) {

  public WebhookEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(tenant, "tenant");
    data = Map.copyOf(data);
  }

  public byte[] body() {
    return Json.write(this).getBytes(StandardCharsets.UTF_8);
  }
}
