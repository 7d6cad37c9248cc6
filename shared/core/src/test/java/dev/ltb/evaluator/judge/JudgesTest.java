package dev.ltb.evaluator.judge;

import static dev.ltb.evaluator.judge.JudgeFixture.TOKENS;
import static dev.ltb.evaluator.judge.JudgeFixture.context;
import static dev.ltb.evaluator.judge.JudgeFixture.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ltb.evaluator.AssertionOutcome;
import dev.ltb.evaluator.AssertionRunner;
import dev.ltb.evaluator.BuiltInEvaluators;
import dev.ltb.evaluator.EvaluationException;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.evaluator.TestOutcome;
import dev.ltb.provider.BuiltInProviders;
import dev.ltb.provider.ProviderContext;
import dev.ltb.provider.ProviderRegistry;
import dev.ltb.provider.ProviderResponse;
import dev.ltb.provider.SecretResolver;
import dev.ltb.provider.TokenUsage;
import dev.ltb.provider.cache.CacheKey;
import dev.ltb.provider.cache.CachingProvider;
import dev.ltb.provider.cache.ResponseCache;
import dev.ltb.suite.Assertion;
import dev.ltb.suite.ProviderSpec;
import dev.ltb.suite.TestCase;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class JudgesTest {

  private static final String VERDICT = "{\"reason\": \"French\", \"pass\": true, \"score\": 1}";

  @Nested
  class Caching {

    @Test
    void asksOnceForTheSameJudgeRubricAndOutput() {
      JudgeFixture fixture = JudgeFixture.answering(VERDICT);
      LlmRubricEvaluator evaluator = new LlmRubricEvaluator(fixture.judges);

      EvaluationResult first =
          evaluator.evaluate(rubric("Is French", null), context("p1", "Salut"));
      EvaluationResult again =
          evaluator.evaluate(rubric("Is French", null), context("another prompt", "Salut"));

      assertThat(fixture.requests).hasSize(1);
      assertThat(first).isEqualTo(new EvaluationResult(true, 1, "French", Map.of(), TOKENS));
      assertThat(again)
          .isEqualTo(new EvaluationResult(true, 1, "French", Map.of(), TokenUsage.NONE));
    }

    @Test
    void asksAgainForAnotherOutputRubricOrJudge() {
      JudgeFixture fixture = JudgeFixture.answering(VERDICT);
      LlmRubricEvaluator evaluator = new LlmRubricEvaluator(fixture.judges);

      evaluator.evaluate(rubric("Is French", null), context("p", "Salut"));
      evaluator.evaluate(rubric("Is French", null), context("p", "Bonjour"));
      evaluator.evaluate(rubric("Is polite", null), context("p", "Salut"));
      evaluator.evaluate(rubric("Is French", gradedBy("judge:other")), context("p", "Salut"));

      assertThat(fixture.requests).hasSize(4);
    }

    @Test
    void asksOnceWhenManyThreadsAskTheSameAtOnce() throws Exception {
      JudgeFixture fixture =
          new JudgeFixture(
              "{responses: {default: '"
                  + VERDICT
                  + "'}, latencyMs: 50, tokens: {input: 100, output: 20}}");
      LlmRubricEvaluator evaluator = new LlmRubricEvaluator(fixture.judges);
      try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
        List<Future<EvaluationResult>> results =
            pool.invokeAll(
                java.util.Collections.nCopies(
                    8, () -> evaluator.evaluate(rubric("Is French", null), context("p", "Salut"))));
        for (Future<EvaluationResult> result : results) assertThat(result.get().pass()).isTrue();
      }
      assertThat(fixture.requests).hasSize(1);
    }

    @Test
    void reusesTheRunsResponseCacheAndCountsNothingForACachedVerdict() {
      Map<CacheKey, ProviderResponse> stored = new java.util.concurrent.ConcurrentHashMap<>();
      ResponseCache onDisk =
          new ResponseCache() {
            @Override
            public java.util.Optional<ProviderResponse> get(CacheKey key) {
              return java.util.Optional.ofNullable(stored.get(key));
            }

            @Override
            public void put(CacheKey key, ProviderResponse response) {
              stored.put(key, response);
            }
          };
      JudgeFixture fixture = JudgeFixture.answering(VERDICT);
      UnaryOperator<ProviderRegistry> withCache =
          providers -> providers.decoratedWith(CachingProvider.decorator(onDisk));

      EvaluationResult firstRun =
          new LlmRubricEvaluator(fixture.judges(withCache))
              .evaluate(rubric("Is French", null), context("p", "Salut"));
      EvaluationResult secondRun =
          new LlmRubricEvaluator(fixture.judges(withCache))
              .evaluate(rubric("Is French", null), context("p", "Salut"));

      assertThat(stored).hasSize(1);
      assertThat(fixture.requests).hasSize(1);
      assertThat(firstRun.judgeTokens()).isEqualTo(TOKENS);
      assertThat(secondRun)
          .isEqualTo(new EvaluationResult(true, 1, "French", Map.of(), TokenUsage.NONE));
    }

    @Test
    void doesNotRememberAFailedCall() {
      JudgeFixture fixture =
          new JudgeFixture("{responses: {default: x}, errorRate: 1, errorKind: invalid-request}");
      LlmRubricEvaluator evaluator = new LlmRubricEvaluator(fixture.judges);

      for (int i = 0; i < 2; i++) {
        assertThatThrownBy(
                () -> evaluator.evaluate(rubric("Is French", null), context("p", "Salut")))
            .hasMessage(
                "the judge judge:test failed: judge:test: simulated invalid-request error (errorRate 1.0, attempt "
                    + (i + 1)
                    + ")");
      }
      assertThat(fixture.requests).hasSize(2);
    }
  }

  @Nested
  class CostCap {

    // 1,000 input and 100 output tokens at $50 per million each: $0.055 per call.
    private static final String EXPENSIVE =
        "{responses: {default: '"
            + VERDICT
            + "'}, tokens: {input: 1000, output: 100},"
            + " costPerMillion: {input: 50, output: 50}}";

    @Test
    void failsTheAssertionWhenItsJudgeCostsMoreThanTheCap() {
      JudgeFixture fixture = new JudgeFixture(EXPENSIVE);
      Assertion capped = withConfig(rubric("Is French", null), "{maxJudgeCostUsd: 0.05}");

      assertThatThrownBy(
              () -> new LlmRubricEvaluator(fixture.judges).evaluate(capped, context("p", "Salut")))
          .isInstanceOfSatisfying(
              EvaluationException.class,
              e -> {
                assertThat(e)
                    .hasMessage(
                        "the judge's calls for this assertion cost $0.055, more than its cap of $0.05; raise"
                            + " config.maxJudgeCostUsd or choose a cheaper grader");
                assertThat(e.judgeTokens()).isEqualTo(new TokenUsage(1000, 100));
                assertThat(e.judgeCostUsd()).isCloseTo(0.055, within(1e-12));
              });
    }

    @Test
    void addsUpEveryCallOfOneAssertion() {
      // g-eval asks twice (steps, then score): $0.11 in all, over the default cap of $0.10.
      JudgeFixture fixture =
          new JudgeFixture(
              "{responses: {'Write 3 or 4': '{\"steps\": [\"check\"]}', default: '{\"score\": 9, \"reason\": \"ok\"}'},"
                  + " tokens: {input: 1000, output: 100}, costPerMillion: {input: 50, output: 50}}");

      assertThatThrownBy(
              () ->
                  new GEvalEvaluator(fixture.judges)
                      .evaluate(assertionOf("g-eval", "Is clear"), context("p", "Salut")))
          .hasMessage(
              "the judge's calls for this assertion cost $0.11, more than its cap of $0.1; raise"
                  + " config.maxJudgeCostUsd or choose a cheaper grader");
      assertThat(fixture.requests).hasSize(2);
    }

    @Test
    void passesUnderTheCapAndReportsWhatTheJudgeCost() {
      JudgeFixture fixture = new JudgeFixture(EXPENSIVE);

      EvaluationResult result =
          new LlmRubricEvaluator(fixture.judges).evaluate(rubric("Is French", null), context("p", "Salut"));

      assertThat(result.pass()).isTrue();
      assertThat(result.judgeCostUsd()).isCloseTo(0.055, within(1e-12));
    }

    @Test
    void aRememberedVerdictCostsNothing() {
      JudgeFixture fixture = new JudgeFixture(EXPENSIVE);
      LlmRubricEvaluator evaluator = new LlmRubricEvaluator(fixture.judges);
      evaluator.evaluate(rubric("Is French", null), context("p", "Salut"));

      EvaluationResult again = evaluator.evaluate(rubric("Is French", null), context("p", "Salut"));

      assertThat(again.judgeCostUsd()).isZero();
      assertThat(fixture.requests).hasSize(1);
    }

    @Test
    void rejectsACapThatIsNotAPositiveNumber() {
      JudgeFixture fixture = JudgeFixture.answering(VERDICT);
      Assertion capped = withConfig(rubric("Is French", null), "{maxJudgeCostUsd: free}");

      assertThatThrownBy(
              () -> new LlmRubricEvaluator(fixture.judges).evaluate(capped, context("p", "Salut")))
          .hasMessage("config.maxJudgeCostUsd must be a number of USD above 0, was \"free\"");
    }
  }

  @Nested
  class WhichJudge {

    @Test
    void takesTheAssertionsProviderThenTheTestsGraderThenTheDefault() {
      JudgeFixture fixture = JudgeFixture.answering(VERDICT);
      TestCase withGrader =
          new TestCase(
              "t", Map.of(), List.of(), null, Map.of(), ProviderSpec.of("judge:of-the-test"));
      TestCase withoutGrader = new TestCase("t", Map.of(), List.of(), null, Map.of());

      assertThat(
              fixture
                  .judges
                  .graderFor(rubric("r", gradedBy("judge:of-the-assertion")), withGrader)
                  .id())
          .isEqualTo("judge:of-the-assertion");
      assertThat(fixture.judges.graderFor(rubric("r", null), withGrader).id())
          .isEqualTo("judge:of-the-test");
      assertThat(fixture.judges.graderFor(rubric("r", null), withoutGrader).id())
          .isEqualTo(JudgeFixture.GRADER);
    }

    @Test
    void runsJudgesAtTemperatureZeroUnlessTheSuiteSetsOne() {
      JudgeFixture fixture = JudgeFixture.answering(VERDICT);
      LlmRubricEvaluator evaluator = new LlmRubricEvaluator(fixture.judges);

      evaluator.evaluate(rubric("Is French", null), context("p", "Salut"));
      evaluator.evaluate(
          rubric(
              "Is French",
              new ProviderSpec(
                  "judge:warm",
                  null,
                  yaml("{responses: {default: '" + VERDICT + "'}, temperature: 0.7}"),
                  null)),
          context("p", "Salut"));

      assertThat(fixture.built)
          .extracting(spec -> spec.config().get("temperature").asDouble())
          .containsExactly(0.0, 0.7);
    }

    @Test
    void leavesTheTemperatureOutForAFamilyThatTakesNone() {
      JudgeFixture fixture = JudgeFixture.answering(VERDICT);
      ProviderSpec scripted = ProviderSpec.of("scripted:judge", yaml("{responses: {default: x}}"));

      assertThat(fixture.judges.graderFor(rubric("r", scripted), null)).isEqualTo(scripted);
    }

    @Test
    void saysWhatToDoWhenTheDefaultGraderHasNoKey() {
      ProviderContext noSecrets =
          new ProviderContext(
              HttpClient.newHttpClient(), SecretResolver.of(Map.of()), Path.of("."));
      Judges judges = new Judges(BuiltInProviders.registry(), noSecrets);

      assertThatThrownBy(
              () ->
                  new LlmRubricEvaluator(judges)
                      .evaluate(rubric("Is French", null), context("p", "Salut")))
          .isInstanceOf(EvaluationException.class)
          .hasMessage(
              "llm-rubric needs a judge model, and the default grader openai:chat:gpt-4o-mini cannot be used:"
                  + " provider openai:chat:gpt-4o-mini: no API key: set the environment variable OPENAI_API_KEY or"
                  + " config apiKey. Name a usable grader with the assertion's provider or options.provider in the"
                  + " test or defaultTest (docs/evaluators.md, \"Model-graded evaluators\")");
    }

    @Test
    void retriesARetryableJudgeError() {
      // seed 3 fails the first attempt and passes the second (errorRate 0.5, scripted's seeded
      // draws)
      JudgeFixture fixture =
          new JudgeFixture(
              "{responses: {default: '"
                  + VERDICT
                  + "'}, errorRate: 0.5, errorKind: server-error, seed: 3}");

      EvaluationResult result =
          new LlmRubricEvaluator(fixture.judges)
              .evaluate(rubric("Is French", null), context("p", "Salut"));

      assertThat(result.pass()).isTrue();
      assertThat(fixture.requests.size()).isGreaterThan(1);
    }
  }

  @Nested
  class ThroughTheAssertionRunner {

    @Test
    void aJudgeThatAnswersGarbageFailsTheAssertionEvenNegatedAndItsTokensStillCount() {
      JudgeFixture fixture = JudgeFixture.answering("Looks good to me.");
      AssertionRunner runner = new AssertionRunner(BuiltInEvaluators.registry(fixture.judges));
      Assertion negated = new Assertion("llm-rubric", true, yaml("Is rude"), null, 1, null, null);
      TestCase test = new TestCase("t", Map.of(), List.of(negated), null, Map.of());

      TestOutcome outcome = runner.run(test, context("p", "Salut"));

      String reason =
          "not-llm-rubric could not be evaluated: the judge's reply holds no JSON object {\"reason\": ..., \"pass\":"
              + " ..., \"score\": ...}; it answered \"Looks good to me.\"";
      assertThat(outcome.assertions())
          .containsExactly(
              new AssertionOutcome("not-llm-rubric", false, 0, reason, 1, null, List.of()));
      assertThat(outcome.judgeTokens()).isEqualTo(TOKENS);
    }
  }

  @Test
  void describesAJudgeWithoutItsSecrets() {
    ProviderSpec spec =
        ProviderSpec.of(
            "openai:chat:gpt-4o",
            yaml(
                "{temperature: 0, apiKey: sk-secret, headers: {X-Token: t}, nested: {client_secret: s, ok: 1}}"));

    assertThat(Judges.describe(spec))
        .isEqualTo(
            "openai:chat:gpt-4o {\"temperature\":0,\"apiKey\":\"***\",\"headers\":\"***\",\"nested\":"
                + "{\"client_secret\":\"***\",\"ok\":1}}");
  }

  static Assertion rubric(String rubric, ProviderSpec grader) {
    return new Assertion("llm-rubric", false, yaml(rubric), null, 1, null, null, grader);
  }

  static Assertion assertionOf(String type, String value) {
    return new Assertion(type, false, yaml(value), null, 1, null, null);
  }

  static Assertion withConfig(Assertion assertion, String config) {
    return new Assertion(
        assertion.type(),
        assertion.negated(),
        assertion.value(),
        assertion.threshold(),
        assertion.weight(),
        assertion.metric(),
        yaml(config),
        assertion.grader());
  }

  static ProviderSpec gradedBy(String id) {
    return ProviderSpec.of(id, yaml("{responses: {default: '" + VERDICT + "'}}"));
  }
}
