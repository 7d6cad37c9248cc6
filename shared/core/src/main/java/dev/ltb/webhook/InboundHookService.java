package dev.ltb.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.audit.AuditRecorder;
import dev.ltb.audit.ResourceRef;
import dev.ltb.json.Json;
import dev.ltb.security.Operation;
import dev.ltb.security.Principal;
import dev.ltb.security.PrincipalKind;
import dev.ltb.security.Role;
import dev.ltb.security.SecretValue;
import dev.ltb.tenancy.Ids;
import dev.ltb.tenancy.InvalidIdException;
import dev.ltb.tenancy.QuotaExceededException;
import dev.ltb.tenancy.ResourceNotFoundException;
import dev.ltb.tenancy.TenantId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles {@code POST /hooks/{tenant}/{hook}}. In order, each step refusing before anything is stored:
 *
 * <ol>
 *   <li>ids are validated (400) and the body size checked (413);
 *   <li>the signature is verified in constant time against the hook's secret; an unknown or disabled hook is
 *       checked against a random key, so it answers the same 401 in the same time as a wrong signature;
 *   <li>events the hook does not take are acknowledged (200) without effect;
 *   <li>the body must be a JSON object and the mapping must find every required var (400);
 *   <li>the delivery id is remembered with a conditional insert; a second delivery is refused (409);
 *   <li>the run starts with the delivery as idempotency key (202 with the run id); a quota refusal answers 429 naming
 *       the limit, a missing suite 422, a suite the vars make invalid the API's problem (e.g. 422 {@code
 *       invalid-suite}); then the delivery is forgotten, so a redelivery is taken once the cause is fixed.
 * </ol>
 *
 * Denials of known hooks are audited under the hook's tenant; a started run is audited by the {@link RunStarter},
 * exactly like a run started through the API.
 */
public final class InboundHookService {

  public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
  private static final Logger log = LoggerFactory.getLogger(InboundHookService.class);

  private final InboundHooks hooks;
  private final WebhookSecrets secrets;
  private final DeliveryIds deliveries;
  private final RunStarter runs;
  private final AuditRecorder audit;
  private final Clock clock;
  private final int maxBodyBytes;
  private final SecretValue decoySecret;

  public InboundHookService(
      InboundHooks hooks, WebhookSecrets secrets, DeliveryIds deliveries, RunStarter runs, AuditRecorder audit,
      Clock clock, int maxBodyBytes) {
    this.hooks = Objects.requireNonNull(hooks, "hooks");
    this.secrets = Objects.requireNonNull(secrets, "secrets");
    this.deliveries = Objects.requireNonNull(deliveries, "deliveries");
    this.runs = Objects.requireNonNull(runs, "runs");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (maxBodyBytes < 1) throw new IllegalArgumentException("maxBodyBytes must be positive");
    this.maxBodyBytes = maxBodyBytes;
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    this.decoySecret = SecretValue.of(Base64.getEncoder().encodeToString(random));
  }

  public HookOutcome handle(InboundRequest request) {
    TenantId tenant;
    String hookId;
    try {
      tenant = TenantId.of(request.tenant());
      hookId = Ids.requireResourceId("hook", request.hook());
    } catch (InvalidIdException e) {
      return new HookOutcome.Rejected(400, "invalid-id", e.getMessage());
    }
    if (request.body().length > maxBodyBytes)
      return new HookOutcome.Rejected(413, "payload-too-large",
          "body has " + request.body().length + " bytes; at most " + maxBodyBytes);

    Optional<InboundHook> found = hooks.find(tenant, hookId).filter(InboundHook::enabled);
    Optional<SecretValue> secret = found.flatMap(hook -> secrets.find(tenant, hookId));
    SignatureScheme scheme = found.map(InboundHook::scheme).orElse(SignatureScheme.LTB);
    Instant now = clock.instant();
    try {
      verify(scheme, secret.orElse(decoySecret), request, now);
    } catch (SignatureException e) {
      found.ifPresent(hook -> audit.denied(principal(hook), Operation.RUN_START, ResourceRef.of("hook", hookId),
          e.reason() == SignatureException.Reason.STALE ? "stale-signature" : "invalid-signature",
          request.context()));
      return unauthorized();
    }
    if (secret.isEmpty()) return unauthorized(); // the decoy matched: astronomically unlikely, still refused
    InboundHook hook = found.get();
    Principal principal = principal(hook);

    String event = scheme == SignatureScheme.GITHUB ? request.header(GitHubSignature.EVENT_HEADER) : "trigger";
    if ("ping".equals(event)) return new HookOutcome.Ignored("ping");
    if (!hook.events().isEmpty() && (event == null || !hook.events().contains(event)))
      return new HookOutcome.Ignored("event " + Ids.describe(event) + " does not start runs on this hook");

    Map<String, String> vars;
    try {
      vars = hook.mapping().apply(parseObject(request.body()));
    } catch (PayloadMappingException e) {
      audit.failed(principal, Operation.RUN_START, ResourceRef.of("hook", hookId), "malformed-payload",
          request.context());
      return new HookOutcome.Rejected(400, "malformed-payload", e.getMessage());
    }

    String deliveryId = deliveryId(scheme, request);
    if (deliveryId == null)
      return new HookOutcome.Rejected(400, "missing-delivery-id",
          GitHubSignature.DELIVERY_HEADER + " must be a delivery id of letters, digits, '-' and '_'");
    if (!deliveries.remember(tenant, hookId, deliveryId, now)) {
      audit.denied(principal, Operation.RUN_START, ResourceRef.of("hook", hookId), "replayed-delivery",
          request.context());
      return new HookOutcome.Rejected(409, "replayed-delivery", "this delivery was already received");
    }
    try {
      String runId = runs.start(new RunStarter.Request(principal, hook.suiteId(), vars,
          "hook-" + hookId + "-" + deliveryId, request.context()));
      log.info("hook {} of tenant {} started run {}", hookId, tenant, runId);
      return new HookOutcome.Started(runId);
    } catch (QuotaExceededException e) {
      audit.denied(principal, Operation.RUN_START, ResourceRef.of("hook", hookId), "quota-exceeded", request.context());
      return refused(tenant, hookId, deliveryId, new HookOutcome.Rejected(429, "quota-exceeded", e.getMessage()));
    } catch (ResourceNotFoundException e) {
      return refused(tenant, hookId, deliveryId, new HookOutcome.Rejected(422, "suite-not-found",
          "hook " + hookId + " runs suite " + hook.suiteId() + ", which does not exist; store it or point the hook at"
              + " another suite"));
    } catch (RunStartRefusedException e) {
      return refused(tenant, hookId, deliveryId, new HookOutcome.Rejected(e.status(), e.type(), e.getMessage()));
    }
  }

  /** Nothing started: the delivery is forgotten, so the sender's redelivery is taken once the cause is fixed. */
  private HookOutcome refused(TenantId tenant, String hookId, String deliveryId, HookOutcome.Rejected rejection) {
    deliveries.forget(tenant, hookId, deliveryId);
    return rejection;
  }

  private static void verify(SignatureScheme scheme, SecretValue secret, InboundRequest request, Instant now) {
    switch (scheme) {
      case GITHUB -> GitHubSignature.verify(secret, request.body(), request.header(GitHubSignature.HEADER));
      case LTB -> LtbSignature.verify(secret, request.body(), request.header(LtbSignature.HEADER), now,
          LtbSignature.TOLERANCE);
    }
  }

  /**
   * GitHub's {@code X-GitHub-Delivery}; for our scheme {@code X-LTB-Delivery}, or else the signature itself (a
   * replay of the same signed request carries the same one). Null when absent or malformed.
   */
  private static String deliveryId(SignatureScheme scheme, InboundRequest request) {
    String id = scheme == SignatureScheme.GITHUB
        ? request.header(GitHubSignature.DELIVERY_HEADER)
        : request.header(LtbSignature.DELIVERY_HEADER);
    if (id == null && scheme == SignatureScheme.LTB)
      id = "sig-" + HexFormat.of().formatHex(Hmac.sha256(new byte[] {0},
          request.header(LtbSignature.HEADER).getBytes(StandardCharsets.US_ASCII))).substring(0, 40);
    return Ids.isResourceId(id) ? id : null;
  }

  private static JsonNode parseObject(byte[] body) {
    JsonNode node;
    try {
      node = Json.mapper().readTree(body);
    } catch (JsonProcessingException e) {
      var location = e.getLocation();
      throw new PayloadMappingException("body is not valid JSON"
          + (location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")")
          + "; send it as application/json");
    } catch (IOException e) {
      throw new PayloadMappingException("body cannot be read as JSON");
    }
    if (node == null || !node.isObject()) throw new PayloadMappingException("body must be a JSON object");
    return node;
  }

  private static Principal principal(InboundHook hook) {
    return new Principal(hook.tenantId(), hook.principalId(), Role.SERVICE, PrincipalKind.WEBHOOK);
  }

  private static HookOutcome unauthorized() {
    return new HookOutcome.Rejected(401, "invalid-signature", "signature verification failed");
  }

  /** The configured size limit in bytes. */
  public int maxBodyBytes() {
    return maxBodyBytes;
  }
}
