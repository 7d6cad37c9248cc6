package dev.ltb.evaluator;

import static dev.ltb.evaluator.EvaluatorTestSupport.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ltb.provider.ProviderResponse;
import dev.ltb.provider.TokenUsage;
import dev.ltb.suite.Assertion;
import dev.ltb.suite.AssertionSet;
import dev.ltb.suite.AssertionSpec;
import dev.ltb.suite.TestCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AssertionRunnerTest {

  private static final String OUTPUT = "The capital of France is Paris.";

  private final AssertionRunner runner = new AssertionRunner(registryWithFakes());

  @Test
  void passesWhenEveryAssertionPasses() {
    TestOutcome outcome =
        run(List.of(assertion("contains", "Paris"), assertion("icontains", "capital")));

    assertThat(outcome)
        .isEqualTo(
            new TestOutcome(
                true,
                1,
                "All assertions passed",
                List.of(
                    outcome("contains", true, 1, "output contains \"Paris\"", 1),
                    outcome(
                        "icontains", true, 1, "output contains \"capital\" (ignoring case)", 1)),
                Map.of(),
                TokenUsage.NONE));
  }

  @Test
  void aTestWithoutAssertionsPassesWithFullScore() {
    assertThat(run(List.of()))
        .isEqualTo(new TestOutcome(true, 1, "No assertions", List.of(), Map.of(), TokenUsage.NONE));
  }

  @Test
  void failsWithTheFirstFailingReason() {
    TestOutcome outcome =
        run(
            List.of(
                assertion("contains", "Paris"),
                assertion("contains", "Lyon"),
                assertion("contains", "Nice")));

    assertThat(outcome.pass()).isFalse();
    assertThat(outcome.score()).isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(outcome.reason()).isEqualTo("output does not contain \"Lyon\"");
  }

  @Nested
  class Negation {

    @Test
    void invertsPassAndScoreAndSaysWhatWasObserved() {
      TestOutcome outcome = run(List.of(negated("contains", "Paris"), negated("contains", "Lyon")));

      assertThat(outcome.assertions())
          .containsExactly(
              outcome(
                  "not-contains", false, 0, "not-contains failed: output contains \"Paris\"", 1),
              outcome("not-contains", true, 1, "output does not contain \"Lyon\"", 1));
      assertThat(outcome.pass()).isFalse();
      assertThat(outcome.score()).isEqualTo(0.5);
      assertThat(outcome.reason()).isEqualTo("not-contains failed: output contains \"Paris\"");
    }

    @Test
    void turnsAPartialScoreIntoItsComplement() {
      TestOutcome outcome = run(List.of(negated("scored", "0.25")));

      assertThat(outcome.assertions())
          .containsExactly(outcome("not-scored", true, 0.75, "scored 0.25", 1));
    }
  }

  @Nested
  class Weights {

    @Test
    void weighTheTestScore() {
      TestOutcome outcome =
          run(List.of(weighted(assertion("contains", "Paris"), 3), assertion("contains", "Lyon")));

      assertThat(outcome.score()).isEqualTo(0.75);
      assertThat(outcome.pass()).isFalse();
      assertThat(outcome.reason()).isEqualTo("output does not contain \"Lyon\"");
    }

    @Test
    void weightZeroIsReportedButNeverFailsTheTest() {
      TestOutcome outcome =
          run(List.of(assertion("contains", "Paris"), weighted(assertion("contains", "Lyon"), 0)));

      assertThat(outcome)
          .isEqualTo(
              new TestOutcome(
                  true,
                  1,
                  "All assertions passed",
                  List.of(
                      outcome("contains", true, 1, "output contains \"Paris\"", 1),
                      outcome("contains", false, 0, "output does not contain \"Lyon\"", 0)),
                  Map.of(),
                  TokenUsage.NONE));
    }

    @Test
    void onlyInformationalAssertionsLeaveTheTestPassing() {
      TestOutcome outcome = run(List.of(weighted(assertion("contains", "Lyon"), 0)));

      assertThat(outcome.pass()).isTrue();
      assertThat(outcome.score()).isEqualTo(1);
      assertThat(outcome.reason()).isEqualTo("No weighted assertions");
    }
  }

  @Nested
  class TestThreshold {

    private final List<AssertionSpec> threeOfFour =
        List.of(weighted(assertion("contains", "Paris"), 3), assertion("contains", "Lyon"));

    @Test
    void passesWhenTheScoreReachesIt() {
      TestOutcome outcome = run(threeOfFour, 0.75);

      assertThat(outcome.pass()).isTrue();
      assertThat(outcome.reason())
          .isEqualTo(
              "Aggregate score 0.75 ≥ threshold 0.75; first failure: output does not contain"
                  + " \"Lyon\"");
    }

    @Test
    void failsWhenTheScoreStaysBelow() {
      TestOutcome outcome = run(threeOfFour, 0.8);

      assertThat(outcome.pass()).isFalse();
      assertThat(outcome.reason())
          .isEqualTo(
              "Aggregate score 0.75 < threshold 0.8; first failure: output does not contain"
                  + " \"Lyon\"");
    }

    @Test
    void toleratesRoundingInTheWeightedMean() {
      List<AssertionSpec> thirds =
          List.of(
              assertion("scored", "0.1"), assertion("scored", "0.2"), assertion("scored", "0.3"));

      assertThat(run(thirds, 0.2).pass()).isTrue();
    }

    @Test
    void saysAllPassedWhenNothingFailed() {
      assertThat(run(List.of(assertion("contains", "Paris")), 0.5).reason())
          .isEqualTo("All assertions passed");
    }
  }

  @Nested
  class AssertSets {

    @Test
    void withoutThresholdPassOnlyWhenEveryChildPasses() {
      AssertionSet set =
          new AssertionSet(
              List.of(assertion("contains", "Paris"), assertion("contains", "Lyon")),
              null,
              1,
              null);

      TestOutcome outcome = run(List.of(set));

      AssertionOutcome expectedSet =
          new AssertionOutcome(
              "assert-set",
              false,
              0.5,
              "output does not contain \"Lyon\"",
              1,
              null,
              List.of(
                  outcome("contains", true, 1, "output contains \"Paris\"", 1),
                  outcome("contains", false, 0, "output does not contain \"Lyon\"", 1)));
      assertThat(outcome)
          .isEqualTo(
              new TestOutcome(
                  false,
                  0.5,
                  "output does not contain \"Lyon\"",
                  List.of(expectedSet),
                  Map.of(),
                  TokenUsage.NONE));
    }

    @Test
    void withThresholdPassWhenTheWeightedMeanReachesIt() {
      AssertionSet set =
          new AssertionSet(
              List.of(weighted(assertion("contains", "Paris"), 3), assertion("contains", "Lyon")),
              0.7,
              2,
              null);

      TestOutcome outcome = run(List.of(set, assertion("contains", "France")));

      assertThat(outcome.assertions().get(0))
          .isEqualTo(
              new AssertionOutcome(
                  "assert-set",
                  true,
                  0.75,
                  "Aggregate score 0.75 ≥ threshold 0.7; first failure: output does not contain"
                      + " \"Lyon\"",
                  2,
                  null,
                  List.of(
                      outcome("contains", true, 1, "output contains \"Paris\"", 3),
                      outcome("contains", false, 0, "output does not contain \"Lyon\"", 1))));
      assertThat(outcome.pass()).isTrue();
      assertThat(outcome.score()).isEqualTo((2 * 0.75 + 1) / 3);
      assertThat(outcome.reason()).isEqualTo("All assertions passed");
    }

    @Test
    void nestInsideEachOther() {
      AssertionSet inner = new AssertionSet(List.of(assertion("contains", "Lyon")), null, 1, null);
      AssertionSet outer =
          new AssertionSet(List.of(assertion("contains", "Paris"), inner), 0.5, 1, null);

      TestOutcome outcome = run(List.of(outer));

      assertThat(outcome.pass()).isTrue();
      assertThat(outcome.score()).isEqualTo(0.5);
      assertThat(outcome.assertions().get(0).children().get(1).children())
          .containsExactly(outcome("contains", false, 0, "output does not contain \"Lyon\"", 1));
    }
  }

  @Test
  void averagesNamedMetricsAcrossEntriesAndSets() {
    AssertionSet format =
        new AssertionSet(
            List.of(
                withMetric(assertion("contains", "Lyon"), "accuracy"), assertion("is-json", null)),
            null,
            2,
            "format");
    List<AssertionSpec> asserts =
        List.of(
            withMetric(weighted(assertion("contains", "Paris"), 3), "accuracy"),
            format,
            withMetric(weighted(assertion("scored", "0.5"), 0), "tone"));

    TestOutcome outcome = run(asserts);

    // accuracy: Paris (weight 3, score 1) and Lyon inside a set of weight 2 (weight 1 × 2, score 0)
    // -> 3/5
    assertThat(outcome.namedScores())
        .containsExactlyInAnyOrderEntriesOf(Map.of("accuracy", 0.6, "format", 0.0, "tone", 0.5));
  }

  @Test
  void sumsTheCostOfEveryJudgeCallIncludingThoseOfAssertionsThatCouldNotBeEvaluated() {
    TestOutcome outcome =
        run(List.of(assertion("judged", "0.5"), assertion("judged", "1"), assertion("judge-gave-up", "1")));

    assertThat(outcome.judgeCostUsd()).isCloseTo(0.0045, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(outcome.judgeTokens()).isEqualTo(new TokenUsage(27, 7));
    assertThat(outcome.assertions().get(2).reason())
        .isEqualTo("judge-gave-up could not be evaluated: the judge's reply holds no JSON object");
  }

  @Test
  void mergesEvaluatorsOwnScoresAndSumsJudgeTokens() {
    TestOutcome outcome =
        run(
            List.of(
                assertion("judged", "0.5"), withMetric(assertion("judged", "1"), "judged-metric")));

    // judged-metric: 0 from the first evaluator's own scores, 1 from the second's score under that
    // metric
    // (its own judged-metric score is not counted twice)
    assertThat(outcome.namedScores())
        .containsExactlyInAnyOrderEntriesOf(Map.of("relevance", 0.75, "judged-metric", 0.5));
    assertThat(outcome.judgeTokens()).isEqualTo(new TokenUsage(20, 6));
  }

  @Test
  void rendersValuesAndMetricNamesWithTheTestVars() {
    List<AssertionSpec> asserts =
        List.of(
            withMetric(assertion("contains", "'{{ city }}'"), "{{ lang }}-accuracy"),
            assertion("contains-all", "['{{ country }}', capital]"));
    TestCase test =
        new TestCase(
            null, Map.of("city", "Paris", "country", "France", "lang", "fr"), asserts, null, null);

    TestOutcome outcome = runner.run(test, context(test));

    assertThat(outcome.assertions())
        .containsExactly(
            new AssertionOutcome(
                "contains", true, 1, "output contains \"Paris\"", 1, "fr-accuracy", List.of()),
            outcome(
                "contains-all", true, 1, "output contains all of [\"France\", \"capital\"]", 1));
    assertThat(outcome.namedScores()).containsOnlyKeys("fr-accuracy");
  }

  @Nested
  class FailingEvaluators {

    @Test
    void failOnlyTheirAssertionAndTheRunGoesOn() {
      TestOutcome outcome = run(List.of(assertion("boom", "x"), assertion("contains", "Paris")));

      assertThat(outcome.assertions())
          .containsExactly(
              outcome(
                  "boom",
                  false,
                  0,
                  "boom could not be evaluated: IllegalStateException: evaluator bug",
                  1),
              outcome("contains", true, 1, "output contains \"Paris\"", 1));
      assertThat(outcome.pass()).isFalse();
      assertThat(outcome.reason())
          .isEqualTo("boom could not be evaluated: IllegalStateException: evaluator bug");
    }

    @Test
    void failEvenWhenNegated() {
      TestOutcome outcome = run(List.of(negated("regex", "'[a-'")));

      assertThat(outcome.assertions())
          .containsExactly(
              outcome(
                  "not-regex",
                  false,
                  0,
                  "not-regex could not be evaluated: invalid regular expression \"[a-\": Illegal"
                      + " character range near index 3",
                  1));
    }

    @Test
    void includeValuesThatDoNotRender() {
      TestOutcome outcome = run(List.of(assertion("contains", "'{% if %}'")));

      assertThat(outcome.assertions())
          .extracting(AssertionOutcome::reason)
          .containsExactly(
              "contains could not be evaluated: template error: Syntax error in '{% if %}': Tag"
                  + " 'if' expects expression (line 1); Syntax error in '{% if %}': Missing end"
                  + " tag: endif for tag defined as: {% if %} (line 1)");
    }

    @Test
    void reportUnknownTypesAndMissingValues() {
      TestOutcome outcome = run(List.of(assertion("nope", "x"), assertion("contains", null)));

      assertThat(outcome.assertions())
          .extracting(AssertionOutcome::reason)
          .containsExactly(
              "nope could not be evaluated: unknown assertion type \"nope\"; known types: "
                  + String.join(", ", registryWithFakes().ids())
                  + " (each may be negated with the not- prefix)",
              "contains could not be evaluated: contains needs a value: a string or number");
    }
  }

  private TestOutcome run(List<AssertionSpec> asserts) {
    return run(asserts, null);
  }

  private TestOutcome run(List<AssertionSpec> asserts, Double threshold) {
    TestCase test = new TestCase("t", Map.of(), asserts, threshold, null);
    return runner.run(test, context(test));
  }

  private static EvaluationContext context(TestCase test) {
    ProviderResponse response = ProviderResponse.of(OUTPUT, null, null, null);
    return new EvaluationContext(OUTPUT, response, "prompt", test.vars(), test, null);
  }

  private static Assertion assertion(String type, String yamlValue) {
    return new Assertion(type, false, yaml(yamlValue), null, 1, null, null);
  }

  private static Assertion negated(String type, String yamlValue) {
    return new Assertion(type, true, yaml(yamlValue), null, 1, null, null);
  }

  private static Assertion weighted(Assertion a, double weight) {
    return new Assertion(
        a.type(), a.negated(), a.value(), a.threshold(), weight, a.metric(), a.config());
  }

  private static Assertion withMetric(Assertion a, String metric) {
    return new Assertion(
        a.type(), a.negated(), a.value(), a.threshold(), a.weight(), metric, a.config());
  }

  private static AssertionOutcome outcome(
      String type, boolean pass, double score, String reason, double weight) {
    return new AssertionOutcome(type, pass, score, reason, weight, null, List.of());
  }

  /** The built-in evaluators plus fakes for what they never do: partial scores, judges, bugs. */
  private static EvaluatorRegistry registryWithFakes() {
    EvaluatorRegistry builtIns = BuiltInEvaluators.registry();
    List<Evaluator> evaluators =
        new ArrayList<>(builtIns.ids().stream().map(builtIns::get).toList());
    evaluators.add(
        fake(
            "scored",
            (a, c) ->
                EvaluationResult.of(
                    a.value().doubleValue() >= 0.5,
                    a.value().doubleValue(),
                    "scored " + a.value())));
    evaluators.add(
        fake(
            "judged",
            (a, c) ->
                new EvaluationResult(
                    true,
                    a.value().doubleValue(),
                    "judged",
                    Map.of("relevance", a.value().doubleValue(), "judged-metric", 0.0),
                    new TokenUsage(10, 3),
                    0.002)));
    evaluators.add(
        fake(
            "judge-gave-up",
            (a, c) -> {
              throw new EvaluationException("the judge's reply holds no JSON object", new TokenUsage(7, 1), 0.0005);
            }));
    evaluators.add(
        fake(
            "boom",
            (a, c) -> {
              throw new IllegalStateException("evaluator bug");
            }));
    return new EvaluatorRegistry(evaluators);
  }

  private static Evaluator fake(
      String id,
      java.util.function.BiFunction<Assertion, EvaluationContext, EvaluationResult> body) {
    EvaluatorDescriptor descriptor =
        new EvaluatorDescriptor(id, "1", "test fake", "a number", false, null, false);
    return new Evaluator() {
      @Override
      public EvaluatorDescriptor descriptor() {
        return descriptor;
      }

      @Override
      public EvaluationResult evaluate(Assertion assertion, EvaluationContext context) {
        return body.apply(assertion, context);
      }
    };
  }
}
