package dev.ltb.run;

import dev.ltb.aggregate.RunSummary;
import dev.ltb.engine.Planner;
import dev.ltb.engine.RetrySettings;
import dev.ltb.engine.RunPlan;
import dev.ltb.engine.ShardExecutor;
import dev.ltb.engine.ShardReport;
import dev.ltb.engine.TestScorer;
import dev.ltb.provider.Provider;
import dev.ltb.provider.ProviderContext;
import dev.ltb.provider.ProviderRegistry;
import dev.ltb.suite.Suite;
import dev.ltb.suite.SuiteCodec;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Runs a suite in this process: plan → execute every item → aggregate, with results streamed into the
 * {@link RunHistory} as they arrive. The cloud runtime uses the same {@link Planner}, {@link RunEngine} and
 * {@link RunVerdict}, one Lambda per step (see {@code dev.ltb.pipeline}).
 */
public final class LocalRunner {

  private static final DateTimeFormatter RUN_ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private final RunHistory history;
  private final RunEngine engine;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public LocalRunner(
      RunHistory history,
      ProviderRegistry providers,
      ProviderContext providerContext,
      TestScorer scorer,
      Function<Suite, Map<String, String>> evaluatorVersions,
      RetrySettings retry,
      Clock clock) {
    this(history, new RunEngine(providers, providerContext, scorer, evaluatorVersions, retry, clock));
  }

  public LocalRunner(RunHistory history, RunEngine engine) {
    this.history = Objects.requireNonNull(history);
    this.engine = Objects.requireNonNull(engine);
    this.clock = engine.clock();
  }

  /** Starts a new run of the suite and returns its finished record. */
  public RunRecord run(Suite suite, RunListener listener, BooleanSupplier cancelled) {
    List<Provider> built = engine.providersFor(suite); // fail fast on bad provider config, before any record exists
    String runId = newRunId();
    RunPlan plan = new Planner().plan(runId, suite);
    history.create(
        new RunRecord(runId, suite.description(), suite.source(), SuiteCodec.toJson(suite), RunStatus.RUNNING,
            clock.instant(), null, plan.totalItems(), null, null));
    return execute(plan, built, Set.of(), 0, listener, cancelled);
  }

  /** Continues a run: items that already have a result are skipped, the rest run now. */
  public RunRecord resume(String runIdOrPrefix, RunListener listener, BooleanSupplier cancelled) {
    RunRecord record =
        history.find(runIdOrPrefix).orElseThrow(() -> new IllegalArgumentException("no run " + runIdOrPrefix));
    Suite suite = SuiteCodec.fromJson(record.suiteJson());
    List<Provider> built = engine.providersFor(suite);
    RunPlan plan = new Planner().plan(record.runId(), suite);
    Set<String> done = history.completedItemIds(record.runId());
    double spent = engine.spentSoFar(history, record.runId());
    history.updateStatus(record.runId(), RunStatus.RUNNING, null);
    return execute(plan, built, done, spent, listener, cancelled);
  }

  private RunRecord execute(
      RunPlan plan, List<Provider> built, Set<String> done, double spent, RunListener listener,
      BooleanSupplier cancelled) {
    listener.planned(plan, done.size());
    ShardReport report;
    try (ShardExecutor executor = engine.executor(plan.suite(), built, cancelled)) {
      executor.addPriorSpend(spent);
      report =
          executor.execute(
              plan.runId(),
              plan.items()::iterator,
              done::contains,
              history.sinkFor(plan.runId()).andThen(listener::result));
    } catch (RuntimeException e) {
      history.finish(plan.runId(), RunStatus.FAILED, null, e.getMessage());
      throw e;
    }
    RunSummary summary = summarize(plan);
    RunVerdict verdict = RunVerdict.of(plan.totalItems(), summary, report.cancelled(), plan.suite().options().maxCostUsd());
    history.finish(plan.runId(), verdict.status(), summary, verdict.reason());
    return history.find(plan.runId()).orElseThrow();
  }

  /** Recomputes the summary from the stored results, so a resumed run counts every item exactly once. */
  public RunSummary summarize(RunPlan plan) {
    RunRecord record = history.find(plan.runId()).orElseThrow();
    return engine.summarize(history, plan.runId(), plan.suite(), record.createdAt());
  }

  private String newRunId() {
    byte[] suffix = new byte[3];
    random.nextBytes(suffix);
    return RUN_ID_TIME.format(clock.instant()) + "-" + HexFormat.of().formatHex(suffix);
  }
}
