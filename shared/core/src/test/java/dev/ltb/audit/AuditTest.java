package dev.ltb.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ltb.json.Json;
import dev.ltb.security.AccessControl;
import dev.ltb.security.AccessDeniedException;
import dev.ltb.security.Operation;
import dev.ltb.security.Principal;
import dev.ltb.security.PrincipalKind;
import dev.ltb.security.Role;
import dev.ltb.tenancy.Page;
import dev.ltb.tenancy.PageRequest;
import dev.ltb.tenancy.ResourceNotFoundException;
import dev.ltb.tenancy.TenantId;
import dev.ltb.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuditTest {

  static final TenantId ACME = TenantId.of("acme");
  static final TenantId BETA = TenantId.of("beta");
  static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");
  static final String API_KEY = "ltb_AbCdEfGhIjKl0123456789abcdefghijABCDEFGHIJ";
  static final String JWT = "eyJraWQiOiJrMSIsImFsZyI6IlJTMjU2In0.eyJzdWIiOiJ1c2VyLTEifQ.c2lnbmF0dXJlLWJ5dGVz";

  private final MutableClock clock = new MutableClock(T0);
  private final InMemoryAuditLog log = new InMemoryAuditLog();
  private final AuditRecorder recorder = new AuditRecorder(log, clock);
  private final Principal viewer = new Principal(ACME, "user-7", Role.VIEWER, PrincipalKind.USER);
  private final Principal admin = new Principal(ACME, "user-1", Role.ADMIN, PrincipalKind.USER);
  private final RequestContext request = new RequestContext("203.0.113.9", "curl/8.5.0");

  @Test
  void aRecordSaysWhoWhatWhichResourceHowItEndedFromWhereAndWhen() {
    AuditRecord record = recorder.succeeded(admin, Operation.API_KEYS_MANAGE, ResourceRef.of("api-key", "AbCdEfGhIjKl"),
        request);

    assertThat(record).usingRecursiveComparison().ignoringFields("id").isEqualTo(new AuditRecord("any", ACME, "user-1",
        PrincipalKind.USER, Role.ADMIN, "api-keys:manage", new ResourceRef("api-key", "AbCdEfGhIjKl"),
        AuditResult.SUCCEEDED, null, "203.0.113.9", "curl/8.5.0", T0));
    assertThat(Json.write(record)).contains("\"actorKind\":\"user\"", "\"result\":\"succeeded\"",
        "\"action\":\"api-keys:manage\"");
  }

  @Test
  void credentialsInAUserAgentAreRedactedAndControlCharactersDropped() {
    RequestContext sneaky = new RequestContext("203.0.113.9",
        "evil/1.0 Authorization: Bearer " + JWT + " key=" + API_KEY + "\r\nX-Injected: 1 " + JWT);

    AuditRecord record = recorder.denied(viewer, Operation.RUN_DELETE, ResourceRef.of("run", "run-1"),
        "role-not-permitted", sneaky);

    assertThat(record.userAgent()).doesNotContain(API_KEY).doesNotContain(JWT).doesNotContain("\r").doesNotContain("\n")
        .contains("[REDACTED]").startsWith("evil/1.0");
    assertThat(Json.write(record)).doesNotContain(API_KEY).doesNotContain(JWT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Summarise: the patient's diagnosis is …", "run 1", "run#1", "{\"prompt\":\"x\"}"})
  void resourcesTakeOnlyIdsSoPromptsCannotBeRecorded(String text) {
    assertThatThrownBy(() -> ResourceRef.of("run", text)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {API_KEY, "sk-proj-abcdefgh12345678"})
  void anIdShapedLikeACredentialIsRecordedAsRedacted(String pasted) {
    AuditRecord record = recorder.denied(viewer, Operation.RESULTS_READ, ResourceRef.of("run", pasted), "no-such-run",
        request);

    assertThat(record.resource().id()).isEqualTo("redacted");
    assertThat(Json.write(record)).doesNotContain(pasted);
  }

  @Test
  void reasonsAreShortCodesNotFreeText() {
    assertThatThrownBy(() -> recorder.denied(viewer, Operation.RUN_START, ResourceRef.collection("run"),
        "provider said: Incorrect API key sk-abc", request)).isInstanceOf(IllegalArgumentException.class);
    assertThat(log.query(ACME, AuditQuery.latest(10)).items()).isEmpty();
  }

  @Test
  void theRecorderHasNoParameterThatCouldCarryAPayload() {
    assertThat(AuditRecord.class.getRecordComponents()).extracting(c -> c.getName()).containsExactly("id", "tenantId",
        "actorId", "actorKind", "actorRole", "action", "resource", "result", "reason", "sourceIp", "userAgent", "at");
    assertThat(new RequestContext("not-an-ip<script>", null).sourceIp()).isEqualTo("invalid");
  }

  @Test
  void accessControlAuditsADenialAndReportsAnotherTenantsResourceAsNotFound() {
    AccessControl access = new AccessControl(recorder);

    access.require(admin, Operation.RUN_DELETE, ResourceRef.of("run", "run-1"), request);
    assertThatThrownBy(() -> access.require(viewer, Operation.RUN_DELETE, ResourceRef.of("run", "run-1"), request))
        .isInstanceOf(AccessDeniedException.class).hasMessage("role viewer may not runs:delete");
    clock.advance(Duration.ofSeconds(1));
    assertThatThrownBy(() -> access.require(admin, BETA, Operation.RESULTS_READ, ResourceRef.of("run", "run-9"), request))
        .isInstanceOf(ResourceNotFoundException.class).hasMessage("run \"run-9\" not found");

    assertThat(log.query(ACME, AuditQuery.latest(10)).items())
        .extracting(AuditRecord::result, AuditRecord::reason)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(AuditResult.DENIED, "other-tenant"),
            org.assertj.core.groups.Tuple.tuple(AuditResult.DENIED, "role-not-permitted"));
    assertThat(log.query(BETA, AuditQuery.latest(10)).items()).as("nothing written into the other tenant").isEmpty();
  }

  @Test
  void theTrailIsReadNewestFirstPageByPageWithinATimeWindowAndPerTenant() {
    for (int i = 0; i < 7; i++) {
      recorder.succeeded(admin, Operation.RUN_START, ResourceRef.of("run", "run-" + i), request);
      clock.advance(Duration.ofMinutes(1));
    }
    recorder.succeeded(new Principal(BETA, "user-2", Role.OWNER, PrincipalKind.USER), Operation.RUN_START,
        ResourceRef.of("run", "run-b"), request);

    List<String> seen = new ArrayList<>();
    PageRequest page = PageRequest.first(3);
    while (true) {
      Page<AuditRecord> result = log.query(ACME, new AuditQuery(null, null, page));
      result.items().forEach(r -> seen.add(r.resource().id()));
      if (result.nextCursor().isEmpty()) break;
      page = new PageRequest(3, result.nextCursor().get());
    }
    assertThat(seen).containsExactly("run-6", "run-5", "run-4", "run-3", "run-2", "run-1", "run-0");

    var window = log.query(ACME, new AuditQuery(T0.plusSeconds(120), T0.plusSeconds(300), PageRequest.first(10)));
    assertThat(window.items()).extracting(r -> r.resource().id()).containsExactly("run-4", "run-3", "run-2");
  }

  @Test
  void theLogIsAppendOnly() {
    AuditRecord record = recorder.succeeded(admin, Operation.RUN_START, ResourceRef.of("run", "run-1"), request);

    assertThatThrownBy(() -> log.append(record)).isInstanceOf(IllegalStateException.class);
    assertThat(AuditLog.class.getMethods()).extracting(java.lang.reflect.Method::getName)
        .containsExactlyInAnyOrder("append", "query");
    assertThat(Set.of(AuditResult.values())).hasSize(3);
  }
}
