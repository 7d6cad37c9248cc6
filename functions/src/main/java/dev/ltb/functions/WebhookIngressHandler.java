package dev.ltb.functions;

import com.amazonaws.services.lambda.runtime.Context;
import dev.ltb.audit.RequestContext;
import dev.ltb.functions.wire.ProxyEvent;
import dev.ltb.functions.wire.ProxyResponse;
import dev.ltb.json.Json;
import dev.ltb.webhook.HookOutcome;
import dev.ltb.webhook.InboundHookService;
import dev.ltb.webhook.InboundRequest;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code webhook-ingress}: {@code POST /hooks/{tenant}/{hook}} (API Gateway REST proxy event) → the core's
 * {@link InboundHookService} (signature, replay, payload mapping, run start) → 202 {@code {"runId"}}, 200 for an
 * acknowledged event that starts nothing, or an RFC 9457 problem: 400 malformed, 401 bad signature, 409 replay,
 * 413 too large, 429 quota.
 */
@Named("webhook-ingress")
@Singleton
public class WebhookIngressHandler extends JsonHandler<ProxyEvent, ProxyResponse> {

  private final InboundHookService hooks;

  @Inject
  public WebhookIngressHandler(InboundHookService hooks) {
    super(ProxyEvent.class);
    this.hooks = hooks;
  }

  @Override
  protected ProxyResponse handle(ProxyEvent event, Context context) {
    byte[] body;
    try {
      body = event.bodyBytes();
    } catch (IllegalArgumentException e) {
      return answer(new HookOutcome.Rejected(400, "malformed-body", "body is not valid base64"));
    }
    RequestContext requestContext = new RequestContext(event.sourceIp(), event.userAgent());
    HookOutcome outcome = hooks.handle(new InboundRequest(event.pathParameters().get("tenant"),
        event.pathParameters().get("hook"), event.headers(), body, requestContext));
    return answer(outcome);
  }

  static ProxyResponse answer(HookOutcome outcome) {
    Map<String, Object> body = new LinkedHashMap<>();
    String contentType = "application/json";
    switch (outcome) {
      case HookOutcome.Started started -> body.put("runId", started.runId());
      case HookOutcome.Ignored ignored -> {
        body.put("status", "ignored");
        body.put("reason", ignored.reason());
      }
      case HookOutcome.Rejected rejected -> {
        contentType = "application/problem+json";
        body.put("type", "https://ltb.dev/problems/" + rejected.type());
        body.put("title", rejected.type().replace('-', ' '));
        body.put("status", rejected.status());
        body.put("detail", rejected.detail());
      }
    }
    return new ProxyResponse(outcome.status(), Map.of("Content-Type", contentType), Json.write(body), false);
  }
}
