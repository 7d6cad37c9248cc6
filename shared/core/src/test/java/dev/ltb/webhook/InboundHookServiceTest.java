package dev.ltb.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ltb.audit.AuditQuery;
import dev.ltb.audit.AuditRecord;
import dev.ltb.audit.AuditRecorder;
import dev.ltb.audit.AuditResult;
import dev.ltb.audit.InMemoryAuditLog;
import dev.ltb.audit.RequestContext;
import dev.ltb.security.PrincipalKind;
import dev.ltb.security.Role;
import dev.ltb.security.SecretValue;
import dev.ltb.tenancy.QuotaExceededException;
import dev.ltb.tenancy.TenantId;
import dev.ltb.testkit.MutableClock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InboundHookServiceTest {

  static final TenantId ACME = TenantId.of("acme");
  static final TenantId BETA = TenantId.of("beta");
  static final SecretValue GITHUB_SECRET = SecretValue.of("gh-hook-secret-acme-0001");
  static final SecretValue LTB_SECRET = SecretValue.of("ltb-hook-secret-acme-0002");
  static final RequestContext FROM = new RequestContext("192.0.2.10", "GitHub-Hookshot/5e2c1a3");
  static final String DELIVERY = "72d3162e-cc78-11e3-81ab-4c9367dc0958";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));
  private final InMemoryAuditLog auditLog = new InMemoryAuditLog();
  private final InMemoryDeliveryIds deliveries = new InMemoryDeliveryIds();
  private final RecordingRunStarter runs = new RecordingRunStarter();
  private final Map<String, InboundHook> hooks = new LinkedHashMap<>();
  private final Map<String, SecretValue> secrets = new LinkedHashMap<>();
  private final InboundHookService service = new InboundHookService(
      (tenant, id) -> Optional.ofNullable(hooks.get(tenant + "/" + id)),
      (tenant, id) -> Optional.ofNullable(secrets.get(tenant + "/" + id)),
      deliveries, runs, new AuditRecorder(auditLog, clock), clock, 64 * 1024);

  InboundHookServiceTest() {
    hooks.put("acme/on-push", new InboundHook(ACME, "on-push", "refund-suite", SignatureScheme.GITHUB,
        PayloadMapping.githubPush(), Set.of("push"), true));
    secrets.put("acme/on-push", GITHUB_SECRET);
    hooks.put("acme/nightly", new InboundHook(ACME, "nightly", "refund-suite", SignatureScheme.LTB,
        new PayloadMapping(List.of(VarMapping.required("model", "/model"), VarMapping.optional("note", "/note")),
            Map.of("trigger", "nightly")), Set.of(), true));
    secrets.put("acme/nightly", LTB_SECRET);
    hooks.put("acme/paused", new InboundHook(ACME, "paused", "refund-suite", SignatureScheme.LTB,
        PayloadMapping.githubPush(), Set.of(), false));
    secrets.put("acme/paused", LTB_SECRET);
  }

  static byte[] pushBody() {
    try (InputStream in = InboundHookServiceTest.class.getResourceAsStream("/fixtures/webhooks/github-push.json")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private InboundRequest gitHub(String tenant, String hook, byte[] body, String signature, String delivery, String event) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("x-hub-signature-256", signature);
    headers.put("X-GitHub-Delivery", delivery);
    headers.put("X-GitHub-Event", event);
    headers.put("Content-Type", "application/json");
    return new InboundRequest(tenant, hook, headers, body, FROM);
  }

  private InboundRequest signedPush() {
    byte[] body = pushBody();
    return gitHub("acme", "on-push", body, GitHubSignature.header(GITHUB_SECRET, body), DELIVERY, "push");
  }

  private InboundRequest ltb(String hook, byte[] body, Instant signedAt, String delivery) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-LTB-Signature", LtbSignature.header(LTB_SECRET, signedAt, body));
    if (delivery != null) headers.put("X-LTB-Delivery", delivery);
    return new InboundRequest("acme", hook, headers, body, FROM);
  }

  private List<AuditRecord> audit() {
    return auditLog.query(ACME, AuditQuery.latest(100)).items();
  }

  @Test
  void aSignedGitHubPushStartsTheSuiteWithCommitAndBranchAsVars() {
    HookOutcome outcome = service.handle(signedPush());

    assertThat(outcome).isEqualTo(new HookOutcome.Started("run-1"));
    assertThat(outcome.status()).isEqualTo(202);
    RunStarter.Request started = runs.requests.getFirst();
    assertThat(started.suiteId()).isEqualTo("refund-suite");
    assertThat(started.vars()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "commit", "0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c", "branch", "main", "repository", "acme/prompts",
        "pusher", "octocat", "compare_url", "https://github.com/acme/prompts/compare/6113728f27ae...0d1a26e67d8f"));
    assertThat(started.principal().principalId()).isEqualTo("hook:on-push");
    assertThat(started.principal().kind()).isEqualTo(PrincipalKind.WEBHOOK);
    assertThat(started.principal().role()).isEqualTo(Role.SERVICE);
    assertThat(started.idempotencyKey()).isEqualTo("hook-on-push-" + DELIVERY);
    // the run starter audits the start as the API does; it gets the sender's address for that record
    assertThat(started.context().sourceIp()).isEqualTo("192.0.2.10");
    assertThat(audit()).isEmpty();
  }

  @Test
  void aReplayedDeliveryIsRefusedAndStartsNothing() {
    service.handle(signedPush());
    clock.advance(Duration.ofSeconds(1));

    HookOutcome replay = service.handle(signedPush());

    assertThat(replay).isEqualTo(new HookOutcome.Rejected(409, "replayed-delivery", "this delivery was already received"));
    assertThat(runs.requests).hasSize(1);
    assertThat(audit()).extracting(AuditRecord::reason).containsExactly("replayed-delivery");
  }

  @Test
  void aTamperedBodyIsRefusedWithNothingStored() {
    byte[] body = pushBody();
    String signature = GitHubSignature.header(GITHUB_SECRET, body);
    byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("refs/heads/main", "refs/heads/evil")
        .getBytes(StandardCharsets.UTF_8);

    HookOutcome outcome = service.handle(gitHub("acme", "on-push", tampered, signature, DELIVERY, "push"));

    assertThat(outcome).isEqualTo(new HookOutcome.Rejected(401, "invalid-signature", "signature verification failed"));
    assertThat(runs.requests).isEmpty();
    assertThat(deliveries.size()).as("no delivery id remembered").isZero();
    assertThat(audit()).singleElement().satisfies(record -> {
      assertThat(record.result()).isEqualTo(AuditResult.DENIED);
      assertThat(record.reason()).isEqualTo("invalid-signature");
    });
  }

  @Test
  void unknownHooksDisabledHooksOtherTenantsAndWrongSignaturesAllGetTheSameAnswer() {
    byte[] body = pushBody();
    String signature = GitHubSignature.header(GITHUB_SECRET, body);
    List<HookOutcome> outcomes = List.of(
        service.handle(gitHub("acme", "no-such-hook", body, signature, DELIVERY, "push")),
        service.handle(gitHub("beta", "on-push", body, signature, DELIVERY, "push")),
        service.handle(ltb("paused", "{}".getBytes(StandardCharsets.UTF_8), clock.instant(), "d-1")),
        service.handle(gitHub("acme", "on-push", body, GitHubSignature.header(SecretValue.of("guess"), body),
            DELIVERY, "push")));

    assertThat(outcomes).containsOnly(new HookOutcome.Rejected(401, "invalid-signature", "signature verification failed"));
    assertThat(runs.requests).isEmpty();
    assertThat(auditLog.query(BETA, AuditQuery.latest(10)).items()).isEmpty();
  }

  @Test
  void anOversizedBodyIsRefusedBeforeAnyLookup() {
    byte[] big = new byte[64 * 1024 + 1];
    HookOutcome outcome = service.handle(gitHub("acme", "on-push", big, GitHubSignature.header(GITHUB_SECRET, big),
        DELIVERY, "push"));

    assertThat(outcome).isEqualTo(new HookOutcome.Rejected(413, "payload-too-large",
        "body has 65537 bytes; at most 65536"));
    assertThat(runs.requests).isEmpty();
    assertThat(deliveries.size()).isZero();
    assertThat(audit()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"not json", "[1,2,3]", "\"text\"", "{\"ref\": ", "{}"})
  void aMalformedOrIncompletePayloadIsRefusedWith400AndNothingStarted(String text) {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    HookOutcome outcome = service.handle(gitHub("acme", "on-push", body, GitHubSignature.header(GITHUB_SECRET, body),
        DELIVERY, "push"));

    assertThat(outcome).isInstanceOfSatisfying(HookOutcome.Rejected.class, rejected -> {
      assertThat(rejected.status()).isEqualTo(400);
      assertThat(rejected.type()).isEqualTo("malformed-payload");
    });
    assertThat(runs.requests).isEmpty();
    assertThat(deliveries.size()).as("a malformed delivery can be fixed and sent again").isZero();
  }

  @Test
  void aMissingRequiredValueIsNamedInTheAnswer() {
    byte[] body = "{\"ref\":\"refs/heads/main\",\"repository\":{\"full_name\":\"acme/prompts\"}}"
        .getBytes(StandardCharsets.UTF_8);

    HookOutcome outcome = service.handle(gitHub("acme", "on-push", body, GitHubSignature.header(GITHUB_SECRET, body),
        DELIVERY, "push"));

    assertThat(outcome).isEqualTo(new HookOutcome.Rejected(400, "malformed-payload",
        "payload has no value at /after (variable commit)"));
  }

  @Test
  void pingsAndEventsTheHookDoesNotTakeAreAcknowledgedWithoutARun() {
    byte[] body = "{\"zen\":\"Keep it logically awesome.\"}".getBytes(StandardCharsets.UTF_8);
    String signature = GitHubSignature.header(GITHUB_SECRET, body);

    assertThat(service.handle(gitHub("acme", "on-push", body, signature, "d-ping", "ping")))
        .isEqualTo(new HookOutcome.Ignored("ping"));
    assertThat(service.handle(gitHub("acme", "on-push", body, signature, "d-issue", "issues")))
        .isEqualTo(new HookOutcome.Ignored("event \"issues\" does not start runs on this hook"));
    assertThat(runs.requests).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ACME", "acme#beta", "TENANT#beta", "../beta", "ac", "acme beta", "acme\u0000", "*"})
  void injectedTenantIdsAreRefusedAsInvalid(String tenant) {
    HookOutcome outcome = service.handle(gitHub(tenant, "on-push", pushBody(), "sha256=00", DELIVERY, "push"));

    assertThat(outcome).isInstanceOfSatisfying(HookOutcome.Rejected.class, rejected -> {
      assertThat(rejected.status()).isEqualTo(400);
      assertThat(rejected.detail()).startsWith("invalid tenant").doesNotContain("\u0000");
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"on-push#x", "on-push/../x", "HOOK#on-push", "", "on push", "on-push'--"})
  void injectedHookIdsAreRefusedAsInvalid(String hook) {
    HookOutcome outcome = service.handle(gitHub("acme", hook, pushBody(), "sha256=00", DELIVERY, "push"));

    assertThat(outcome).isInstanceOfSatisfying(HookOutcome.Rejected.class,
        rejected -> assertThat(rejected.status()).isEqualTo(400));
  }

  @Test
  void aGitHubDeliveryWithoutADeliveryIdIsRefused() {
    byte[] body = pushBody();
    HookOutcome outcome = service.handle(gitHub("acme", "on-push", body, GitHubSignature.header(GITHUB_SECRET, body),
        "bad id with spaces", "push"));

    assertThat(outcome).isInstanceOfSatisfying(HookOutcome.Rejected.class,
        rejected -> assertThat(rejected.type()).isEqualTo("missing-delivery-id"));
    assertThat(runs.requests).isEmpty();
  }

  @Test
  void ourSchemeMapsItsPayloadAndAddsFixedVars() {
    HookOutcome outcome = service.handle(ltb("nightly",
        "{\"model\":\"gpt-4o-mini\",\"note\":42}".getBytes(StandardCharsets.UTF_8), clock.instant(), "nightly-2026-11-28"));

    assertThat(outcome).isInstanceOf(HookOutcome.Started.class);
    assertThat(runs.requests.getFirst().vars())
        .containsExactlyInAnyOrderEntriesOf(Map.of("trigger", "nightly", "model", "gpt-4o-mini", "note", "42"));
  }

  @Test
  void aCapturedRequestReplayedAfterFiveMinutesFailsOnItsTimestamp() {
    byte[] body = "{\"model\":\"m\"}".getBytes(StandardCharsets.UTF_8);
    InboundRequest captured = ltb("nightly", body, clock.instant(), null);
    clock.advance(Duration.ofMinutes(6));

    assertThat(service.handle(captured)).isEqualTo(
        new HookOutcome.Rejected(401, "invalid-signature", "signature verification failed"));
    assertThat(audit()).extracting(AuditRecord::reason).containsExactly("stale-signature");
  }

  @Test
  void withoutADeliveryHeaderTheSignatureItselfIdentifiesTheDelivery() {
    byte[] body = "{\"model\":\"m\"}".getBytes(StandardCharsets.UTF_8);
    InboundRequest request = ltb("nightly", body, clock.instant(), null);

    assertThat(service.handle(request)).isInstanceOf(HookOutcome.Started.class);
    clock.advance(Duration.ofMinutes(1));
    assertThat(service.handle(request)).extracting(HookOutcome::status).isEqualTo(409);
    assertThat(runs.requests).hasSize(1);
  }

  @Test
  void aQuotaRefusalIsAnsweredWith429AndTheLimit() {
    runs.refuseWith = new QuotaExceededException("free", QuotaExceededException.Limit.MAX_CONCURRENT_RUNS, "1",
        "plan 'free' allows 1 concurrent runs (maxConcurrentRuns); 1 are queued or running. Retry when one finishes.");

    HookOutcome outcome = service.handle(signedPush());

    assertThat(outcome).isEqualTo(new HookOutcome.Rejected(429, "quota-exceeded", runs.refuseWith.getMessage()));
    assertThat(audit()).extracting(AuditRecord::reason).contains("quota-exceeded");
    assertThat(deliveries.size()).as("the refused delivery is forgotten, so a redelivery can start it").isZero();
    runs.refuseWith = null;
    assertThat(service.handle(signedPush())).isInstanceOf(HookOutcome.Started.class);
  }

  @Test
  void aSuiteTheVarsMakeInvalidIsAnsweredWithTheStartersProblemAndTheDeliveryIsForgotten() {
    runs.refuseWithProblem = new RunStartRefusedException(422, "invalid-suite", "suite refund-suite is not valid");

    HookOutcome outcome = service.handle(signedPush());

    assertThat(outcome).isEqualTo(new HookOutcome.Rejected(422, "invalid-suite", "suite refund-suite is not valid"));
    assertThat(deliveries.size()).isZero();
  }

  /** The run-start port as the API wires it, reduced to what the hook needs: a run id per idempotency key. */
  static final class RecordingRunStarter implements RunStarter {
    final List<Request> requests = new ArrayList<>();
    final Map<String, String> runIds = new LinkedHashMap<>();
    QuotaExceededException refuseWith;
    RunStartRefusedException refuseWithProblem;

    @Override
    public String start(Request request) {
      if (refuseWith != null) throw refuseWith;
      if (refuseWithProblem != null) throw refuseWithProblem;
      requests.add(request);
      return runIds.computeIfAbsent(request.idempotencyKey(), key -> "run-" + (runIds.size() + 1));
    }
  }
}
