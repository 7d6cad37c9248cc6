package dev.ltb.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ltb.evaluator.TestOutcome;
import dev.ltb.provider.FinishReason;
import dev.ltb.provider.Provider;
import dev.ltb.provider.ProviderException;
import dev.ltb.provider.ProviderRequest;
import dev.ltb.provider.ProviderResponse;
import dev.ltb.provider.TokenUsage;
import dev.ltb.suite.DerivedMetric;
import dev.ltb.suite.Prompt;
import dev.ltb.suite.ProviderLimits;
import dev.ltb.suite.ProviderSpec;
import dev.ltb.suite.RunOptions;
import dev.ltb.suite.Suite;
import dev.ltb.suite.TestCase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShardExecutorTest {

  private static final RetrySettings FAST_RETRY =
      new RetrySettings(Duration.ofMillis(1), Duration.ofMillis(5), 0.1, Duration.ofMillis(200));

  /** Passes when the output contains the test's "expected" var. */
  private static final TestScorer CONTAINS_EXPECTED =
      (test, context) -> {
        boolean pass = context.output().contains(String.valueOf(test.vars().get("expected")));
        return new TestOutcome(pass, pass ? 1 : 0, pass ? "All assertions passed" : "missing", List.of(),
            Map.of("quality", pass ? 1.0 : 0.0), TokenUsage.NONE);
      };

  private static Suite suite(int tests, RunOptions options, ProviderLimits limits) {
    return new Suite(
        "engine",
        List.of(new Prompt("p0", null, "Capital of {{country}}?")),
        List.of(new ProviderSpec("fake", "fake", null, limits)),
        IntStream.range(0, tests)
            .mapToObj(i -> new TestCase(null, Map.of("country", "C" + i, "expected", "C" + i), List.of(), null, null))
            .toList(),
        options,
        "test");
  }

  private static RunOptions options(int concurrency, int retries, Duration timeout, Double budget) {
    return new RunOptions(1, concurrency, timeout, retries, 50, budget);
  }

  private static Provider provider(Function<ProviderRequest, ProviderResponse> behaviour) {
    return new Provider() {
      @Override
      public String id() {
        return "fake";
      }

      @Override
      public ProviderResponse complete(ProviderRequest request) {
        return behaviour.apply(request);
      }
    };
  }

  private static ProviderResponse answer(String text) {
    return ProviderResponse.of(text, new TokenUsage(10, 5), 0.001, FinishReason.STOP).withLatency(7);
  }

  private static List<ItemResult> run(Suite suite, Provider provider, Set<String> done) {
    List<ItemResult> results = new CopyOnWriteArrayList<>();
    try (ShardExecutor executor =
        ShardExecutor.builder(suite, List.of(provider), CONTAINS_EXPECTED).retry(FAST_RETRY).build()) {
      RunPlan plan = new Planner().plan("run", suite);
      executor.execute("run", plan.items()::iterator, done::contains, results::add);
    }
    results.sort(java.util.Comparator.comparing(ItemResult::itemId));
    return results;
  }

  @Test
  void rendersThePromptCallsTheProviderAndScoresEveryItem() {
    Suite suite = suite(3, options(2, 0, null, null), null);
    List<ItemResult> results = run(suite, provider(request -> answer("It is " + request.prompt())), Set.of());

    assertThat(results).extracting(ItemResult::status).containsOnly(ItemStatus.PASS);
    ItemResult first = results.getFirst();
    assertThat(first.renderedPrompt()).isEqualTo("Capital of C0?");
    assertThat(first.output()).isEqualTo("It is Capital of C0?");
    assertThat(first.tokens()).isEqualTo(new TokenUsage(10, 5));
    assertThat(first.costUsd()).isEqualTo(0.001);
    assertThat(first.latencyMs()).isEqualTo(7);
    assertThat(first.finishReason()).isEqualTo("stop");
    assertThat(first.attempts()).isEqualTo(1);
    assertThat(first.namedScores()).containsEntry("quality", 1.0);
  }

  @Test
  void addsTheSuitesDerivedMetricsToEveryResult() {
    Suite plain = suite(2, options(1, 0, null, null), null);
    Suite suite =
        new Suite(
            plain.description(), plain.prompts(), plain.providers(), plain.tests(), plain.options(), plain.source(),
            List.of(new DerivedMetric("doubled", "quality * 2"), new DerivedMetric("missing", "recall * 2")));

    List<ItemResult> results =
        run(suite, provider(request -> answer(request.prompt().contains("C0") ? "C0" : "no")), Set.of());

    assertThat(results).extracting(ItemResult::namedScores)
        .containsExactly(Map.of("quality", 1.0, "doubled", 2.0), Map.of("quality", 0.0, "doubled", 0.0));
  }

  @Test
  void retriesRateLimitsAndServerErrorsThenSucceeds() {
    AtomicInteger calls = new AtomicInteger();
    Provider flaky =
        provider(
            request -> {
              int call = calls.incrementAndGet();
              if (call == 1) throw new ProviderException.RateLimited("slow down", 429, Duration.ofMillis(20));
              if (call == 2) throw new ProviderException.ServerError("boom", 500, null);
              return answer("C0");
            });
    List<ItemResult> results = run(suite(1, options(1, 3, null, null), null), flaky, Set.of());

    assertThat(results).singleElement().satisfies(r -> {
      assertThat(r.status()).isEqualTo(ItemStatus.PASS);
      assertThat(r.attempts()).isEqualTo(3);
    });
  }

  @Test
  void honoursRetryAfterBeforeTheNextAttempt() {
    List<Long> callTimes = Collections.synchronizedList(new ArrayList<>());
    Provider limited =
        provider(
            request -> {
              callTimes.add(System.nanoTime());
              if (callTimes.size() == 1) throw new ProviderException.RateLimited("429", 429, Duration.ofMillis(150));
              return answer("C0");
            });
    run(suite(1, options(1, 2, null, null), null), limited, Set.of());

    assertThat(callTimes).hasSize(2);
    assertThat(Duration.ofNanos(callTimes.get(1) - callTimes.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(100));
  }

  @Test
  void doesNotRetryErrorsThatCannotSucceedAndRecordsThemAsData() {
    AtomicInteger calls = new AtomicInteger();
    Provider unauthorized =
        provider(
            request -> {
              calls.incrementAndGet();
              throw new ProviderException.Authentication("invalid api key", 401);
            });
    List<ItemResult> results = run(suite(2, options(1, 4, null, null), null), unauthorized, Set.of());

    assertThat(calls).hasValue(2);
    assertThat(results).allSatisfy(r -> {
      assertThat(r.status()).isEqualTo(ItemStatus.ERROR);
      assertThat(r.error()).isEqualTo(new ItemError("authentication", "invalid api key"));
    });
  }

  @Test
  void givesUpAfterMaxRetriesWithTheLastErrorKind() {
    AtomicInteger calls = new AtomicInteger();
    Provider down =
        provider(
            request -> {
              calls.incrementAndGet();
              throw new ProviderException.ServerError("HTTP 503", 503, null);
            });
    List<ItemResult> results = run(suite(1, options(1, 2, null, null), null), down, Set.of());

    assertThat(calls).hasValue(3);
    assertThat(results.getFirst().error().kind()).isEqualTo("server-error");
    assertThat(results.getFirst().attempts()).isEqualTo(3);
  }

  @Test
  void stopsAnItemThatOutlivesItsTimeoutAndGoesOn() {
    Provider hangsOnFirstTest =
        provider(
            request -> {
              if (request.prompt().contains("C0")) {
                try {
                  Thread.sleep(Duration.ofMinutes(5));
                } catch (InterruptedException e) {
                  throw new ProviderException.Timeout("interrupted", e);
                }
              }
              return answer(request.prompt());
            });
    List<ItemResult> results =
        run(suite(2, options(2, 0, Duration.ofMillis(300), null), null), hangsOnFirstTest, Set.of());

    assertThat(results.get(0).error()).isNotNull();
    assertThat(results.get(0).error().kind()).isIn("item-timeout", "timeout");
    assertThat(results.get(1).status()).isEqualTo(ItemStatus.PASS);
  }

  @Test
  void skipsItemsThatAlreadyHaveAResult() {
    AtomicInteger calls = new AtomicInteger();
    Suite suite = suite(4, options(2, 0, null, null), null);
    List<ItemResult> results =
        run(suite, provider(request -> { calls.incrementAndGet(); return answer(request.prompt()); }),
            Set.of(WorkItem.idOf(0, 0, 0, 0), WorkItem.idOf(2, 0, 0, 0)));

    assertThat(calls).hasValue(2);
    assertThat(results).extracting(ItemResult::itemId)
        .containsExactly(WorkItem.idOf(1, 0, 0, 0), WorkItem.idOf(3, 0, 0, 0));
  }

  @Test
  void neverExceedsTheRunOrProviderConcurrency() {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    Provider slow =
        provider(
            request -> {
              peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
              try {
                Thread.sleep(20);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              inFlight.decrementAndGet();
              return answer(request.prompt());
            });
    run(suite(40, options(16, 0, null, null), new ProviderLimits(3, null, null)), slow, Set.of());
    assertThat(peak.get()).isEqualTo(3);

    peak.set(0);
    run(suite(40, options(5, 0, null, null), null), slow, Set.of());
    assertThat(peak.get()).isEqualTo(5);
  }

  @Test
  void stopsCallingProvidersOnceTheBudgetIsSpent() {
    AtomicInteger calls = new AtomicInteger();
    Suite suite = suite(10, options(1, 0, null, 0.0025), null);
    List<ItemResult> results =
        run(suite, provider(request -> { calls.incrementAndGet(); return answer(request.prompt()); }), Set.of());

    assertThat(calls).hasValue(3);
    assertThat(results).filteredOn(r -> r.status() == ItemStatus.ERROR).hasSize(7)
        .allSatisfy(r -> assertThat(r.error().kind()).isEqualTo("budget-exceeded"));
  }

  @Test
  void judgeCostIsRecordedApartAndCountsAgainstTheBudget() {
    TestScorer judged =
        (test, context) ->
            new TestOutcome(true, 1, "All assertions passed", List.of(), Map.of(), new TokenUsage(300, 40), 0.002);
    AtomicInteger calls = new AtomicInteger();
    // $0.001 per call plus $0.002 of judging per item: the budget of $0.0065 is spent after three items
    // (without the judges it would take seven).
    Suite suite = suite(10, options(1, 0, null, 0.0065), null);
    List<ItemResult> results = new CopyOnWriteArrayList<>();
    try (ShardExecutor executor =
        ShardExecutor.builder(suite, List.of(provider(request -> {
          calls.incrementAndGet();
          return answer(request.prompt());
        })), judged).retry(FAST_RETRY).build()) {
      ShardReport report =
          executor.execute("run", new Planner().plan("run", suite).items()::iterator, id -> false, results::add);
      assertThat(report.costUsd()).isCloseTo(0.009, org.assertj.core.data.Offset.offset(1e-12));
    }

    assertThat(calls).hasValue(3);
    assertThat(results).filteredOn(ItemResult::passed).hasSize(3).allSatisfy(r -> {
      assertThat(r.costUsd()).isEqualTo(0.001);
      assertThat(r.judgeCostUsd()).isEqualTo(0.002);
      assertThat(r.totalCostUsd()).isCloseTo(0.003, org.assertj.core.data.Offset.offset(1e-12));
      assertThat(r.judgeTokens()).isEqualTo(new TokenUsage(300, 40));
    });
    assertThat(results).filteredOn(r -> r.status() == ItemStatus.ERROR).hasSize(7)
        .allSatisfy(r -> assertThat(r.error().kind()).isEqualTo("budget-exceeded"));
  }

  @Test
  void aFailingSinkStopsTheRunInsteadOfLosingResults() {
    Suite suite = suite(20, options(1, 0, null, null), null);
    Map<String, Boolean> stored = new ConcurrentHashMap<>();
    try (ShardExecutor executor =
        ShardExecutor.builder(suite, List.of(provider(r -> answer(r.prompt()))), CONTAINS_EXPECTED).build()) {
      assertThatThrownBy(
              () ->
                  executor.execute("run", new Planner().plan("run", suite).items()::iterator, id -> false,
                      result -> {
                        if (stored.size() == 5) throw new IllegalStateException("disk full");
                        stored.put(result.itemId(), true);
                      }))
          .isInstanceOf(ResultStorageException.class)
          .hasMessageContaining("disk full");
    }
    assertThat(stored).hasSize(5);
  }

  @Test
  void aBrokenTemplateIsAnErrorOnItsItemOnly() {
    Suite suite =
        new Suite("t", List.of(new Prompt("p0", null, "Hello {% if %}")), List.of(ProviderSpec.of("fake")),
            List.of(new TestCase(null, Map.of(), List.of(), null, null)), options(1, 0, null, null), "test");
    List<ItemResult> results = run(suite, provider(r -> answer("x")), Set.of());
    assertThat(results.getFirst().error().kind()).isEqualTo("template");
  }

  @Test
  void chatPromptsBecomeConversationsWithVarsRenderedPerMessage() {
    Suite suite =
        new Suite(
            "chat",
            List.of(new Prompt("p0", null,
                "[{\"role\":\"system\",\"content\":\"Answer tersely.\"},{\"role\":\"user\",\"content\":\"Capital of {{country}}?\"}]")),
            List.of(ProviderSpec.of("fake")),
            List.of(new TestCase(null, Map.of("country", "\"France\"", "expected", "ok"), List.of(), null, null)),
            options(1, 0, null, null),
            "test");
    List<ProviderRequest> seen = new CopyOnWriteArrayList<>();
    run(suite, provider(request -> { seen.add(request); return answer("ok"); }), Set.of());

    assertThat(seen).singleElement().satisfies(request -> {
      assertThat(request.messages()).hasSize(2);
      assertThat(request.messages().get(1).text()).isEqualTo("Capital of \"France\"?");
    });
  }

  @Test
  void retryAfterIsNeverShortenedAndBackoffGrowsWithinItsJitter() {
    RetrySettings settings = new RetrySettings(Duration.ofMillis(100), Duration.ofSeconds(2), 0.25, Duration.ofSeconds(5));
    ProviderException limited = new ProviderException.RateLimited("429", 429, Duration.ofSeconds(1));
    ProviderException down = new ProviderException.ServerError("503", 503, null);
    for (int i = 0; i < 200; i++) {
      assertThat(ShardExecutor.delayBeforeRetry(settings, limited, 1)).isBetween(Duration.ofSeconds(1), Duration.ofMillis(1025));
      assertThat(ShardExecutor.delayBeforeRetry(settings, down, 1)).isBetween(Duration.ofMillis(75), Duration.ofMillis(125));
      assertThat(ShardExecutor.delayBeforeRetry(settings, down, 3)).isBetween(Duration.ofMillis(300), Duration.ofMillis(500));
      assertThat(ShardExecutor.delayBeforeRetry(settings, down, 10)).isBetween(Duration.ofMillis(1500), Duration.ofMillis(2500));
    }
    ProviderException tooLong = new ProviderException.RateLimited("429", 429, Duration.ofMinutes(10));
    assertThat(ShardExecutor.delayBeforeRetry(settings, tooLong, 1)).isLessThan(Duration.ofMillis(5026));
  }

  @Test
  void anInterruptedExecutionStoresNoResultForItsItemsInFlightAndSaysSo() throws Exception {
    Suite suite = suite(40, options(4, 0, Duration.ofSeconds(30), null), null);
    Provider slow =
        provider(request -> {
          try {
            Thread.sleep(200);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // as the HTTP transport and scripted provider do
            throw new ProviderException.Timeout("interrupted", null);
          }
          return answer("C");
        });
    List<ItemResult> stored = new CopyOnWriteArrayList<>();
    List<Throwable> thrown = new CopyOnWriteArrayList<>();
    Thread caller =
        Thread.ofPlatform().start(() -> {
          try (ShardExecutor executor = ShardExecutor.builder(suite, List.of(slow), CONTAINS_EXPECTED).build()) {
            executor.execute("run", new Planner().plan("run", suite).items()::iterator, id -> false, stored::add);
          } catch (RuntimeException e) {
            thrown.add(e);
          }
        });
    Thread.sleep(500);
    caller.interrupt();
    caller.join(10_000);

    assertThat(thrown).singleElement().isInstanceOf(java.util.concurrent.CancellationException.class);
    assertThat(stored).hasSizeLessThan(40).allSatisfy(result -> assertThat(result.error()).isNull());
  }
}
