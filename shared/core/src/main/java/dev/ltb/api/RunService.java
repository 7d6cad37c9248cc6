package dev.ltb.api;

import dev.ltb.audit.ResourceRef;
import dev.ltb.pipeline.BlobStore;
import dev.ltb.pipeline.PlanRequest;
import dev.ltb.pipeline.RunHistories;
import dev.ltb.pipeline.RunRef;
import dev.ltb.run.RunHistory;
import dev.ltb.run.RunListPage;
import dev.ltb.run.RunPosition;
import dev.ltb.run.RunRecord;
import dev.ltb.run.RunStatus;
import dev.ltb.security.Operation;
import dev.ltb.suite.Suite;
import dev.ltb.tenancy.Page;
import dev.ltb.tenancy.PageRequest;
import dev.ltb.tenancy.QuotaGuard;
import dev.ltb.tenancy.ResourceNotFoundException;
import dev.ltb.tenancy.TenantId;
import dev.ltb.webhook.RunStartRefusedException;
import dev.ltb.webhook.RunStarter;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs: start (from a stored suite or inline text, validated, admitted by the plan's quota, then handed to the
 * workflow), list, get, cancel and delete. Also the {@link RunStarter} of inbound webhooks, so quotas, validation
 * and audit apply alike.
 */
public final class RunService implements RunStarter {

  private static final String RUN = "run";

  private final RunHistories histories;
  private final BlobStore blobs;
  private final SuiteStore suites;
  private final SuiteTexts texts;
  private final QuotaGuard quota;
  private final RunLauncher launcher;
  private final Guard guard;
  private final Idempotency idempotency;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  RunService(
      RunHistories histories, BlobStore blobs, SuiteStore suites, SuiteTexts texts, QuotaGuard quota,
      RunLauncher launcher, Guard guard, Idempotency idempotency, Clock clock) {
    this.histories = Objects.requireNonNull(histories);
    this.blobs = Objects.requireNonNull(blobs);
    this.suites = Objects.requireNonNull(suites);
    this.texts = Objects.requireNonNull(texts);
    this.quota = Objects.requireNonNull(quota);
    this.launcher = Objects.requireNonNull(launcher);
    this.guard = Objects.requireNonNull(guard);
    this.idempotency = Objects.requireNonNull(idempotency);
    this.clock = Objects.requireNonNull(clock);
  }

  /** Starts a run; the answer is the QUEUED run. */
  public RunView start(Caller caller, StartRun request) {
    return start(caller, request, newRunId());
  }

  private RunView start(Caller caller, StartRun request, String runId) {
    guard.require(caller, Operation.RUN_START, ResourceRef.collection(RUN));
    Source source = source(caller, request);
    String text = SuiteTexts.withVars(source.text(), source.format(), request.vars());
    Suite suite = texts.validate(text, source.fileName(), caller.tenant());
    RunRef ref = new RunRef(caller.tenant().value(), runId);
    quota.admit(caller.tenant(), runId, suite.itemCount());
    RunHistory history = history(caller);
    String suiteKey = ref.tenantPrefix() + "runs/" + runId + "/input." + source.format();
    try {
      blobs.put(suiteKey, text.getBytes(StandardCharsets.UTF_8), source.format().equals("json")
          ? "application/json" : "application/yaml");
      history.create(
          new RunRecord(runId, suite.description(), source.fileName(), null, RunStatus.QUEUED, clock.instant(), null,
              suite.itemCount(), null, null),
          suite);
      launcher.start(new PlanRequest(ref.tenantId(), runId, suiteKey, request.maxConcurrency(), null, null));
    } catch (RuntimeException e) {
      quota.release(caller.tenant(), runId);
      history.find(runId).filter(r -> !r.status().terminal())
          .ifPresent(r -> history.finish(runId, RunStatus.FAILED, null, "the run could not be started"));
      throw e;
    }
    guard.succeeded(caller, Operation.RUN_START, ResourceRef.of(RUN, runId));
    return RunView.of(require(history, runId));
  }

  /**
   * Inbound webhooks: a stored suite with variables, admitted, recorded and audited exactly like {@code POST /runs}.
   * The run id derives from the idempotency key ({@link #hookRunId}), so a retried start names the same run and the
   * same execution. A refusal the sender can act on (an invalid suite, a reused key) becomes a {@link
   * RunStartRefusedException} with the API's problem type; quota refusals and a missing suite pass as they are.
   */
  @Override
  public String start(RunStarter.Request request) {
    Caller caller = new Caller(request.principal(), request.context());
    String operation = "start-run " + request.suiteId() + " " + new java.util.TreeMap<>(request.vars());
    String runId = hookRunId(caller.tenant(), request.idempotencyKey());
    try {
      Idempotency.Outcome outcome =
          idempotency.execute(caller, request.idempotencyKey(), operation, new byte[0], () -> {
            StartRun start = new StartRun(request.suiteId(), null, null, null, request.vars(), null);
            return new Idempotency.Answer(201, start(caller, start, runId).runId());
          });
      return outcome.body();
    } catch (ApiException e) {
      Problem problem = e.problem();
      if (problem.status() >= 500) throw e;
      String type = problem.type().toString();
      throw new RunStartRefusedException(problem.status(), type.substring(type.lastIndexOf('/') + 1), problem.detail());
    }
  }

  /** {@code hook-<24 hex>}: the same tenant and idempotency key (hook and delivery id) give the same run id. */
  static String hookRunId(TenantId tenant, String idempotencyKey) {
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
          .digest((tenant.value() + "\n" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
      return "hook-" + java.util.HexFormat.of().formatHex(digest).substring(0, 24);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /**
   * Most recent first, optionally only runs in {@code status}: every run of the tenant is reachable page by page, each
   * once. The cursor is the position of the page's last run, so runs started meanwhile do not shift later pages.
   */
  public Page<RunView> list(Caller caller, RunStatus status, PageRequest page) {
    guard.require(caller, Operation.RESULTS_READ, ResourceRef.collection(RUN));
    RunPosition after = page.cursor() == null ? null : position(Cursors.decode("runs", page.cursor()));
    RunListPage listed = history(caller).listPage(after, status, page.limit());
    return new Page<>(
        listed.runs().stream().map(RunView::of).toList(),
        listed.next().map(next -> Cursors.encode("runs", next.text())));
  }

  public RunView get(Caller caller, String runId) {
    guard.require(caller, Operation.RESULTS_READ, RUN, "runId", runId);
    return RunView.of(require(history(caller), runId));
  }

  /** Cancels a queued or running run; an ended run is answered as it is. */
  public RunView cancel(Caller caller, String runId) {
    ResourceRef resource = guard.require(caller, Operation.RUN_CANCEL, RUN, "runId", runId);
    RunHistory history = history(caller);
    RunRecord run = require(history, runId);
    if (!run.status().terminal()) {
      launcher.cancel(new RunRef(caller.tenant().value(), runId));
      guard.succeeded(caller, Operation.RUN_CANCEL, resource);
    }
    return RunView.of(require(history, runId));
  }

  /**
   * Deletes an ended run: its blobs (suite, shards, results, summary, report), then its results and its record. A queued
   * or running run must be cancelled first (409). Safe to repeat after a failure.
   */
  public void delete(Caller caller, String runId) {
    ResourceRef resource = guard.require(caller, Operation.RUN_DELETE, RUN, "runId", runId);
    RunHistory history = history(caller);
    RunStatus status = history.status(runId).orElseThrow(() -> new ResourceNotFoundException(RUN, runId));
    if (!status.terminal())
      throw new ApiException(ProblemType.CONFLICT, "run " + runId + " is " + status + "; cancel it first");
    // Blobs first, records last: if a delete fails half-way the run is still listed and a retry finishes it.
    blobs.deleteAll(new RunRef(caller.tenant().value(), runId).runPrefix());
    history.delete(runId);
    guard.succeeded(caller, Operation.RUN_DELETE, resource);
  }

  RunHistory history(Caller caller) {
    return histories.forTenant(caller.tenant().value());
  }

  /** The run with exactly this id in the caller's tenant; 404 otherwise (another tenant's run included). */
  static RunRecord require(RunHistory history, String runId) {
    return find(history, runId).orElseThrow(() -> new ResourceNotFoundException(RUN, runId));
  }

  static Optional<RunRecord> find(RunHistory history, String runId) {
    try {
      return history.find(runId).filter(run -> run.runId().equals(runId));
    } catch (IllegalArgumentException ambiguousPrefix) {
      return Optional.empty();
    }
  }

  private record Source(String text, String format, String fileName) {}

  private Source source(Caller caller, StartRun request) {
    boolean stored = request.suiteId() != null, inline = request.suite() != null;
    if (stored == inline)
      throw new ApiException(ProblemType.INVALID_REQUEST, "give either suiteId or suite, not both and not neither",
          List.of(Problem.FieldError.of("suiteId", "set suiteId or suite"),
              Problem.FieldError.of("suite", "set suiteId or suite")));
    if (inline) {
      String format = SuiteTexts.format(request.format(), request.suite());
      return new Source(request.suite(), format, "suite." + format);
    }
    guard.require(caller, Operation.SUITES_READ, "suite", "suiteId", request.suiteId());
    StoredSuite suite =
        suites.find(caller.tenant(), request.suiteId(), request.suiteVersion())
            .orElseThrow(() -> new ResourceNotFoundException("suite", request.suiteId()));
    return new Source(suite.text(), suite.format(), suite.fileName());
  }

  private String newRunId() {
    byte[] bytes = new byte[6];
    random.nextBytes(bytes);
    return "run-" + Long.toString(clock.millis(), 36) + "-" + java.util.HexFormat.of().formatHex(bytes);
  }

  private static RunPosition position(String cursorValue) {
    try {
      return RunPosition.parse(cursorValue);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidField("cursor", "is not a cursor this list produced; pass nextCursor unchanged");
    }
  }
}
