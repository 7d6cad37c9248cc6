package dev.ltb.api;

import dev.ltb.audit.ResourceRef;
import dev.ltb.security.Operation;
import dev.ltb.security.SecretValue;
import dev.ltb.tenancy.ResourceNotFoundException;
import dev.ltb.webhook.DeliveryAttempt;
import dev.ltb.webhook.EndpointPolicy;
import dev.ltb.webhook.WebhookDeliveryWorker;
import dev.ltb.webhook.WebhookEventType;
import dev.ltb.webhook.WebhookSubscription;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Outbound webhooks: create (the signing secret is shown once), list, get, change, delete, send a test event. */
public final class WebhookService {

  private static final String WEBHOOK = "webhook";

  private final WebhookRegistry registry;
  private final WebhookDeliveryWorker delivery;
  private final EndpointPolicy policy;
  private final Guard guard;
  private final SecureRandom random = new SecureRandom();

  WebhookService(WebhookRegistry registry, WebhookDeliveryWorker delivery, EndpointPolicy policy, Guard guard) {
    this.registry = Objects.requireNonNull(registry);
    this.delivery = Objects.requireNonNull(delivery);
    this.policy = Objects.requireNonNull(policy);
    this.guard = Objects.requireNonNull(guard);
  }

  /** What a caller sets: where, which events (ids such as {@code run.completed}), the baseline, on or off. */
  public record WebhookSettings(String url, List<String> events, String baselineRunId, Boolean enabled) {}

  /** A new webhook and the secret it signs deliveries with (shown only here). */
  public record CreatedWebhook(WebhookSubscription webhook, String secret) {}

  public CreatedWebhook create(Caller caller, WebhookSettings settings) {
    guard.require(caller, Operation.WEBHOOKS_MANAGE, ResourceRef.collection(WEBHOOK));
    byte[] id = new byte[8];
    random.nextBytes(id);
    WebhookSubscription webhook = subscription(caller, "wh-" + HexFormat.of().formatHex(id), settings);
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    String secretText = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    registry.create(webhook, SecretValue.of(secretText));
    guard.succeeded(caller, Operation.WEBHOOKS_MANAGE, ResourceRef.of(WEBHOOK, webhook.webhookId()));
    return new CreatedWebhook(webhook, secretText);
  }

  public List<WebhookSubscription> list(Caller caller) {
    guard.require(caller, Operation.WEBHOOKS_READ, ResourceRef.collection(WEBHOOK));
    return registry.list(caller.tenant());
  }

  public WebhookSubscription get(Caller caller, String webhookId) {
    guard.require(caller, Operation.WEBHOOKS_READ, WEBHOOK, "webhookId", webhookId);
    return find(caller, webhookId);
  }

  public WebhookSubscription update(Caller caller, String webhookId, WebhookSettings settings) {
    ResourceRef resource = guard.require(caller, Operation.WEBHOOKS_MANAGE, WEBHOOK, "webhookId", webhookId);
    find(caller, webhookId);
    WebhookSubscription webhook = subscription(caller, webhookId, settings);
    if (!registry.update(webhook)) throw new ResourceNotFoundException(WEBHOOK, webhookId);
    guard.succeeded(caller, Operation.WEBHOOKS_MANAGE, resource);
    return webhook;
  }

  public void delete(Caller caller, String webhookId) {
    ResourceRef resource = guard.require(caller, Operation.WEBHOOKS_MANAGE, WEBHOOK, "webhookId", webhookId);
    if (!registry.delete(caller.tenant(), webhookId)) throw new ResourceNotFoundException(WEBHOOK, webhookId);
    guard.succeeded(caller, Operation.WEBHOOKS_MANAGE, resource);
  }

  /** Sends one signed {@code webhook.test} event now and answers what the receiver said. */
  public DeliveryAttempt test(Caller caller, String webhookId) {
    ResourceRef resource = guard.require(caller, Operation.WEBHOOKS_MANAGE, WEBHOOK, "webhookId", webhookId);
    find(caller, webhookId);
    DeliveryAttempt attempt = delivery.sendTest(caller.tenant(), webhookId);
    guard.succeeded(caller, Operation.WEBHOOKS_MANAGE, resource);
    return attempt;
  }

  private WebhookSubscription find(Caller caller, String webhookId) {
    return registry.find(caller.tenant(), webhookId)
        .filter(found -> found.tenantId().equals(caller.tenant()))
        .orElseThrow(() -> new ResourceNotFoundException(WEBHOOK, webhookId));
  }

  private WebhookSubscription subscription(Caller caller, String webhookId, WebhookSettings settings) {
    if (settings == null || settings.url() == null) throw ApiException.invalidField("url", "is required");
    URI url;
    try {
      url = new URI(settings.url());
      policy.check(url);
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw ApiException.invalidField("url", e.getMessage());
    }
    if (settings.events() == null || settings.events().isEmpty())
      throw ApiException.invalidField("events", "name at least one event, e.g. run.completed");
    Set<WebhookEventType> events = new LinkedHashSet<>();
    for (int i = 0; i < settings.events().size(); i++) {
      String event = settings.events().get(i);
      int index = i;
      events.add(WebhookEventType.fromId(event).orElseThrow(() -> ApiException.invalidField("events[" + index + "]",
          "unknown event " + dev.ltb.tenancy.Ids.describe(event) + "; known: " + knownEvents())));
    }
    if (settings.baselineRunId() != null) dev.ltb.tenancy.Ids.requireResourceId("baselineRunId", settings.baselineRunId());
    return new WebhookSubscription(caller.tenant(), webhookId, url, events, settings.baselineRunId(),
        settings.enabled() == null || settings.enabled());
  }

  private static String knownEvents() {
    return String.join(", ", java.util.Arrays.stream(WebhookEventType.values()).map(WebhookEventType::id).toList());
  }
}
