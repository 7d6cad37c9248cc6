package dev.ltb.engine;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.derived.DerivedMetrics;
import dev.ltb.evaluator.TestOutcome;
import dev.ltb.provider.Provider;
import dev.ltb.provider.ProviderException;
import dev.ltb.provider.ProviderRequest;
import dev.ltb.provider.ProviderResponse;
import dev.ltb.provider.RequestOrigin;
import dev.ltb.suite.Prompt;
import dev.ltb.suite.ProviderSpec;
import dev.ltb.suite.Suite;
import dev.ltb.suite.TestCase;
import dev.ltb.template.TemplateException;
import dev.ltb.template.TemplateRenderer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Executes work items of one suite: renders the prompt, calls the provider under its limits with retries
 * (exponential backoff with jitter, honouring Retry-After), enforces the per-item timeout, scores the output
 * and hands each result to the sink the moment it exists. Items run on virtual threads, at most
 * {@code options.maxConcurrency} at once. Items the caller reports as already done are skipped, so a resumed
 * run or a redelivered shard never calls a provider twice for the same item.
 *
 * <p>Each output is scored by the {@link TestScorer}, then the suite's {@code derivedMetrics} are computed from
 * its named scores ({@link DerivedMetrics}).
 *
 * <p>A provider failure is recorded on its item as data and never aborts the run; a failing sink (storage)
 * does abort, since results would otherwise be lost. When the calling thread is interrupted (the process is
 * going away) no further item starts, items in flight are left without a result (a resume or a redelivered
 * shard runs them) and {@link #execute} throws {@link CancellationException}.
 */
public final class ShardExecutor implements AutoCloseable {

  private final Suite suite;
  private final List<Provider> providers;
  private final List<ProviderGate> gates;
  private final TestScorer scorer;
  private final DerivedMetrics derivedMetrics;
  private final RequestBuilder requests;
  private final RetryPolicy<ProviderResponse> retryPolicy;
  private final BooleanSupplier cancelled;
  private final Clock clock;
  private final ItemDeadlines deadlines = new ItemDeadlines();
  private final DoubleAdder spentUsd = new DoubleAdder();

  private ShardExecutor(Builder builder) {
    this.suite = builder.suite;
    this.providers = List.copyOf(builder.providers);
    if (providers.size() != suite.providers().size())
      throw new IllegalArgumentException(
          "expected " + suite.providers().size() + " providers for the suite, got " + providers.size());
    this.gates = suite.providers().stream().map(spec -> new ProviderGate(spec.limits())).toList();
    this.scorer = Objects.requireNonNull(builder.scorer, "scorer");
    this.derivedMetrics = new DerivedMetrics(suite.derivedMetrics());
    this.requests = new RequestBuilder(builder.renderer);
    this.retryPolicy = retryPolicy(builder.retry, suite.options().maxRetries());
    this.cancelled = builder.cancelled;
    this.clock = builder.clock;
  }

  public static Builder builder(Suite suite, List<Provider> providers, TestScorer scorer) {
    return new Builder(suite, providers, scorer);
  }

  /** Cost already spent by earlier executions of this run, counted against {@code options.maxCostUsd}. */
  public void addPriorSpend(double costUsd) {
    spentUsd.add(costUsd);
  }

  /**
   * Runs the items, blocking until all have finished.
   *
   * @throws ResultStorageException when the sink failed; results handed to it before that are kept
   */
  public ShardReport execute(String runId, Iterable<WorkItem> items, Predicate<String> alreadyDone, ResultSink sink) {
    Counters counters = new Counters();
    AtomicReference<RuntimeException> sinkFailure = new AtomicReference<>();
    Semaphore slots = new Semaphore(suite.options().maxConcurrency());
    boolean stoppedEarly = false;
    try (ExecutorService threads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("ltb-item-", 0).factory())) {
      for (WorkItem item : items) {
        if (alreadyDone.test(item.id())) {
          counters.skipped.incrementAndGet();
          continue;
        }
        if (cancelled.getAsBoolean() || sinkFailure.get() != null || Thread.currentThread().isInterrupted()) {
          stoppedEarly = true;
          break;
        }
        slots.acquireUninterruptibly();
        threads.execute(
            () -> {
              try {
                ItemResult result = runItem(runId, item, counters);
                if (result == null) return; // interrupted before it had an outcome: left for a later run
                counters.count(result);
                sink.accept(result);
              } catch (RuntimeException e) {
                sinkFailure.compareAndSet(null, e);
              } finally {
                slots.release();
              }
            });
      }
    }
    if (sinkFailure.get() != null) throw new ResultStorageException("storing results failed", sinkFailure.get());
    if (Thread.currentThread().isInterrupted())
      throw new CancellationException(
          "interrupted after " + counters.executed.get() + " items; the items in flight were left without a result");
    return counters.report(stoppedEarly && cancelled.getAsBoolean());
  }

  private ItemResult runItem(String runId, WorkItem item, Counters counters) {
    Instant startedAt = clock.instant();
    TestCase test = testAt(item.testIndex());
    Prompt prompt = suite.prompts().get(item.promptIndex());
    ProviderSpec spec = suite.providers().get(item.providerIndex());
    ItemResultBuilder result = new ItemResultBuilder(runId, item, test, prompt, spec, startedAt);

    ProviderRequest request;
    try {
      request =
          requests
              .build(prompt, test.vars(), suite.options().repeat() == 1)
              .withOrigin(new RequestOrigin(item.id(), test.description(), test.vars()));
    } catch (TemplateException | IllegalArgumentException e) {
      return result.error("template", e.getMessage());
    }
    result.renderedPrompt(request.prompt());

    Double budget = suite.options().maxCostUsd();
    if (budget != null && spentUsd.sum() >= budget) {
      return result.error("budget-exceeded", "the run's budget of $%s is spent; item not run".formatted(budget));
    }

    AtomicInteger attempts = new AtomicInteger();
    ProviderResponse response;
    try (ItemDeadlines.Deadline deadline = deadlines.start(suite.options().itemTimeout())) {
      try {
        response = call(item, request, attempts, counters);
      } catch (ProviderException e) {
        // providers turn an interrupt into a timeout error and keep the flag: not an outcome of the item
        if (Thread.currentThread().isInterrupted() && !deadline.expired()) return null;
        return result.attempts(attempts.get()).error(e.kind().id(), e.getMessage());
      } catch (InterruptedException | FailsafeException e) {
        if (deadline.expired()) {
          return result
              .attempts(attempts.get())
              .error("item-timeout", "no result within " + format(suite.options().itemTimeout()) + " after "
                  + attempts.get() + " attempt(s)");
        }
        return null; // the executing thread was interrupted (process stopping): no outcome to store
      }
    }
    // a cached answer carries what the original call cost, but nothing is spent on it now
    if (response.costUsd() != null && !response.cached()) spentUsd.add(response.costUsd());
    result.attempts(attempts.get()).response(response);

    EvaluationContext context =
        new EvaluationContext(response.output(), response, request.prompt(), test.vars(), test, spec);
    try {
      TestOutcome outcome = derivedMetrics.apply(scorer.score(test, context));
      // judge calls are paid now even when the answer came from the cache (their own cache reports no cost)
      spentUsd.add(outcome.judgeCostUsd());
      return result.outcome(outcome);
    } catch (RuntimeException e) {
      return result.error("evaluation", "evaluating the output failed: " + e.getMessage());
    }
  }

  private ProviderResponse call(WorkItem item, ProviderRequest request, AtomicInteger attempts, Counters counters)
      throws InterruptedException {
    Provider provider = providers.get(item.providerIndex());
    ProviderGate gate = gates.get(item.providerIndex());
    try {
      return Failsafe.with(retryPolicy)
          .get(
              () -> {
                attempts.incrementAndGet();
                counters.providerCalls.incrementAndGet();
                return gate.call(() -> provider.complete(request));
              });
    } catch (FailsafeException e) {
      if (e.getCause() instanceof InterruptedException interrupted) throw interrupted;
      throw e;
    }
  }

  private static RetryPolicy<ProviderResponse> retryPolicy(RetrySettings settings, int maxRetries) {
    return RetryPolicy.<ProviderResponse>builder()
        .handleIf((response, failure) -> failure instanceof ProviderException e && e.retryable())
        .withMaxRetries(maxRetries)
        .withDelay(settings.baseDelay())
        .withDelayFnOn(
            context -> delayBeforeRetry(settings, context.getLastException(), context.getAttemptCount()),
            ProviderException.class)
        .build();
  }

  /**
   * The vendor's Retry-After when it gave one (capped, never shortened: jitter only adds to it), else
   * exponential backoff from the base delay with ± jitter.
   */
  static Duration delayBeforeRetry(RetrySettings settings, ProviderException failure, int attempts) {
    java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
    var retryAfter = failure.retryAfter();
    if (retryAfter.isPresent()) {
      Duration wait = retryAfter.get().compareTo(settings.maxRetryAfter()) > 0 ? settings.maxRetryAfter() : retryAfter.get();
      long extraNanos = (long) (random.nextDouble() * settings.jitterFactor() * settings.baseDelay().toNanos());
      return wait.plusNanos(extraNanos);
    }
    double exponential = settings.baseDelay().toNanos() * Math.pow(2, Math.max(0, attempts - 1));
    double capped = Math.min(exponential, settings.maxDelay().toNanos());
    double jitter = 1 + settings.jitterFactor() * (2 * random.nextDouble() - 1);
    return Duration.ofNanos((long) (capped * jitter));
  }

  private TestCase testAt(int index) {
    return suite.tests().isEmpty() ? new TestCase(null, Map.of(), List.of(), null, null) : suite.tests().get(index);
  }

  private static String format(Duration duration) {
    return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
  }

  @Override
  public void close() {
    deadlines.close();
  }

  private static final class Counters {
    final AtomicLong executed = new AtomicLong();
    final AtomicLong skipped = new AtomicLong();
    final AtomicLong passed = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final AtomicLong providerCalls = new AtomicLong();
    final DoubleAdder cost = new DoubleAdder();

    void count(ItemResult result) {
      executed.incrementAndGet();
      switch (result.status()) {
        case PASS -> passed.incrementAndGet();
        case FAIL -> failed.incrementAndGet();
        case ERROR -> errors.incrementAndGet();
      }
      if (result.costUsd() != null) cost.add(result.costUsd());
      cost.add(result.judgeCostUsd());
    }

    ShardReport report(boolean cancelled) {
      return new ShardReport(
          executed.get(), skipped.get(), passed.get(), failed.get(), errors.get(), providerCalls.get(), cost.sum(),
          cancelled);
    }
  }

  /** Configures an executor; defaults are documented on each setter. */
  public static final class Builder {
    private final Suite suite;
    private final List<Provider> providers;
    private final TestScorer scorer;
    private TemplateRenderer renderer = new TemplateRenderer();
    private RetrySettings retry = RetrySettings.DEFAULT;
    private BooleanSupplier cancelled = () -> false;
    private Clock clock = Clock.systemUTC();

    private Builder(Suite suite, List<Provider> providers, TestScorer scorer) {
      this.suite = Objects.requireNonNull(suite, "suite");
      this.providers = new ArrayList<>(providers);
      this.scorer = scorer;
    }

    /** Template engine for prompts; default a new {@link TemplateRenderer}. */
    public Builder renderer(TemplateRenderer value) {
      this.renderer = Objects.requireNonNull(value);
      return this;
    }

    /** Backoff settings; default {@link RetrySettings#DEFAULT}. */
    public Builder retry(RetrySettings value) {
      this.retry = Objects.requireNonNull(value);
      return this;
    }

    /** Polled before each item starts; when true no further item starts. Default: never. */
    public Builder cancelled(BooleanSupplier value) {
      this.cancelled = Objects.requireNonNull(value);
      return this;
    }

    /** Clock for {@code startedAt}; default UTC system clock. */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value);
      return this;
    }

    public ShardExecutor build() {
      return new ShardExecutor(this);
    }
  }
}
