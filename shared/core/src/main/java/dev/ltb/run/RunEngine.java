package dev.ltb.run;

import dev.ltb.aggregate.Aggregator;
import dev.ltb.aggregate.RunSummary;
import dev.ltb.engine.RetrySettings;
import dev.ltb.engine.ShardExecutor;
import dev.ltb.engine.TestScorer;
import dev.ltb.provider.Provider;
import dev.ltb.provider.ProviderContext;
import dev.ltb.provider.ProviderRegistry;
import dev.ltb.provider.SecretResolver;
import dev.ltb.suite.Suite;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * What executing and summarising a suite needs, in one place, so that {@link LocalRunner} and the cloud's
 * steps (a shard worker, the aggregate step) build providers, executors and summaries the same way.
 * Thread-safe; build one per process (per Lambda container).
 */
public final class RunEngine {

  private final ProviderRegistry providers;
  private final ProviderContext providerContext;
  private final TestScorer scorer;
  private final Function<Suite, Map<String, String>> evaluatorVersions;
  private final RetrySettings retry;
  private final Clock clock;

  /**
   * @param providers builds the suite's providers
   * @param providerContext HTTP client, secrets and base directory handed to provider factories
   * @param scorer scores each output (the assertion runner)
   * @param evaluatorVersions the evaluators a suite uses with their versions, recorded in its summary
   * @param retry backoff settings for retryable provider errors
   * @param clock time source for results and summaries
   */
  public RunEngine(
      ProviderRegistry providers,
      ProviderContext providerContext,
      TestScorer scorer,
      Function<Suite, Map<String, String>> evaluatorVersions,
      RetrySettings retry,
      Clock clock) {
    this.providers = Objects.requireNonNull(providers);
    this.providerContext = Objects.requireNonNull(providerContext);
    this.scorer = Objects.requireNonNull(scorer);
    this.evaluatorVersions = Objects.requireNonNull(evaluatorVersions);
    this.retry = Objects.requireNonNull(retry);
    this.clock = Objects.requireNonNull(clock);
  }

  /** This engine judging with another scorer, e.g. one that adds a suite's plugins to the assertions. */
  public RunEngine withScoring(TestScorer otherScorer, Function<Suite, Map<String, String>> otherVersions) {
    return new RunEngine(providers, providerContext, otherScorer, otherVersions, retry, clock);
  }

  /** The suite's providers, in suite order; fails on bad provider configuration before anything runs. */
  public List<Provider> providersFor(Suite suite) {
    return suite.providers().stream().map(spec -> providers.create(spec, providerContext)).toList();
  }

  /** The suite's providers reading their API keys from {@code secrets} instead of the engine's resolver. */
  public List<Provider> providersFor(Suite suite, SecretResolver secrets) {
    ProviderContext context =
        new ProviderContext(providerContext.httpClient(), secrets, providerContext.baseDir());
    return suite.providers().stream().map(spec -> providers.create(spec, context)).toList();
  }

  /** An executor for items of {@code suite}; close it when done. */
  public ShardExecutor executor(Suite suite, List<Provider> built, BooleanSupplier cancelled) {
    return ShardExecutor.builder(suite, built, scorer).retry(retry).cancelled(cancelled).clock(clock).build();
  }

  /**
   * The summary of the results stored for the run, streamed from the history (never all in memory). It is
   * recomputed from storage so that resumed or redelivered work counts every item exactly once.
   */
  public RunSummary summarize(RunHistory history, String runId, Suite suite, Instant startedAt) {
    Aggregator aggregator = new Aggregator(runId, suite, evaluatorVersions.apply(suite));
    history.forEachResult(runId, aggregator::accept);
    return aggregator.summarize(startedAt, clock.instant());
  }

  /** Provider and judge cost of the results stored so far, counted against the suite's budget. */
  public double spentSoFar(RunHistory history, String runId) {
    double[] spent = {0};
    history.forEachResult(
        runId, result -> spent[0] += (result.costUsd() == null ? 0 : result.costUsd()) + result.judgeCostUsd());
    return spent[0];
  }

  public Clock clock() {
    return clock;
  }
}
