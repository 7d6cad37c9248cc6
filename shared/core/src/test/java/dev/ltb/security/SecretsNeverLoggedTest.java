package dev.ltb.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.ltb.audit.AuditRecorder;
import dev.ltb.audit.InMemoryAuditLog;
import dev.ltb.audit.RequestContext;
import dev.ltb.tenancy.TenantId;
import dev.ltb.testkit.CognitoTokens;
import dev.ltb.testkit.MutableClock;
import dev.ltb.webhook.DeliveryQueue;
import dev.ltb.webhook.EndpointPolicy;
import dev.ltb.webhook.GitHubSignature;
import dev.ltb.webhook.InMemoryDeliveryIds;
import dev.ltb.webhook.InMemoryDeliveryLog;
import dev.ltb.webhook.InboundHook;
import dev.ltb.webhook.InboundHookService;
import dev.ltb.webhook.InboundRequest;
import dev.ltb.webhook.PayloadMapping;
import dev.ltb.webhook.RetrySchedule;
import dev.ltb.webhook.SignatureScheme;
import dev.ltb.webhook.WebhookDeliveryWorker;
import dev.ltb.webhook.WebhookSender;
import dev.ltb.webhook.WebhookSubscription;
import dev.ltb.webhook.WebhookSubscriptions;
import dev.ltb.webhook.WebhookEventType;
import dev.ltb.webhook.WebhookDelivery;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * Drives every component of this issue through success and failure with real credentials, with their logging at
 * DEBUG, and proves that no API key, JWT, webhook secret, provider key or receiver URL token reaches a log line,
 * an exception message or a printed record.
 */
class SecretsNeverLoggedTest {

  static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  static final TenantId ACME = TenantId.of("acme");
  static final String HOOK_SECRET = "hook-secret-3f9a8b7c6d5e";
  static final String OUTBOUND_SECRET = "whsec-5a6b7c8d9e0f1a2b";
  static final String PROVIDER_KEY = "vendor-key-9e3b7c1a5d2f4086";
  static final String URL_TOKEN = "T0123ABCD/B0456EFGH/xyzURLtoken789";

  @RegisterExtension
  static WireMockExtension receiver = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Test
  void noCredentialReachesALogLineAnExceptionOrAPrintedRecord() {
    List<String> secrets = new ArrayList<>(List.of(HOOK_SECRET, OUTBOUND_SECRET, PROVIDER_KEY, URL_TOKEN));
    List<String> printed = new ArrayList<>();
    PrintStream originalErr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      MutableClock clock = new MutableClock(NOW);
      CognitoTokens pool = CognitoTokens.generate(NOW);
      ApiKeys apiKeys = new ApiKeys(new InMemoryApiKeyStore(), new ApiKeyHasher(), clock);
      Authenticator authenticator = new Authenticator(
          Optional.of(new CognitoJwtVerifier(pool.settings(), pool.keySource(), clock)), apiKeys,
          Authenticator.DEFAULT_TTL, clock);
      Principal admin = new Principal(ACME, "user-1", Role.ADMIN, PrincipalKind.USER);

      // JWTs: accepted, tampered, expired, wrong audience, HS256 confusion.
      String jwt = pool.idToken().sign();
      secrets.add(jwt);
      secrets.add(jwt.substring(jwt.lastIndexOf('.') + 1));
      List<String> badJwts = List.of(jwt.substring(0, jwt.length() - 4) + "AAAA",
          pool.idToken().expiresAt(NOW.minusSeconds(600)).sign(), pool.idToken().audience("other").sign(),
          pool.idToken().claim("custom:tenant", "x#y").sign());
      secrets.addAll(badJwts);
      authenticator.authenticate("Bearer " + jwt, null);
      for (String bad : badJwts) printed.addAll(failures(() -> authenticator.authenticate("Bearer " + bad, null)));

      // API keys: issued, used, guessed, revoked.
      IssuedApiKey issued = apiKeys.issue(ACME, "ci", admin);
      String key = issued.key().reveal();
      secrets.add(key);
      secrets.add(key.substring(16));
      secrets.add(issued.record().hash());
      printed.add(issued.toString());
      printed.add(issued.record().toString());
      printed.add(new Credential.ApiKey(issued.key()).toString());
      printed.add(new Credential.Jwt(SecretValue.of(jwt)).toString());
      printed.add(SecretValue.of(PROVIDER_KEY).toString());
      LoggerFactory.getLogger(getClass()).info("handler received {} and {}", issued, SecretValue.of(PROVIDER_KEY));
      authenticator.authenticate(null, key);
      String guessed = key.substring(0, 20) + "0000" + key.substring(24);
      secrets.add(guessed);
      printed.addAll(failures(() -> authenticator.authenticate(null, guessed)));
      apiKeys.revoke(ACME, issued.record().keyId());
      printed.addAll(failures(() -> apiKeys.verify(issued.key())));

      // Inbound hook: accepted, wrong signature, replay; the user agent carries the API key.
      InMemoryAuditLog audit = new InMemoryAuditLog();
      InboundHookService hooks = new InboundHookService(
          (t, id) -> Optional.of(new InboundHook(ACME, "on-push", "suite-1", SignatureScheme.GITHUB,
              PayloadMapping.githubPush(), Set.of(), true)),
          (t, id) -> Optional.of(SecretValue.of(HOOK_SECRET)), new InMemoryDeliveryIds(), request -> "run-1",
          new AuditRecorder(audit, clock), clock, 65536);
      byte[] body = ("{\"after\":\"abc\",\"ref\":\"refs/heads/main\",\"repository\":{\"full_name\":\"a/b\"},"
          + "\"note\":\"" + PROVIDER_KEY + "\"}").getBytes(StandardCharsets.UTF_8);
      String signature = GitHubSignature.header(SecretValue.of(HOOK_SECRET), body);
      secrets.add(signature.substring(7));
      RequestContext from = new RequestContext("192.0.2.1", "ci-bot " + key);
      for (String sig : List.of(signature, "sha256=" + "0".repeat(64), signature))
        printed.add(hooks.handle(new InboundRequest("acme", "on-push",
            Map.of("X-Hub-Signature-256", sig, "X-GitHub-Delivery", "d-1", "X-GitHub-Event", "push"), body, from))
            .toString());
      audit.query(ACME, dev.ltb.audit.AuditQuery.latest(50)).items().forEach(r -> printed.add(r.toString()));

      // Outbound delivery to a receiver whose URL carries a token and whose error page echoes the secret.
      receiver.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(500).withBody("bad " + OUTBOUND_SECRET)));
      WebhookSubscription subscription = new WebhookSubscription(ACME, "slack",
          URI.create(receiver.baseUrl() + "/services/" + URL_TOKEN), Set.of(WebhookEventType.RUN_COMPLETED), null, true);
      WebhookSubscriptions subscriptions = new WebhookSubscriptions() {
        @Override
        public List<WebhookSubscription> list(TenantId tenant) {
          return List.of(subscription);
        }

        @Override
        public Optional<WebhookSubscription> find(TenantId tenant, String id) {
          return Optional.of(subscription);
        }
      };
      InMemoryDeliveryLog deliveryLog = new InMemoryDeliveryLog();
      List<WebhookDelivery> queued = new ArrayList<>();
      WebhookDeliveryWorker worker = new WebhookDeliveryWorker(subscriptions,
          (t, id) -> Optional.of(SecretValue.of(OUTBOUND_SECRET)), WebhookSender.standard(), new DeliveryQueue() {
            @Override
            public void enqueue(WebhookDelivery delivery, Duration delay) {
              queued.add(delivery);
            }

            @Override
            public void deadLetter(WebhookDelivery delivery, String reason) {}
          }, deliveryLog, EndpointPolicy.allowingPrivateNetworks(), RetrySchedule.standard(), clock);
      printed.add(worker.sendTest(ACME, "slack").toString());
      printed.add(queued.toString());
    } finally {
      System.setErr(originalErr);
    }

    String logText = captured.toString(StandardCharsets.UTF_8);
    assertThat(logText).as("debug logging was on and captured")
        .contains("JWT refused", "API key ltb_", "refused: wrong secret", "refused: revoked", "webhook slack");
    for (String secret : secrets) {
      assertThat(logText).as("log").doesNotContain(secret);
      assertThat(printed).as("messages and printed records").noneMatch(text -> text.contains(secret));
    }
    assertThat(String.join("\n", printed)).contains("[REDACTED]");
  }

  private static List<String> failures(Runnable call) {
    List<String> messages = new ArrayList<>();
    try {
      call.run();
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) messages.add(t + " " + t.getMessage());
      return messages;
    }
    throw new AssertionError("expected the call to fail");
  }
}
