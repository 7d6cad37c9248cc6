package dev.ltb.api;

import dev.ltb.audit.ResourceRef;
import dev.ltb.pipeline.BlobStore;
import dev.ltb.pipeline.PlanRequest;
import dev.ltb.pipeline.RunHistories;
import dev.ltb.pipeline.RunRef;
import dev.ltb.run.RunHistory;
import dev.ltb.run.RunRecord;
import dev.ltb.run.RunStatus;
import dev.ltb.security.Operation;
import dev.ltb.suite.Suite;
import dev.ltb.tenancy.Page;
import dev.ltb.tenancy.PageRequest;
import dev.ltb.tenancy.QuotaGuard;
import dev.ltb.tenancy.ResourceNotFoundException;
import dev.ltb.webhook.RunStarter;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs: start (from a stored suite or inline text, validated, admitted by the plan's quota, then handed to the
 * workflow), list, get, cancel and delete. Also the {@link RunStarter} of inbound webhooks, so quotas, validation
 * and audit apply alike.
 */
public final class RunService implements RunStarter {

  /** How many of the most recent runs a list can page through. */
  public static final int MAX_LISTED = 1_000;

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
    guard.require(caller, Operation.RUN_START, ResourceRef.collection(RUN));
    Source source = source(caller, request);
    String text = SuiteTexts.withVars(source.text(), source.format(), request.vars());
    Suite suite = texts.validate(text, source.fileName(), caller.tenant());
    String runId = newRunId();
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

  /** Inbound webhooks: a stored suite with variables; the same key gives the same run id. */
  @Override
  public String start(RunStarter.Request request) {
    Caller caller = new Caller(request.principal(), null);
    String operation = "start-run " + request.suiteId() + " " + new java.util.TreeMap<>(request.vars());
    Idempotency.Outcome outcome =
        idempotency.execute(caller, request.idempotencyKey(), operation, new byte[0], () -> {
          StartRun start = new StartRun(request.suiteId(), null, null, null, request.vars(), null);
          return new Idempotency.Answer(201, start(caller, start).runId());
        });
    return outcome.body();
  }

  /** Most recent first, optionally only runs in {@code status}. */
  public Page<RunView> list(Caller caller, RunStatus status, PageRequest page) {
    guard.require(caller, Operation.RESULTS_READ, ResourceRef.collection(RUN));
    int offset = page.cursor() == null ? 0 : parseOffset(Cursors.decode("runs", page.cursor()));
    int window = status == null ? Math.min(MAX_LISTED, offset + page.limit() + 1) : MAX_LISTED;
    List<RunRecord> recent = history(caller).list(window);
    List<RunView> items = new ArrayList<>();
    int index = offset;
    for (; index < recent.size() && items.size() < page.limit(); index++) {
      RunRecord run = recent.get(index);
      if (status == null || run.status() == status) items.add(RunView.of(run));
    }
    while (status != null && index < recent.size() && recent.get(index).status() != status) index++;
    boolean more = index < recent.size();
    return new Page<>(items, more ? Optional.of(Cursors.encode("runs", Integer.toString(index))) : Optional.empty());
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

  /** Deletes an ended run with its results; a queued or running run must be cancelled first (409). */
  public void delete(Caller caller, String runId) {
    ResourceRef resource = guard.require(caller, Operation.RUN_DELETE, RUN, "runId", runId);
    RunHistory history = history(caller);
    RunRecord run = require(history, runId);
    if (!run.status().terminal())
      throw new ApiException(ProblemType.CONFLICT, "run " + runId + " is " + run.status() + "; cancel it first");
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

  private static int parseOffset(String value) {
    try {
      int offset = Integer.parseInt(value);
      if (offset >= 0) return offset;
    } catch (NumberFormatException e) {
      // fall through
    }
    throw ApiException.invalidField("cursor", "is not a cursor this list produced; pass nextCursor unchanged");
  }
}
