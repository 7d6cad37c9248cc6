package dev.ltb.api;

import static dev.ltb.testkit.ApiTestPorts.ACME;
import static dev.ltb.testkit.ApiTestPorts.BETA;
import static dev.ltb.testkit.ApiTestPorts.caller;
import static dev.ltb.testkit.ApiTestPorts.echoSuite;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ltb.audit.AuditQuery;
import dev.ltb.audit.AuditRecord;
import dev.ltb.run.RunRecord;
import dev.ltb.run.RunStatus;
import dev.ltb.security.Role;
import dev.ltb.tenancy.Page;
import dev.ltb.tenancy.PageRequest;
import dev.ltb.tenancy.Plan;
import dev.ltb.testkit.ApiTestPorts;
import dev.ltb.usage.PriceList;
import dev.ltb.webhook.RunStarter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunServiceTest {

  final ApiTestPorts ports = new ApiTestPorts();
  final RunService runs = ports.services.runs();
  final Caller member = caller(ACME, Role.MEMBER);

  @Test
  void anInlineSuiteIsValidatedStoredUnderTheTenantAndHandedToTheWorkflow() {
    RunView run = runs.start(member, StartRun.inline(echoSuite(3), null));

    assertThat(run.totalItems()).isEqualTo(3);
    assertThat(run.status()).isEqualTo(RunStatus.RUNNING); // the plan step ran behind the launcher
    assertThat(ports.started).singleElement().satisfies(request -> {
      assertThat(request.runId()).isEqualTo(run.runId());
      assertThat(request.suiteKey()).startsWith("tenants/acme/runs/" + run.runId() + "/");
    });
    assertThat(actions(ACME)).contains("runs:start/succeeded");
  }

  @Test
  void aBadSuiteIsRefusedNamingTheFieldAndNothingStarts() {
    String bad = echoSuite(1).replace("type: contains", "type: containz");

    ApiException refused = catchThrowableOfType(ApiException.class, () -> runs.start(member, StartRun.inline(bad, "yaml")));

    assertThat(refused.problem().type().toString()).isEqualTo("https://ltb.dev/problems/invalid-suite");
    assertThat(refused.problem().status()).isEqualTo(422);
    assertThat(refused.problem().errors()).anySatisfy(e -> assertThat(e.field()).isEqualTo("tests[0].assert[0].type"));
    assertThat(ports.started).isEmpty();
    assertThat(runs.list(member, null, PageRequest.first()).items()).isEmpty();
  }

  @Test
  void aStoredSuiteStartsByIdAndAnotherTenantsSuiteIsNotFound() {
    StoredSuite suite = ports.services.suites().create(member, new SuiteService.SuiteText("caps", null, echoSuite(2)));

    assertThat(runs.start(member, StartRun.stored(suite.suiteId())).totalItems()).isEqualTo(2);
    Throwable other = catchThrowableOfType(RuntimeException.class,
        () -> runs.start(caller(BETA, Role.MEMBER), StartRun.stored(suite.suiteId())));
    Throwable missing = catchThrowableOfType(RuntimeException.class,
        () -> runs.start(caller(BETA, Role.MEMBER), StartRun.stored("suite-nope")));
    assertThat(Problems.from(other).status()).isEqualTo(404);
    assertThat(Problems.from(other).detail()).isEqualTo(Problems.from(missing).detail().replace("suite-nope", suite.suiteId()));
  }

  @Test
  void aRunOverThePlansItemLimitIsRefusedWithTheLimitAndHoldsNoSlot() {
    ports.plan = new Plan("free", 2L, 1, null, PriceList.free());

    Problem problem = Problems.from(catchThrowableOfType(RuntimeException.class,
        () -> runs.start(member, StartRun.inline(echoSuite(3), "yaml"))));

    assertThat(problem.status()).isEqualTo(429);
    assertThat(problem.extensions()).containsEntry("limit", "maxItemsPerRun").containsEntry("limitValue", "2");
    assertThat(ports.slots.active(ACME)).isZero();
  }

  @Test
  void anotherTenantsRunAnswersExactlyLikeAMissingOne() {
    RunView run = runs.start(member, StartRun.inline(echoSuite(1), null));
    Caller intruder = caller(BETA, Role.OWNER);

    Problem theirs = Problems.from(catchThrowableOfType(RuntimeException.class, () -> runs.get(intruder, run.runId())));
    Problem none = Problems.from(catchThrowableOfType(RuntimeException.class, () -> runs.get(intruder, "run-zz")));

    assertThat(theirs.status()).isEqualTo(404);
    assertThat(theirs.type()).isEqualTo(none.type());
    assertThat(theirs.detail()).isEqualTo("run \"" + run.runId() + "\" not found");
    assertThat(none.detail()).isEqualTo("run \"run-zz\" not found");
    assertThat(runs.get(member, run.runId()).runId()).isEqualTo(run.runId());
  }

  @Test
  void aViewerMayReadButNotStartAndTheDenialIsAudited() {
    Caller viewer = caller(ACME, Role.VIEWER);

    Problem denied = Problems.from(catchThrowableOfType(RuntimeException.class,
        () -> runs.start(viewer, StartRun.inline(echoSuite(1), null))));

    assertThat(denied.status()).isEqualTo(403);
    assertThat(denied.detail()).isEqualTo("role viewer may not runs:start");
    assertThat(actions(ACME)).contains("runs:start/denied");
    assertThat(runs.list(viewer, null, PageRequest.first()).items()).isEmpty();
  }

  @Test
  void listsPageNewestFirstWithACursorAndFilterByStatus() {
    for (int i = 0; i < 5; i++) {
      runs.start(member, StartRun.inline(echoSuite(1), null));
      ports.clock.advance(java.time.Duration.ofSeconds(1));
    }
    String cancelled = runs.list(member, null, PageRequest.first(1)).items().getFirst().runId();
    runs.cancel(member, cancelled);

    Page<RunView> first = runs.list(member, null, PageRequest.first(2));
    Page<RunView> second = runs.list(member, null, new PageRequest(2, first.nextCursor().orElseThrow()));
    Page<RunView> third = runs.list(member, null, new PageRequest(2, second.nextCursor().orElseThrow()));

    assertThat(first.items()).hasSize(2);
    assertThat(second.items()).hasSize(2);
    assertThat(third.items()).hasSize(1);
    assertThat(third.nextCursor()).isEmpty();
    assertThat(first.items().getFirst().createdAt()).isAfter(second.items().getFirst().createdAt());
    assertThat(runs.list(member, RunStatus.CANCELLED, PageRequest.first()).items())
        .extracting(RunView::runId).containsExactly(cancelled);
  }

  @Test
  void aRunningRunIsCancelledBeforeItCanBeDeleted() {
    RunView run = runs.start(member, StartRun.inline(echoSuite(1), null));
    Caller owner = caller(ACME, Role.OWNER);

    Problem conflict = Problems.from(catchThrowableOfType(RuntimeException.class, () -> runs.delete(owner, run.runId())));
    assertThat(conflict.status()).isEqualTo(409);

    assertThat(runs.cancel(member, run.runId()).status()).isEqualTo(RunStatus.CANCELLED);
    runs.delete(owner, run.runId());
    assertThat(Problems.from(catchThrowableOfType(RuntimeException.class, () -> runs.get(owner, run.runId()))).status())
        .isEqualTo(404);
  }

  @Test
  void moreThanAThousandRunsAreAllReachablePageByPageNewestFirstEachOnceAlsoFiltered() {
    var history = ports.history(ACME);
    List<String> newestFirst = new ArrayList<>();
    List<String> failedNewestFirst = new ArrayList<>();
    for (int i = 0; i < 1_234; i++) {
      String runId = "run-%04d".formatted(i);
      RunStatus status = i % 7 == 0 ? RunStatus.FAILED : RunStatus.COMPLETED;
      // three runs share each instant: the run id breaks the tie
      history.create(new RunRecord(runId, "caps", "suite.yaml", null, status,
          Instant.parse("2026-03-02T10:00:00Z").plusSeconds(i / 3), null, 1, null, null));
      newestFirst.addFirst(runId);
      if (status == RunStatus.FAILED) failedNewestFirst.addFirst(runId);
    }

    assertThat(allPages(null, 100)).containsExactlyElementsOf(newestFirst);
    assertThat(allPages(RunStatus.FAILED, 25)).containsExactlyElementsOf(failedNewestFirst);
    assertThat(allPages(RunStatus.RUNNING, 25)).isEmpty();
  }

  @Test
  void runsStartedOrDeletedBetweenPagesShiftNothing() {
    for (int i = 0; i < 5; i++) {
      runs.start(member, StartRun.inline(echoSuite(1), null));
      ports.clock.advance(java.time.Duration.ofSeconds(1));
    }
    Page<RunView> first = runs.list(member, null, PageRequest.first(2));
    runs.start(member, StartRun.inline(echoSuite(1), null));
    Page<RunView> rest = runs.list(member, null, new PageRequest(10, first.nextCursor().orElseThrow()));

    assertThat(rest.items()).hasSize(3);
    assertThat(rest.items()).extracting(RunView::runId)
        .doesNotContainAnyElementsOf(first.items().stream().map(RunView::runId).toList());
  }

  @Test
  void aCursorThatIsNotOneIsRefusedNamingTheCursor() {
    Problem refused = Problems.from(catchThrowableOfType(RuntimeException.class,
        () -> runs.list(member, null, new PageRequest(10, Base64.getUrlEncoder().encodeToString("runs:42".getBytes())))));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.errors()).extracting(Problem.FieldError::field).containsExactly("cursor");
  }

  @Test
  void deletingARunRemovesEveryBlobUnderItsPrefixAndNoOtherRunsBlobs() {
    RunView run = endedRun();
    RunView other = endedRun();
    String prefix = "tenants/acme/runs/" + run.runId() + "/";
    ports.blobs.putText(prefix + "items/shard-0007.json", "{}");
    assertThat(ports.blobs.keys(prefix, 100)).hasSizeGreaterThan(1);

    runs.delete(caller(ACME, Role.OWNER), run.runId());

    assertThat(ports.blobs.keys(prefix, 100)).isEmpty();
    assertThat(ports.blobs.keys("tenants/acme/runs/" + other.runId() + "/", 100)).isNotEmpty();
    assertThat(runs.list(member, null, PageRequest.first()).items()).extracting(RunView::runId)
        .containsExactly(other.runId());
  }

  @Test
  void aDeleteThatFailsHalfWayLeavesTheRunListedAndARetryFinishesIt() {
    RunView run = endedRun();
    String prefix = "tenants/acme/runs/" + run.runId() + "/";
    ports.blobs.failDeletesWhen = key -> key.endsWith("/suite.json");
    Caller owner = caller(ACME, Role.OWNER);

    assertThat(catchThrowableOfType(RuntimeException.class, () -> runs.delete(owner, run.runId()))).isNotNull();
    assertThat(runs.get(member, run.runId()).status()).isEqualTo(RunStatus.CANCELLED);

    ports.blobs.failDeletesWhen = key -> false;
    runs.delete(owner, run.runId());

    assertThat(ports.blobs.keys(prefix, 100)).isEmpty();
    assertThat(Problems.from(catchThrowableOfType(RuntimeException.class, () -> runs.get(owner, run.runId()))).status())
        .isEqualTo(404);
  }

  private RunView endedRun() {
    RunView run = runs.start(member, StartRun.inline(echoSuite(2), null));
    ports.clock.advance(java.time.Duration.ofSeconds(1));
    return runs.cancel(member, run.runId());
  }

  private List<String> allPages(RunStatus status, int limit) {
    List<String> seen = new ArrayList<>();
    Page<RunView> page = runs.list(member, status, PageRequest.first(limit));
    seen.addAll(page.items().stream().map(RunView::runId).toList());
    while (page.nextCursor().isPresent()) {
      page = runs.list(member, status, new PageRequest(limit, page.nextCursor().get()));
      assertThat(page.items()).isNotEmpty().hasSizeLessThanOrEqualTo(limit);
      seen.addAll(page.items().stream().map(RunView::runId).toList());
    }
    return seen;
  }

  @Test
  void anInboundWebhookStartsOneRunPerIdempotencyKeyWithItsVariables() {
    StoredSuite suite = ports.services.suites().create(member, new SuiteService.SuiteText("caps", null,
        echoSuite(1)));
    var hook = new dev.ltb.security.Principal(ACME, "hook:h1", Role.SERVICE, dev.ltb.security.PrincipalKind.WEBHOOK);

    String first = runs.start(new RunStarter.Request(hook, suite.suiteId(), Map.of("branch", "main"), "delivery-1"));
    String again = runs.start(new RunStarter.Request(hook, suite.suiteId(), Map.of("branch", "main"), "delivery-1"));

    assertThat(again).isEqualTo(first);
    assertThat(first).isEqualTo(RunService.hookRunId(ACME, "delivery-1")).matches("hook-[0-9a-f]{24}");
    assertThat(ports.started).hasSize(1);
    assertThat(ports.blobs.text(ports.started.getFirst().suiteKey())).contains("branch").contains("main");
    assertThat(actions(ACME)).containsSubsequence("runs:start/succeeded");
  }

  @Test
  void anInboundWebhookWhoseSuiteNoLongerValidatesIsRefusedWithTheApisProblemType() {
    // stored before the provider was retired, say: the suite no longer validates
    ports.suites.add(new StoredSuite(ACME, "retired", 1, "retired", "yaml",
        "prompts: [hi]\nproviders: [no-such-vendor:model]\ntests:\n  - vars: {}\n", ports.clock.instant(), "user:x"));
    var hook = new dev.ltb.security.Principal(ACME, "hook:h1", Role.SERVICE, dev.ltb.security.PrincipalKind.WEBHOOK);
    var request = new RunStarter.Request(hook, "retired", Map.of("branch", "main"), "delivery-2");

    var refused = catchThrowableOfType(dev.ltb.webhook.RunStartRefusedException.class, () -> runs.start(request));

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.type()).isEqualTo("invalid-suite");
    assertThat(ports.started).isEmpty();
  }

  private java.util.List<String> actions(dev.ltb.tenancy.TenantId tenant) {
    return ports.audit.query(tenant, AuditQuery.latest(100)).items().stream()
        .map((AuditRecord r) -> r.action() + "/" + r.result().name().toLowerCase()).toList();
  }
}
