package dev.ltb.evaluator.logprob;

import static dev.ltb.evaluator.EvaluatorTestSupport.assertion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ltb.evaluator.AssertionOutcome;
import dev.ltb.evaluator.AssertionRunner;
import dev.ltb.evaluator.BuiltInEvaluators;
import dev.ltb.evaluator.EvaluationException;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.provider.ProviderResponse;
import dev.ltb.suite.Assertion;
import dev.ltb.suite.TestCase;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The formula is promptfoo's handlePerplexityScore (src/assertions/perplexity.ts): perplexityNorm = 1 / (1 +
 * exp(-mean(logProbs))), pass when it reaches the threshold (always without one), score perplexityNorm. Reference
 * values from promptfoo's test/assertions/perplexity.test.ts: [-2] scores 0.1192 (to 4 places) and
 * not-perplexity-score scores 1 - 0.1192 = 0.8808 and passes against 0.5; [0, 0] scores 0.5 and fails against 0.9.
 */
class PerplexityScoreEvaluatorTest {

  private final PerplexityScoreEvaluator evaluator = new PerplexityScoreEvaluator();

  static Stream<Arguments> results() {
    return Stream.of(
        Arguments.of(new double[] {-2}, 0.5, false, 0.11920292202211755,
            "perplexity score 0.119 (perplexity 7.389 over 1 token) is below the threshold 0.5"),
        Arguments.of(new double[] {0, 0}, 0.9, false, 0.5,
            "perplexity score 0.500 (perplexity 1.000 over 2 tokens) is below the threshold 0.9"),
        Arguments.of(new double[] {0, 0}, 0.5, true, 0.5,
            "perplexity score 0.500 (perplexity 1.000 over 2 tokens) meets the threshold 0.5"),
        Arguments.of(new double[] {-2}, null, true, 0.11920292202211755,
            "perplexity score 0.119 (perplexity 7.389 over 1 token; no threshold set)"),
        Arguments.of(new double[] {-0.1, -0.5, -1.2, -0.05}, 0.3, true, 1 / (1 + 1.5880391243159433),
            "perplexity score 0.386 (perplexity 1.588 over 4 tokens) meets the threshold 0.3"),
        Arguments.of(new double[] {Double.NEGATIVE_INFINITY}, 0.1, false, 0.0,
            "perplexity score 0.000 (perplexity infinity over 1 token) is below the threshold 0.1"));
  }

  @ParameterizedTest
  @MethodSource("results")
  void scoresOneOverOnePlusThePerplexity(
      double[] logprobs, Double threshold, boolean pass, double score, String reason) {
    EvaluationResult result =
        evaluator.evaluate(assertion("perplexity-score", null, threshold), Logprobs.context(logprobs));

    assertThat(result.pass()).isEqualTo(pass);
    assertThat(result.score()).isCloseTo(score, within(1e-12));
    assertThat(result.reason()).isEqualTo(reason);
  }

  @Test
  void negatedItInvertsTheScoreAsPromptfooDoes() {
    Assertion negated = new Assertion("perplexity-score", true, null, 0.5, 1, null, null);
    TestCase test = new TestCase("t", Map.of(), List.of(negated), null, null);

    AssertionOutcome outcome =
        new AssertionRunner(BuiltInEvaluators.registry()).run(test, Logprobs.context(-2)).assertions().getFirst();

    assertThat(outcome.pass()).isTrue();
    assertThat(outcome.score()).isCloseTo(0.8808, within(1e-4));
  }

  @Test
  void failsClearlyWhenTheProviderReturnedNoLogprobs() {
    assertThatThrownBy(() -> evaluator.evaluate(assertion("perplexity-score", null, 0.5),
            Logprobs.context(ProviderResponse.of("Paris", null, null, null))))
        .isInstanceOf(EvaluationException.class)
        .hasMessageStartingWith("perplexity-score needs the log-probabilities of the output's tokens, and"
            + " openai:chat:gpt-4o-mini returned none; enable them in the provider's config");
  }

  @Test
  void rejectsAThresholdOutsideZeroToOne() {
    assertThatThrownBy(() -> evaluator.evaluate(assertion("perplexity-score", null, 5.0), Logprobs.context(-2)))
        .hasMessage("perplexity-score threshold must be between 0 and 1, was 5");
  }
}
